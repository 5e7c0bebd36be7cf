"""Notifications about questions: immediate e-mail, or saved for the weekly digest.

Each user chooses (NotificationPreference); urgent notifications always go out at once. Mails carry
a link to the question and never the text of internal notes for people who may not read them.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from ontmoet.accounts.roles import Role
from ontmoet.core.mail import send_templated_mail

from .models import Delivery, NotificationPreference, PendingNotification, Question


def preference(user) -> str:
    pref = NotificationPreference.objects.filter(user=user).first()
    return pref.delivery if pref else Delivery.IMMEDIATE


def place_users(question: Question):
    """The board members of the question's place."""
    return get_user_model().objects.filter(roles__role=Role.BOARD_MEMBER, roles__place_id=question.place_id,
                                           is_active=True).distinct()


def handler_users(question: Question):
    """Who handles it: the assigned expert, the team's experts; nobody assigned -> the province staff."""
    user_model = get_user_model()
    condition = Q(pk__in=[])
    if question.expert_id and question.expert.user_id:
        condition |= Q(pk=question.expert.user_id)
    if question.team_id:
        condition |= Q(expert_profile__team_id=question.team_id)
    if not question.expert_id and not question.team_id:
        condition |= Q(roles__role=Role.PROVINCE_STAFF,
                       roles__province_id=question.place.municipality.province_id)
    return user_model.objects.filter(condition, is_active=True).distinct()


def notify(users, question: Question, text: str, *, urgent: bool = False, exclude=None) -> int:
    """Tell each user `text` about the question: by mail now, or in the weekly digest. Returns mails sent."""
    sent = 0
    for user in users:
        if exclude is not None and user.pk == exclude.pk:
            continue
        if urgent or preference(user) == Delivery.IMMEDIATE:
            sent += send_templated_mail("helpdesk/email/notification", {"question": question, "text": text,
                                                                        "user": user}, to=[user.email])
        else:
            PendingNotification.objects.create(user=user, question=question, text=text[:300])
    return sent


def send_weekly_digests(now=None) -> int:
    """One mail per user with every saved notification not sent yet; safe to run again."""
    now = now or timezone.now()
    pending = PendingNotification.objects.filter(sent_at__isnull=True).select_related("user", "question")
    by_user: dict = {}
    for item in pending:
        by_user.setdefault(item.user, []).append(item)
    sent = 0
    for user, items in by_user.items():
        if send_templated_mail("helpdesk/email/digest", {"user": user, "items": items}, to=[user.email]):
            sent += 1
        PendingNotification.objects.filter(pk__in=[i.pk for i in items]).update(sent_at=now)
    return sent
