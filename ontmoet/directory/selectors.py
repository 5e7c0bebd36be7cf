"""Reads of the public directory. Only places that are public and active, never non-public fields."""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, Exists, FloatField, OuterRef, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from ontmoet.accounts.models import RoleAssignment
from ontmoet.accounts.roles import Role
from ontmoet.core.translated import localized
from ontmoet.places import choices
from ontmoet.places.models import Activity, Facility, Place, TargetGroup
from ontmoet.places.validators import code_url
from ontmoet.regions.models import Municipality

from . import conditions, search, text
from .models import SearchEntry
from .points import Point
from .result_pages import PAGE_SIZE, AreaPages, RankedEntries, count_matches  # noqa: F401 - views page by it

COUNT_LIMIT = 1000  # the page counts up to here and then says "more than"; nobody pages past 50 pages

# Columns a public page or download may show. Everything else (board size, staffing, legal form,
# verification notes...) stays in the register.
PUBLIC_FIELDS = [
    "id", "code", "name", "kind", "description", "street", "house_number", "postcode", "city", "neighbourhood",
    "municipality", "latitude", "longitude", "opening_hours", "opening_hours_note", "wheelchair_accessible",
    "accessible_toilet", "hearing_loop", "website", "contact_is_public", "contact_name", "email", "phone",
    "last_verified_at", "updated_at", "status", "is_public",
]


def public_places() -> QuerySet[Place]:
    return Place.objects.filter(is_public=True, status=choices.Status.ACTIVE)


def public_list() -> QuerySet[Place]:
    """Public places with what a result row or download needs, in a fixed number of queries."""
    return (public_places().select_related("municipality__province")
            .only(*PUBLIC_FIELDS, "municipality__code", "municipality__name", "municipality__province__name")
            .prefetch_related(Prefetch("facilities", Facility.objects.only("code", "name", "name_en")),
                              Prefetch("activities", Activity.objects.only("code", "name", "name_en")),
                              Prefetch("target_groups", TargetGroup.objects.only("code", "name", "name_en"))))


def public_place(code: str) -> Place | None:
    return public_list().filter(code=code).first()


def public_municipalities() -> QuerySet[Municipality]:
    """Municipalities with at least one public place: the filter choices and the API list."""
    # EXISTS per municipality uses the (municipality, name) index; a join + DISTINCT over every place does not.
    has_public = public_places().filter(municipality=OuterRef("pk"))
    return Municipality.objects.filter(Exists(has_public)).select_related("province").order_by("name")


@dataclass
class SearchResult:
    # SearchEntry rows in result order; page through these, then load_places(page)
    entries: QuerySet | RankedEntries | AreaPages | None
    words: list[str] = field(default_factory=list)
    corrected: list[str] | None = None  # the words actually searched after a typo correction
    origin: Point | None = None
    count: int | None = None  # the number of results up to COUNT_LIMIT, if the caller asked for it
    more: bool = False  # there are more than COUNT_LIMIT results
    # The same rows as a queryset (map data), not in relevance order; a near-me search makes it only
    # when asked (its page reads the rows with AreaPages' own SQL).
    _matches: QuerySet | Callable[[], QuerySet] | None = None

    @property
    def matches(self) -> QuerySet | None:
        if callable(self._matches):
            self._matches = self._matches()
        return self._matches

    @matches.setter
    def matches(self, value: QuerySet | Callable[[], QuerySet] | None) -> None:
        self._matches = value


