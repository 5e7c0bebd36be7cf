"""The Sociale Hypotheek: rounds, applications, awards, payments, the hours ledger and settlements.

Split by area: `applications` (rounds, applications, their attachments and history) and `awards` (what follows a
decision). Everything is re-exported here: callers and migrations use `ontmoet.grants.models.<name>`.
"""

from .applications import (
    HOURS,
    MONEY,
    Application,
    Attachment,
    PlannedActivity,
    Round,
    StatusChange,
    application_upload_to,
)
from .awards import (
    Award,
    AwardChange,
    AwardQuarter,
    HourEntry,
    HourEntryChange,
    Payment,
    Reminder,
    Settlement,
    evidence_upload_to,
)

__all__ = [
    "HOURS", "MONEY", "Application", "Attachment", "Award", "AwardChange", "AwardQuarter", "HourEntry",
    "HourEntryChange", "Payment", "PlannedActivity", "Reminder", "Round", "Settlement", "StatusChange",
    "application_upload_to", "evidence_upload_to",
]
