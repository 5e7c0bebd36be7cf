"""Reads for the agenda: a place's activities for its board, the public agenda search, a place's coming dates."""

import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Exists, F, FloatField, OuterRef, Prefetch, Q, QuerySet, Value
from django.utils import timezone

from ontmoet.places import choices
from ontmoet.places.geocoding import Point
from ontmoet.places.models import Place

from . import grid
from .models import Activity, ActivityDate, Recurrence

KM_PER_DEGREE_LAT = 111.32
PAGE_SIZE = 20
COUNT_LIMIT = 500  # the agenda counts up to here and then says "meer dan 500"; nobody pages past 25 pages
PLACE_PANEL_DATES = 8
BOARD_LIST_DAYS = 62  # the board's list shows (and lets cancel) the dates of about two months ahead


def confirm_cutoff(now=None):
    """Activities confirmed before this are hidden from the public agenda."""
    return (now or timezone.now()) - timedelta(days=round(settings.AGENDA_CONFIRM_MONTHS * 365.25 / 12))


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


def public_dates(now=None) -> QuerySet[ActivityDate]:
    """Dates the public may see, decided on the date rows' own copies (models.ActivityDate): no join. (narrow_rows
    says the same in SQL.)"""
    return ActivityDate.objects.filter(listed=True, confirmed_at__gte=confirm_cutoff(now))


@dataclass(frozen=True)
class Box:
    """The area searched around an origin: km per degree of longitude there, the box and its grid cells."""

    km_lon: float
    south: float
    north: float
    west: float
    east: float
    cells: list | None


def box(origin: Point, radius_km: float) -> Box:
    km_lon = KM_PER_DEGREE_LAT * math.cos(math.radians(origin.latitude))
    dlat, dlon = radius_km / KM_PER_DEGREE_LAT, radius_km / km_lon
    south, north = origin.latitude - dlat, origin.latitude + dlat
    west, east = origin.longitude - dlon, origin.longitude + dlon
    return Box(km_lon, south, north, west, east, grid.cells_in_box(south, north, west, east))


def _with_distance(dates: QuerySet, origin: Point, radius_km: float) -> QuerySet:
    """Within the radius (the grid cells around it and a box, on one index; then the flat-earth distance), with
    `distance2` in km²."""
    area = box(origin, radius_km)
    north_south = (F("latitude") - Value(origin.latitude)) * Value(KM_PER_DEGREE_LAT)
    east_west = (F("longitude") - Value(origin.longitude)) * Value(area.km_lon)
    if area.cells is not None:
        dates = dates.filter(cell__in=area.cells)
    return (dates.filter(latitude__range=(area.south, area.north), longitude__range=(area.west, area.east))
            .annotate(distance2=north_south * north_south + east_west * east_west)
            .filter(distance2__lte=radius_km * radius_km))


class Search:
    """A search of the public agenda: its filters, origin and moment. The page reads it in SQL written once per
    shape (narrow_rows); the ORM queryset (`dates`, for the feed and the API) is built only when asked for."""

    def __init__(self, filters: dict, origin: Point | None, now=None):
        self.filters, self.origin = filters, origin
        self.first, self.last = filters["first"], filters["last"]
        self.now = now or timezone.now()
        self.today = self.first == timezone.localdate(self.now)  # what has finished today is no longer "on"

    @cached_property
    def dates(self) -> QuerySet:
        """The same search as ActivityDate rows, by time and then distance (with `distance2`)."""
        filters = self.filters
        dates = public_dates(self.now).filter(date__range=(self.first, self.last))
        if self.today:
            dates = dates.filter(ends_at__gte=self.now)
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
        if self.origin is not None:
            dates = _with_distance(dates, self.origin, float(filters["radius"])).order_by(
                "starts_at", "distance2", "pk")
        else:
            dates = dates.annotate(distance2=Value(None, output_field=FloatField())).order_by("starts_at", "pk")
        return dates.select_related("activity__kind", "place__municipality")


def search(filters: dict, origin: Point | None) -> Search:
    """What is on from filters['first'] to filters['last'], by time and then distance."""
    return Search(filters, origin)


FIRST_DAYS = 2  # the narrow rows are read for the first two days of a longer window first (see narrow_rows)


class CappedPaginator(Paginator):
    """Pages through the first COUNT_LIMIT results (narrow_rows); `more` says there were more than that."""

    def __init__(self, found: list, per_page: int):
        self.more = len(found) > COUNT_LIMIT
        super().__init__(found[:COUNT_LIMIT], per_page)


