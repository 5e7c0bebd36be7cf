"""Leergang: enrolment per module, completion from attendance, and the learning network's writes."""

from django.db import transaction
from django.utils import timezone

from ..models import Enrolment, RegistrationStatus


@transaction.atomic
def complete_modules_for_event(event) -> int:
    """After attendance is marked for a leergang session: enrolled people who attended every past session of
    the module have completed it. Returns how many enrolments were completed now."""
    session = getattr(event, "course_session", None)
    if session is None:
        return 0
    module = session.module
    sessions = list(module.sessions.select_related("event"))
    completed = 0
    for enrolment in Enrolment.objects.filter(module=module, completed_at__isnull=True):
        attended = {r.event_id for r in enrolment.user.event_registrations.filter(
            event__course_session__module=module, status=RegistrationStatus.CONFIRMED, attended=True)}
        if sessions and all(s.event_id in attended for s in sessions):
            enrolment.completed_at = timezone.now()
            enrolment.save(update_fields=["completed_at"])
            completed += 1
    return completed
