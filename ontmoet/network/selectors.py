"""Reads for the knowledge network, always through the user's Scope.

Events are province-wide or belong to one municipality's area; who sees one depends on its audience.
Organisers are province staff (their province) and municipal officers (events of their municipality).
"""

from datetime import timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality

from .models import (
    Aanspreekpunt,
    Audience,
    ContactMoment,
    Course,
    Enrolment,
    Event,
    FundingScheme,
    LearningGroup,
    Registration,
    RegistrationStatus,
)


# -- where a user belongs ------------------------------------------------------------------------
def user_province_ids(scope, user=None) -> set[int]:
    """Every province the user works in or for: their own, their municipality's, their place's (and, given the
    user, the province an expert or initiator works for)."""
    ids = set(scope.province_ids)
    if user is not None and scope.roles & {"expert", "initiator"}:
        ids |= set(user.roles.filter(province__isnull=False).values_list("province_id", flat=True))
    if scope.municipality_ids:
        ids |= set(Municipality.objects.filter(pk__in=scope.municipality_ids).values_list("province_id", flat=True))
    if scope.place_ids:
        ids |= set(Place.objects.filter(pk__in=scope.place_ids).values_list("municipality__province_id", flat=True))
    return ids


def user_municipality_ids(scope) -> set[int]:
    ids = set(scope.municipality_ids)
    if scope.place_ids:
        ids |= set(Place.objects.filter(pk__in=scope.place_ids).values_list("municipality_id", flat=True))
    return ids


# -- events --------------------------------------------------------------------------------------
def visible_events(scope) -> QuerySet:
    """Published events this user may see (and register for), plus the ones they may manage."""
    events = Event.objects.select_related("province", "municipality")
    if scope.superuser:
        return events
    condition = Q(is_published=True, audience=Audience.EVERYONE)
    if scope.authenticated:
        provinces = user_province_ids(scope)
        municipalities = user_municipality_ids(scope)
        in_area = Q(province_id__in=provinces) & (Q(municipality__isnull=True) | Q(municipality_id__in=municipalities)
                                                   | Q(province_id__in=scope.province_ids))
        if scope.is_board_member or scope.is_officer:
            condition |= Q(is_published=True, audience=Audience.BOARDS) & in_area
        if scope.is_officer:
            condition |= Q(is_published=True, audience=Audience.OFFICERS) & in_area
        condition |= manageable_condition(scope)
    return events.filter(condition)


def manageable_condition(scope) -> Q:
    if scope.superuser:
        return Q()
    return Q(province_id__in=scope.province_ids) | Q(municipality_id__in=scope.municipality_ids)


def manageable_events(scope) -> QuerySet:
    if not (scope.superuser or scope.is_officer):
        return Event.objects.none()
    return Event.objects.filter(manageable_condition(scope)).select_related("province", "municipality")


def can_manage_event(scope, event) -> bool:
    return scope.superuser or event.province_id in scope.province_ids or (
        event.municipality_id is not None and event.municipality_id in scope.municipality_ids)


def upcoming(events: QuerySet) -> QuerySet:
    return events.filter(ends_at__gte=timezone.now()).order_by("starts_at")


def with_counts(events: QuerySet) -> QuerySet:
    return events.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
        waitlist_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)),
    )


def own_registration(event, user) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return event.registrations.filter(user=user).exclude(status=RegistrationStatus.CANCELLED).first()


def waitlist_position(registration) -> int:
    return registration.event.registrations.filter(
        status=RegistrationStatus.WAITLISTED, created_at__lte=registration.created_at,
        pk__lte=registration.pk).count()


# -- contacts ------------------------------------------------------------------------------------
def contact_municipalities(scope) -> QuerySet:
    """Municipalities whose contact page the user may open: province staff and the municipality's own officers."""
    return scope.municipalities(Municipality.objects.select_related("province"))


def last_contact_overview(scope) -> QuerySet:
    """Every municipality of the user's provinces with its latest contact moment and aanspreekpunt."""
    return (Municipality.objects.filter(province_id__in=scope.province_ids) if not scope.superuser
            else Municipality.objects.all()).annotate(
        last_contact=Max("contact_moments__date"), contact_count=Count("contact_moments"),
    ).select_related("aanspreekpunt__officer", "province").order_by("name")


def contact_moments(municipality) -> QuerySet:
    return ContactMoment.objects.filter(municipality=municipality).select_related("recorded_by")


def aanspreekpunt_for(municipality_id) -> Aanspreekpunt | None:
    return Aanspreekpunt.objects.select_related("officer", "municipality").filter(
        municipality_id=municipality_id).first()


# -- schemes -------------------------------------------------------------------------------------
def visible_schemes(scope, user=None) -> QuerySet:
    schemes = FundingScheme.objects.filter(is_active=True) if not scope.is_province_staff else FundingScheme.objects
    if scope.superuser:
        return schemes.all()
    return schemes.filter(province_id__in=user_province_ids(scope, user))


def scheme_fits(scheme, place, facility_ids: set[int], municipality_ids: set[int], required: set[int]) -> bool:
    """Does `place` meet every restriction of `scheme`? An empty restriction lets everyone through."""
    if scheme.place_kinds and place.kind not in scheme.place_kinds:
        return False
    if scheme.legal_forms and place.legal_form not in scheme.legal_forms:
        return False
    if municipality_ids and place.municipality_id not in municipality_ids:
        return False
    return required <= facility_ids


def schemes_for_place(place) -> list:
    schemes = FundingScheme.objects.filter(is_active=True, province_id=place.municipality.province_id).prefetch_related(
        "municipalities", "required_facilities")
    facility_ids = set(place.facilities.values_list("pk", flat=True))
    fitting = []
    for scheme in schemes:
        municipality_ids = {m.pk for m in scheme.municipalities.all()}
        required = {f.pk for f in scheme.required_facilities.all()}
        if scheme_fits(scheme, place, facility_ids, municipality_ids, required):
            fitting.append(scheme)
    return fitting


def upcoming_deadlines(schemes, days: int = 90) -> list:
    today = timezone.localdate()
    horizon = today + timedelta(days=days)
    return sorted((s for s in schemes if s.deadline and today <= s.deadline <= horizon), key=lambda s: s.deadline)


# -- leergang and learning network ---------------------------------------------------------------
def visible_courses(scope, user=None) -> QuerySet:
    if scope.superuser:
        return Course.objects.all()
    return Course.objects.filter(province_id__in=user_province_ids(scope, user))


def enrolments_of(user) -> QuerySet:
    return Enrolment.objects.filter(user=user).select_related("module__course")


def visible_groups(scope) -> QuerySet:
    """Learning networks are for municipal officers and province staff of the province."""
    if scope.superuser:
        return LearningGroup.objects.all()
    if not scope.is_officer:
        return LearningGroup.objects.none()
    provinces = set(scope.province_ids)
    if scope.municipality_ids:
        provinces |= set(Municipality.objects.filter(pk__in=scope.municipality_ids).values_list("province_id",
                                                                                                 flat=True))
    return LearningGroup.objects.filter(province_id__in=provinces)