def narrow_rows(result: Search) -> list[tuple]:
    """(id, distance²) of the first COUNT_LIMIT + 1 results in order: what counts them and what the pages are
    chosen from, in one query, since sorting visits every match anyway. A week near a town has thousands of
    matches, so the first FIRST_DAYS days are read first, and the rest of the window only when they hold too
    few: a day's dates all start before the next day's, so the order is the same as in one query.

    The SQL says what Search.dates says (a test compares them over every shape), written once per shape and
    run with only its parameters: building and compiling the queryset cost more than running it."""
    limit = COUNT_LIMIT + 1
    split = result.first + timedelta(days=FIRST_DAYS)
    if split > result.last:
        return _narrow(result, None, limit)
    found = _narrow(result, ("<", split), limit)
    if len(found) < limit:
        found += _narrow(result, (">=", split), limit - len(found))
    return found


_NARROW_SQL: dict[tuple, str] = {}  # shape -> SQL (see _narrow_sql)
NARROW_SHAPES = 1000  # a few dozen in use (radius choices × filters); a bound so that odd cell counts cannot grow it


def _narrow(result: Search, part: tuple | None, limit: int) -> list[tuple]:
    filters, ops = result.filters, connection.ops
    params = [ops.adapt_datetimefield_value(confirm_cutoff(result.now)),
              ops.adapt_datefield_value(result.first), ops.adapt_datefield_value(result.last)]
    if part is not None:
        params.append(ops.adapt_datefield_value(part[1]))
    if result.today:
        params.append(ops.adapt_datetimefield_value(result.now))
    kind, group = filters.get("kind"), filters.get("target_group")
    if kind:
        params.append(getattr(kind, "pk", kind))
    if group:
        params.append(group.pk)
    cells = None
    if result.origin is not None:
        origin, radius_km = result.origin, float(filters["radius"])
        area = box(origin, radius_km)  # the same area as Search.dates (_with_distance)
        cells = area.cells
        distance = [origin.latitude, KM_PER_DEGREE_LAT] * 2 + [origin.longitude, area.km_lon] * 2
        params = distance + params + (cells or []) + [area.south, area.north, area.west, area.east] + distance + [
            radius_km * radius_km]
    shape = (part and part[0], result.today, bool(kind), bool(group), bool(filters.get("free")),
             bool(filters.get("walk_in")), bool(filters.get("wheelchair")), result.origin is not None,
             None if cells is None else len(cells))
    sql = _NARROW_SQL.get(shape)
    if sql is None:
        if len(_NARROW_SQL) >= NARROW_SHAPES:
            _NARROW_SQL.clear()
        sql = _NARROW_SQL[shape] = _narrow_sql(*shape)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return cursor.fetchall()


def _narrow_sql(part, today, kind, group, free, walk_in, wheelchair, near, cells) -> str:
    """The SQL of one shape of search (what Search.dates and its values_list("pk", "distance2") compile to),
    with %s for every value: the same on SQLite and PostgreSQL."""
    q = connection.ops.quote_name
    dates, activities, places = (q(model._meta.db_table) for model in (ActivityDate, Activity, Place))
    groups = q(Activity.target_groups.through._meta.db_table)
    distance = (f"((({dates}.latitude - %s) * %s) * (({dates}.latitude - %s) * %s)) + "
                f"((({dates}.longitude - %s) * %s) * (({dates}.longitude - %s) * %s))")
    joins, where = [], [f"{dates}.confirmed_at >= %s", f"{dates}.listed", f"{dates}.date BETWEEN %s AND %s"]
    if part:
        where.append(f"{dates}.date {part} %s")
    if today:
        where.append(f"{dates}.ends_at >= %s")
    if kind or free or walk_in:
        joins.append(f"INNER JOIN {activities} ON ({dates}.activity_id = {activities}.id)")
    if wheelchair:
        joins.append(f"INNER JOIN {places} ON ({dates}.place_id = {places}.id)")
    where += [f"{activities}.kind_id = %s"] * kind
    exists = f"EXISTS(SELECT 1 FROM {groups} U0 WHERE U0.activity_id = {dates}.activity_id"  # noqa: S608 - names from the models, values bound
    where += [f"{exists} AND U0.targetgroup_id = %s)"] * group
    where += [f"{activities}.cost = 0"] * free + [f"{activities}.walk_in"] * walk_in
    where += [f"{places}.wheelchair_accessible"] * wheelchair
    if near:
        if cells is not None:
            where.append(f"{dates}.cell IN ({', '.join(['%s'] * cells)})")
        where += [f"{dates}.latitude BETWEEN %s AND %s", f"{dates}.longitude BETWEEN %s AND %s",
                  f"({distance}) <= %s"]
    order = f"{dates}.starts_at, {'2, ' if near else ''}{dates}.id"
    select = f"SELECT {dates}.id, {distance if near else 'NULL'} FROM {dates} {' '.join(joins)}"  # noqa: S608 - names from the models, values bound
    return f"{select} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT %s"


