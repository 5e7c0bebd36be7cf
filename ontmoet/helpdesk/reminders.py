"""Daily reminders: overdue and nearly-due questions to their assignees, lapsing vettings to the province."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ontmoet.accounts.roles import Role
from ontmoet.core.mail import send_templated_mail

from . import notifications, selectors
from .models import Expert, Question

VETTING_NOTICE_DAYS = 30


def send_deadline_reminders(today=None) -> int:
    """One mail per assignee listing their overdue and nearly-due questions; once per question per day."""
    today = today or timezone.localdate()
    due = selectors.nearly_due(Question.objects.all(), today) | selectors.overdue(Question.objects.all(), today)
    due = due.exclude(reminded_on=today).select_related("expert", "team", "place__municipality").distinct()
    per_user: dict = {}
    for question in due:
        for user in notifications.handler_users(question):
            per_user.setdefault(user, []).append(question)
    sent = 0
    for user, questions in per_user.items():
        sent += send_templated_mail("helpdesk/email/reminder", {"user": user, "questions": questions},
                                    to=[user.email])
    with transaction.atomic():
        Question.objects.filter(pk__in=[q.pk for qs in per_user.values() for q in qs]).update(reminded_on=today)
    return sent


def send_vetting_reminders(today=None) -> int:
    """Tell the province staff a month before an expert's vetting lapses; once per vetting period."""
    today = today or timezone.localdate()
    lapsing = Expert.objects.filter(vetted_until__gte=today,
                                    vetted_until__lte=today + timedelta(days=VETTING_NOTICE_DAYS))
    sent = 0
    for expert in lapsing:
        if expert.vetting_reminder_sent_for == expert.vetted_until:
            continue
        staff = get_user_model().objects.filter(roles__role=Role.PROVINCE_STAFF, roles__province_id=expert.province_id,
                                                is_active=True).values_list("email", flat=True)
        sent += send_templated_mail("helpdesk/email/vetting", {"expert": expert}, to=list(staff))
        Expert.objects.filter(pk=expert.pk).update(vetting_reminder_sent_for=expert.vetted_until)
    return sent
