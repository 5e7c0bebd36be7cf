"""Leergang: enrolment per module, completion from attendance, and the learning network's writes."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

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


class EnrolmentError(Exception):
    """A refusal with a Dutch message."""


@transaction.atomic
def enrol(module, user, scope) -> Enrolment:
    from ontmoet.places.models import Place

    if Enrolment.objects.filter(module=module, user=user).exists():
        raise EnrolmentError(_("U bent al ingeschreven voor deze module."))
    place = Place.objects.filter(pk__in=scope.place_ids).select_related("municipality").order_by("pk").first()
    municipality_id = place.municipality_id if place else min(scope.municipality_ids, default=None)
    return Enrolment.objects.create(module=module, user=user, place=place, municipality_id=municipality_id)


@transaction.atomic
def unenrol(enrolment) -> None:
    if enrolment.completed_at is not None:
        raise EnrolmentError(_("Een afgeronde module kunt u niet meer uitschrijven."))
    enrolment.delete()


@transaction.atomic
def mark_complete(enrolment) -> None:
    """The organiser confirms completion (e.g. a session made up elsewhere)."""
    if enrolment.completed_at is None:
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["completed_at"])


@transaction.atomic
def add_material(form, module):
    material = form.save(commit=False)
    material.module = module
    material.save()
    return material


@transaction.atomic
def add_post(theme, author, body: str):
    from ..models import Post

    return Post.objects.create(theme=theme, author=author, body=body)


@transaction.atomic
def add_document(form, group, by):
    document = form.save(commit=False)
    document.group = group
    document.uploaded_by = by
    document.save()
    return document


@transaction.atomic
def add_theme(group, year: int, title: str, description: str):
    from ..models import Theme

    taken = EnrolmentError(_("Voor %(year)s is al een jaarthema gekozen.") % {"year": year})
    if Theme.objects.filter(group=group, year=year).exists():
        raise taken
    try:
        # Two colleagues choosing at the same moment: the unique (group, year) refuses the second.
        with transaction.atomic():
            return Theme.objects.create(group=group, year=year, title=title, description=description)
    except IntegrityError as error:
        raise taken from error


def course_completed(course, user) -> bool:
    modules = list(course.modules.values_list("pk", flat=True))
    done = set(Enrolment.objects.filter(user=user, module__course=course, completed_at__isnull=False)
               .values_list("module_id", flat=True))
    return bool(modules) and set(modules) <= done