# What a result card (jinja2/agenda/results.html) and its JSON-LD (public.event_jsonld) show, and nothing else:
# the card row's key and the column it is read from.
CARD_FIELDS = {
    "starts_at": "starts_at", "ends_at": "ends_at",
    "title": "activity__title", "description": "activity__description",
    "kind_name": "activity__kind__name", "kind_name_en": "activity__kind__name_en",
    "cost": "activity__cost", "walk_in": "activity__walk_in", "second_home": "activity__second_home",
    "accessibility": "activity__accessibility", "contact_name": "activity__contact_name",
    "contact_phone": "activity__contact_phone", "contact_email": "activity__contact_email",
    "place_code": "place__code", "place_name": "place__name", "street": "place__street",
    "house_number": "place__house_number", "postcode": "place__postcode", "city": "place__city",
    "wheelchair_accessible": "place__wheelchair_accessible",
}
CARD_KEYS = tuple(CARD_FIELDS)


@lru_cache(maxsize=1)
def _card_columns() -> QuerySet:
    """The page's rows as plain values (no model instances, no ORDER BY: the order is the narrow rows'). Made
    once per process, since resolving 21 columns over three joins costs more than reading 20 rows; each page
    filters a clone of it."""
    return ActivityDate.objects.order_by().values_list("pk", *CARD_FIELDS.values())


def page(result: Search, number) -> tuple:
    """(the page, its card rows): the page is chosen on narrow rows (id and distance, sorted on the index's
    columns), and only its own rows are then read, as the values their cards show (dicts keyed as CARD_FIELDS,
    with `distance2`)."""
    chosen = CappedPaginator(narrow_rows(result), PAGE_SIZE).get_page(number)
    pairs = list(chosen.object_list)
    if not pairs:
        return chosen, []
    keys = ("pk",) + CARD_KEYS
    loaded = {values[0]: values for values in _card_columns().filter(pk__in=[pk for pk, _distance2 in pairs])}
    rows = []
    for pk, distance2 in pairs:
        if pk in loaded:  # (a date removed between the two queries is left out)
            row = dict(zip(keys, loaded[pk], strict=True))
            row["distance2"] = distance2
            rows.append(row)
    return chosen, rows


def card_row(row: ActivityDate) -> dict:
    """A date read as a model row (with its activity, kind and place) in the shape `page` gives its rows."""
    objects = {"": row, "activity": row.activity, "place": row.place, "activity__kind": row.activity.kind}
    values = {"pk": row.pk, "distance2": getattr(row, "distance2", None)}
    for key, column in CARD_FIELDS.items():
        owner, _, name = column.rpartition("__")
        values[key] = getattr(objects[owner], name)
    return values


def distance_km(row: dict) -> float | None:
    return math.sqrt(row["distance2"]) if row.get("distance2") is not None else None


def place_dates(place, limit: int = PLACE_PANEL_DATES) -> list[ActivityDate]:
    """A place's coming public dates (its page on the kaart and its .ics feed)."""
    return list(public_dates().filter(place=place, date__gte=timezone.localdate(), ends_at__gte=timezone.now())
                .select_related("activity__kind").order_by("starts_at", "pk")[:limit])


def public_activities() -> QuerySet[Activity]:
    """Activities the public may see, for open data and the API: confirmed, at a public active place, and with
    a date still to come (an ended one-off or series is history, not a service)."""
    today = timezone.localdate()
    current = Q(recurrence=Recurrence.ONCE, starts_on__gte=today) | (
        ~Q(recurrence=Recurrence.ONCE) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today)))
    return (Activity.objects.filter(current, last_confirmed_at__gte=confirm_cutoff(), place__is_public=True,
                                    place__status=choices.Status.ACTIVE)
            .select_related("kind", "place__municipality").prefetch_related("target_groups"))


def coming_dates(activity_ids, first: date, last: date | None = None, per_activity: int = 10) -> dict:
    """{activity id: its first `per_activity` dates from `first` (to `last`)}: one query for a page of activities."""
    dates = ActivityDate.objects.filter(activity_id__in=activity_ids, date__gte=first)
    if last is not None:
        dates = dates.filter(date__lte=last)
    if first == timezone.localdate():
        dates = dates.filter(ends_at__gte=timezone.now())
    found: dict[int, list[ActivityDate]] = {pk: [] for pk in activity_ids}
    for row in dates.order_by("starts_at", "pk").only("activity_id", "date", "starts_at", "ends_at"):
        if len(found[row.activity_id]) < per_activity:
            found[row.activity_id].append(row)
    return found