def search_places(filters: dict, origin: Point | None = None, *, count: bool = False, first: int = 0) -> SearchResult:
    """Public places for the cleaned filters of the search form (also used by the API and the map).

    Keys: q, municipality, kind, facility, activity, target_group (codes), wheelchair (bool),
    day ('ma'..'zo'), radius (km, with `origin`), sort ('relevantie', 'naam', 'afstand').
    Everything is decided on the narrow index table; see SearchEntry.
    With `count`, `result.count` holds the number of results up to COUNT_LIMIT (and `result.more` says
    whether there are more): a page needs it anyway, and the same query then also tells whether the
    words need a typo correction (instead of a separate EXISTS). `first` is the first result the
    caller will show: a near-me search reads that page in the same query as its count (AreaPages).
    """
    words = text.query_words(filters.get("q") or "")
    terms = text.stems(words)
    sort = filters.get("sort") or ("relevantie" if words else ("afstand" if origin else "naam"))
    result = SearchResult(None, words=words, origin=origin)
    filter_sql, filter_params = conditions.filter_condition(filters)
    if origin is not None and filters.get("radius"):  # the map area is the narrowest filter
        return _near(result, filters, origin, terms, sort, (filter_sql, filter_params), count=count, first=first)

    entries = SearchEntry.objects.all()
    if filter_sql:
        entries = entries.filter(RawSQL(filter_sql, filter_params, output_field=BooleanField()))  # noqa: S611
    if origin is not None:
        entries = with_distance(entries, origin)
    filtered = bool(filter_sql) or origin is not None

    def matched(terms):
        return (search.matching(entries, terms) if terms else entries).only("place_id", "position")

    def counted(terms):
        return count_matches(entries, terms, filtered=filtered, limit=COUNT_LIMIT + 1)

    if words:
        found = counted(terms) if count else search.matching(entries, terms).exists()
        if not found:
            corrected = search.suggest(words)
            if corrected:
                result.corrected, terms = corrected, text.stems(corrected)
                found = counted(terms) if count else None
        if count:
            result.count = found
    result.matches = matched(terms)
    if sort == "afstand" and origin is not None:
        result.entries = result.matches.order_by("distance2", "position")
    else:
        result.entries = result.matches.order_by("position")
    if count and result.count is None:
        result.count = result.entries[:COUNT_LIMIT + 1].count()
    if count:
        result.more, result.count = result.count > COUNT_LIMIT, min(result.count, COUNT_LIMIT)
    if sort == "relevantie" and words:
        if origin is not None:  # near a place without a radius (the API): relevance, then distance
            result.entries = search.with_relevance(result.matches, terms).order_by("-relevance", "distance2",
                                                                                   "position")
        elif len(terms) <= search.MAX_RANKED_TERMS:
            result.entries = RankedEntries(entries, terms, filtered=filtered, count=result.count)
        else:
            result.entries = search.with_relevance(result.matches, terms).order_by("-relevance", "position")
    return result


def _near(result: SearchResult, filters: dict, origin: Point, terms: list[str], sort: str,
          filter_condition: tuple[str, list], *, count: bool, first: int) -> SearchResult:
    """search_places within a radius: the map area's entries, read page by page with their total (AreaPages)."""
    box, within = conditions.area_conditions(origin, filters["radius"])

    def in_area(terms):
        parts, params = [], []
        words = search.condition(terms, filters_first=True) if terms else ("", [])
        for sql, sql_params in (box, filter_condition, within, words):  # cheapest first
            if sql:
                parts.append(sql)
                params += sql_params
        where = " AND ".join(f"({part})" for part in parts)
        position = conditions.column("position")
        if sort == "afstand":
            order, order_params = f'"distance2", {position}', []
        elif sort == "relevantie" and terms:
            # Near a place, the best matches nearest first: never alphabetically across the province.
            relevance, order_params = search.relevance_sql(terms)
            order = f'{relevance} DESC, "distance2", {position}'
        else:
            order, order_params = position, []
        def matches():
            return (SearchEntry.objects.filter(RawSQL(where, params, output_field=BooleanField()))  # noqa: S611
                    .only("place_id", "position"))

        return matches, AreaPages(where, params, origin, order, order_params)

    def found(pages):  # with `count`, the page the caller shows and the total, in one query
        return pages.read_from(first) if count else pages.exists()

    result.matches, result.entries = in_area(terms)
    if result.words and not found(result.entries):
        corrected = search.suggest(result.words)
        if corrected:
            result.corrected = corrected
            result.matches, result.entries = in_area(text.stems(corrected))
    if count:
        total = found(result.entries)
        result.more, result.count = total > COUNT_LIMIT, min(total, COUNT_LIMIT)
    return result


