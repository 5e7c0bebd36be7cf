"""The meldpunt: questions of places, the experts who answer them, the knowledge that remains.

Statuses and their transitions live in `workflow.py`, service-level arithmetic in `servicelevels.py`,
routing in `routing.py`; this package only describes what is stored, split by area. Everything is
re-exported here: callers and migrations use `ontmoet.helpdesk.models.<name>`.
"""

from .categories import Category, DayKind, ServiceLevel, Tag
from .experts import Expert, ExpertKind, RoutingRule, Team
from .knowledge import Article, ArticleStatus, ArticleStatusChange, Visibility
from .notifications import Delivery, NotificationPreference, PendingNotification
from .peers import PeerContact, PeerProfile
from .questions import (
    OPEN_STATUSES,
    AssignmentChange,
    Attachment,
    Channel,
    Message,
    Question,
    Rating,
    Status,
    StatusChange,
    Urgency,
    attachment_upload_to,
)

__all__ = [
    "OPEN_STATUSES", "Article", "ArticleStatus", "ArticleStatusChange", "AssignmentChange", "Attachment", "Category",
    "Channel", "DayKind", "Delivery", "Expert", "ExpertKind", "Message", "NotificationPreference", "PeerContact",
    "PeerProfile", "PendingNotification", "Question", "Rating", "RoutingRule", "ServiceLevel", "Status",
    "StatusChange", "Tag", "Team", "Urgency", "Visibility", "attachment_upload_to",
]
