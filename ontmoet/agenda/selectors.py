"""Reads for the agenda: a place's activities for its board, the public agenda search, a place's coming dates."""

import math
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Exists, F, FloatField, OuterRef, Prefetch, Q, QuerySet, Value
from django.utils import timezone

from ontmoet.places import choices
from ontmoet.places.geocoding import Point

from .models import Activity, ActivityDate

KM_PER_DEGREE_LAT = 111.32
PAGE_SIZE = 20
PLACE_PANEL_DATES = 8
BOARD_LIST_DAYS = 62  # the board's list shows (and lets cancel) the dates of about two months ahead


def confirm_cutoff():
    """Activities confirmed before this are hidden from the public agenda."""
    return timezone.now() - timedelta(days=round(settings.AGENDA_CONFIRM_MONTHS * 365.25 / 12))


def warn_cutoff():
    """AGENDA_CONFIRM_WARN_DAYS before an activity is hidden its board sees it in the work queue and is mailed."""
    return confirm_cutoff() + timedelta(days=settings.AGENDA_CONFIRM_WARN_DAYS)


def place_activities(place) -> QuerySet[Activity]:
    """The board's list: every activity with its dates in the coming weeks (three queries whatever the number)."""
    today = timezone.localdate()
    upcoming = ActivityDate.objects.filter(date__range=(today, today + timedelta(days=BOARD_LIST_DAYS))).order_by(
        "starts_at")
    return (Activity.objects.filter(place=place).select_related("kind")
            .prefetch_related(Prefetch("dates", upcoming, to_attr="upcoming"), "cancelled_dates"))


def stale_activities(place_ids) -> QuerySet[Activity]:
    """Activities that will soon be hidden for want of a confirmation (the board's work queue)."""
    return Activity.objects.filter(place_id__in=place_ids, last_confirmed_at__lt=warn_cutoff())


def confirm_reminders_due() -> QuerySet[Activity]:
    """Soon to be hidden and not mailed about since they were last confirmed (one mail per confirmation)."""
    return (stale_activities_anywhere().filter(
        Q(confirm_reminder_sent_at__isnull=True) | Q(confirm_reminder_sent_at__lt=F("last_confirmed_at")))
        .exclude(ends_on__lt=timezone.localdate()))


def stale_activities_anywhere() -> QuerySet[Activity]:
    return Activity.objects.filter(last_confirmed_at__lt=warn_cutoff(), last_confirmed_at__gte=confirm_cutoff())


def public_dates() -> QuerySet[ActivityDate]:
    return ActivityDate.objects.filter(
        activity__last_confirmed_at__gte=confirm_cutoff(), place__is_public=True,
        place__status=choices.Status.ACTIVE)


def _with_distance(dates: QuerySet, origin: Point, radius_km: float) -> QuerySet:
    """Within the radius (a box on indexed columns first, then the flat-earth distance), with `distance2` in km²."""
    km_lon = KM_PER_DEGREE_LAT * math.cos(math.radians(origin.latitude))
    dlat, dlon = radius_km / KM_PER_DEGREE_LAT, radius_km / km_lon
    north_south = (F("latitude") - Value(origin.latitude)) * Value(KM_PER_DEGREE_LAT)
    east_west = (F("longitude") - Value(origin.longitude)) * Value(km_lon)
    return (dates.filter(latitude__range=(origin.latitude - dlat, origin.latitude + dlat),
                         longitude__range=(origin.longitude - dlon, origin.longitude + dlon))
            .annotate(distance2=north_south * north_south + east_west * east_west)
            .filter(distance2__lte=radius_km * radius_km))


@dataclass
class Search:
    dates: QuerySet
    origin: Point | None
    first: date
    last: date


def search(filters: dict, origin: Point | None) -> Search:
    """What is on from filters['first'] to filters['last'], by time and then distance."""
    dates = public_dates().filter(date__range=(filters["first"], filters["last"]))
    if filters["first"] == timezone.localdate():
        dates = dates.filter(ends_at__gte=timezone.now())  # what has finished today is no longer "on"
    if filters.get("kind"):
        dates = dates.filter(activity__kind=filters["kind"])
    if filters.get("target_group"):
        groups = Activity.target_groups.through.objects.filter(activity_id=OuterRef("activity_id"),
                                                               targetgroup_id=filters["target_group"].pk)
        dates = dates.filter(Exists(groups))
    if filters.get("free"):
        dates = dates.filter(activity__cost=0)
    if filters.get("walk_in"):
        dates = dates.filter(activity__walk_in=True)
    if filters.get("wheelchair"):
        dates = dates.filter(place__wheelchair_accessible=True)
    if origin is not None:
        dates = _with_distance(dates, origin, float(filters["radius"])).order_by("starts_at", "distance2", "pk")
    else:
        dates = dates.annotate(distance2=Value(None, output_field=FloatField())).order_by("starts_at", "pk")
    dates = dates.select_related("activity__kind", "place__municipality")
    return Search(dates, origin, filters["first"], filters["last"])


def distance_km(row) -> float | None:
    return math.sqrt(row.distance2) if getattr(row, "distance2", None) is not None else None


def place_dates(place, limit: int = PLACE_PANEL_DATES) -> list[ActivityDate]:
    """A place's coming public dates (its page on the kaart and its .ics feed)."""
    return list(public_dates().filter(place=place, date__gte=timezone.localdate(), ends_at__gte=timezone.now())
                .select_related("activity__kind").order_by("starts_at", "pk")[:limit])
