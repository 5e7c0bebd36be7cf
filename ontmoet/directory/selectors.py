"""Reads of the public directory. Only places that are public and active, never non-public fields."""

import math
from dataclasses import dataclass, field

from django.db.models import Exists, F, FloatField, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Cast

from ontmoet.accounts.models import RoleAssignment
from ontmoet.accounts.roles import Role
from ontmoet.places import choices
from ontmoet.places.models import Activity, Facility, Place, TargetGroup
from ontmoet.regions.models import Municipality

from . import search, text
from .geocoding import Point

PAGE_SIZE = 20
KM_PER_DEGREE_LAT = 110.574

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
            .prefetch_related(Prefetch("facilities", Facility.objects.only("code", "name")),
                              Prefetch("activities", Activity.objects.only("code", "name")),
                              Prefetch("target_groups", TargetGroup.objects.only("code", "name"))))


def public_place(code: str) -> Place | None:
    return public_list().filter(code=code).first()


def public_municipalities() -> QuerySet[Municipality]:
    """Municipalities with at least one public place: the filter choices and the API list."""
    # EXISTS per municipality uses the (municipality, name) index; a join + DISTINCT over every place does not.
    has_public = public_places().filter(municipality=OuterRef("pk"))
    return Municipality.objects.filter(Exists(has_public)).select_related("province").order_by("name")


@dataclass
class SearchResult:
    places: QuerySet
    words: list[str] = field(default_factory=list)
    corrected: list[str] | None = None  # the words actually searched after a typo correction
    origin: Point | None = None


def search_places(filters: dict, origin: Point | None = None) -> SearchResult:
    """Public places for the cleaned filters of the search form (also used by the API).

    Keys: q, municipality, kind, facility, activity, target_group (codes), wheelchair (bool),
    day ('ma'..'zo'), radius (km, with `origin`), sort ('relevantie', 'naam', 'afstand').
    """
    queryset = public_list()
    if filters.get("municipality"):
        queryset = queryset.filter(municipality__code=filters["municipality"])
    if filters.get("kind"):
        queryset = queryset.filter(kind=filters["kind"])
    for key, lookup in (("facility", "facilities__code"), ("activity", "activities__code"),
                        ("target_group", "target_groups__code")):
        if filters.get(key):
            queryset = queryset.filter(**{lookup: filters[key]})
    if filters.get("wheelchair"):
        queryset = queryset.filter(wheelchair_accessible=True)
    if filters.get("day"):
        queryset = queryset.filter(opening_hours__has_key=filters["day"])
    if origin is not None:
        queryset = with_distance(queryset, origin, filters.get("radius"))

    words = text.query_words(filters.get("q") or "")
    result = SearchResult(queryset, words=words, origin=origin)
    if words:
        matched = search.matching(queryset, text.stems(words))
        if not matched.exists():
            corrected = search.suggest(words)
            if corrected:
                result.corrected = corrected
                matched = search.matching(queryset, text.stems(corrected))
        queryset = matched
    sort = filters.get("sort") or ("relevantie" if words else ("afstand" if origin else "naam"))
    if sort == "afstand" and origin is not None:
        queryset = queryset.order_by("distance2", "name", "pk")
    elif sort == "relevantie" and words:
        queryset = queryset.order_by("-relevance", "name", "pk")
    else:
        queryset = queryset.order_by("name", "pk")
    result.places = queryset
    return result


def with_distance(queryset: QuerySet, origin: Point, radius_km: float | None) -> QuerySet:
    """Annotate `distance2` (km², flat-earth approximation: fine within the Netherlands) and cut at the radius.

    Plain arithmetic, no trigonometry in SQL, so SQLite and PostgreSQL compute the same numbers;
    a bounding box first lets the database skip most rows cheaply.
    """
    km_per_degree_lon = 111.320 * math.cos(math.radians(origin.latitude))
    queryset = queryset.filter(latitude__isnull=False)
    if radius_km:
        dlat, dlon = radius_km / KM_PER_DEGREE_LAT, radius_km / km_per_degree_lon
        queryset = queryset.filter(latitude__range=(round(origin.latitude - dlat, 6), round(origin.latitude + dlat, 6)),
                                   longitude__range=(round(origin.longitude - dlon, 6),
                                                     round(origin.longitude + dlon, 6)))
    dy = (Cast(F("latitude"), FloatField()) - origin.latitude) * KM_PER_DEGREE_LAT
    dx = (Cast(F("longitude"), FloatField()) - origin.longitude) * km_per_degree_lon
    queryset = queryset.annotate(distance2=dx * dx + dy * dy)
    if radius_km:
        queryset = queryset.filter(distance2__lte=radius_km * radius_km)
    return queryset


def distance_km(place) -> float | None:
    value = getattr(place, "distance2", None)
    return None if value is None else math.sqrt(value)


def report_recipients(place: Place) -> tuple[list[str], list[str]]:
    """(board addresses, province staff addresses) for a report about `place`."""
    from ontmoet.places.selectors import board_emails

    province = list(
        RoleAssignment.objects.filter(role__in=[Role.PROVINCE_STAFF, Role.PROVINCE_ADMIN],
                                      province_id=place.municipality.province_id, user__is_active=True)
        .values_list("user__email", flat=True).distinct())
    return board_emails(place), province


def vocabulary_choices():
    """Choices for the filters: (code, name) of each list, read once per request."""
    return {
        "facility": list(Facility.objects.values_list("code", "name")),
        "activity": list(Activity.objects.values_list("code", "name")),
        "target_group": list(TargetGroup.objects.values_list("code", "name")),
    }


def not_public_q() -> Q:
    return ~Q(is_public=True) | ~Q(status=choices.Status.ACTIVE)