def load_places(entries) -> list[Place]:
    """The full public places for a page of entries, in the same order, with `distance_km` set."""
    entries = list(entries)
    by_id = public_list().in_bulk([entry.place_id for entry in entries])
    places = []
    for entry in entries:
        place = by_id.get(entry.place_id)
        if place is not None:  # made non-public since the entry was read
            value = getattr(entry, "distance2", None)
            place.distance_km = None if value is None else math.sqrt(value)
            places.append(place)
    return places


ROW_FIELDS = ["pk", "code", "name", "kind", "city", "wheelchair_accessible", "municipality__name"]


@dataclass
class ResultRow:
    """What a result card shows (directory/includes/result_card.html)."""

    pk: int
    url: str
    name: str
    kind_label: str
    city: str
    municipality_name: str
    wheelchair_accessible: bool
    activities: list[str]


def result_rows(entries) -> list[ResultRow]:
    """A page of results as plain values for the cards (directory.cards), in the entries' order: two
    small queries, no model instances."""
    entries = list(entries)
    ids = [entry.place_id for entry in entries]
    kinds = dict(choices.Kind.choices)
    places = {row[0]: row for row in Place.objects.filter(pk__in=ids).values_list(*ROW_FIELDS)}
    activities: dict[int, list[str]] = {}
    for place_id, name, name_en in (Place.activities.through.objects.filter(place_id__in=ids)
                                    .order_by("activity__order", "activity__name")
                                    .values_list("place_id", "activity__name", "activity__name_en")):
        activities.setdefault(place_id, []).append(localized(name, name_en))
    url = code_url("directory:place")
    rows = []
    for entry in entries:
        if entry.place_id not in places:  # made non-public since the entry was read
            continue
        pk, code, name, kind, city, wheelchair, municipality = places[entry.place_id]
        rows.append(ResultRow(pk, url(code), name, kinds.get(kind, kind), city, municipality, bool(wheelchair),
                              activities.get(pk, [])))
    return rows


def with_distance(queryset: QuerySet, origin: Point) -> QuerySet:
    """Annotate `distance2` (km², see conditions.distance_sql); entries without coordinates are left out."""
    # One SQL expression rather than a tree of twelve ORM nodes: the ORM copies and resolves every node
    # again for each query built on it (count, page, ranks).
    distance2 = RawSQL(*conditions.distance_sql(origin), output_field=FloatField())  # noqa: S611
    return queryset.filter(latitude__isnull=False).annotate(distance2=distance2)


def report_recipients(place: Place) -> tuple[list[str], list[str]]:
    """(board addresses, province staff addresses) for a report about `place`."""
    from ontmoet.places.selectors import board_emails

    province = list(
        RoleAssignment.objects.filter(role__in=[Role.PROVINCE_STAFF, Role.PROVINCE_ADMIN],
                                      province_id=place.municipality.province_id, user__is_active=True)
        .values_list("user__email", flat=True).distinct())
    return board_emails(place), province


def vocabulary_choices() -> dict[str, list[tuple[str, str]]]:
    """Choices for the filters: (code, name) of each list, in its order."""
    return {key: [(code, localized(name, name_en)) for code, name, name_en in
                  model.objects.values_list("code", "name", "name_en")]
            for key, model in (("facility", Facility), ("activity", Activity), ("target_group", TargetGroup))}


def popular(model, limit: int = 6) -> list[tuple[str, str]]:
    """(code, name) of the activities or facilities the most public places offer, for the start page."""
    public = Q(place__is_public=True, place__status=choices.Status.ACTIVE)
    rows = (model.objects.annotate(offered=Count("place", filter=public)).filter(offered__gt=0)
            .order_by("-offered", "order", "name").values_list("code", "name", "name_en")[:limit])
    return [(code, localized(name, name_en)) for code, name, name_en in rows]


def municipality_choices() -> list[tuple[str, str]]:
    """(code, name) of the municipalities with a public place, for the search form."""
    return list(public_municipalities().values_list("code", "name"))


def not_public_q() -> Q:
    return ~Q(is_public=True) | ~Q(status=choices.Status.ACTIVE)
