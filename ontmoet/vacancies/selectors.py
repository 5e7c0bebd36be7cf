"""Reads of the vacancies module, each with its scope: boards their own places, officers their municipality
or province (counts only, never a responder's details), the public open vacancies of public places."""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ontmoet.accounts.scoping import Scope
from ontmoet.places.choices import Status as PlaceStatus
from ontmoet.places.geocoding import Point
from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality

from .models import HelpOffer, Response, ResponseStatus, Status, Vacancy

RENEW_NOTICE_DAYS = 30  # the resident is asked to renew an offer this long before it lapses


# -- places ---------------------------------------------------------------------------------------
def readable_place(scope: Scope, code: str) -> Place | None:
    """A place whose vacancies this user may see: their own, their municipality's or province's."""
    return scope.places(Place.objects.select_related("municipality")).filter(code=code).first()


def may_manage(scope: Scope, place: Place) -> bool:
    """Only the place's own board posts vacancies and reads responses (officers read counts)."""
    return place.pk in scope.place_ids


def own_places(scope: Scope) -> QuerySet[Place]:
    return Place.objects.filter(pk__in=scope.place_ids).select_related("municipality").order_by("name")


def place_vacancies(place: Place) -> QuerySet[Vacancy]:
    waiting = Count("responses", filter=Q(responses__status=ResponseStatus.NEW))
    return (place.vacancies.annotate(response_count=Count("responses"), waiting_count=waiting)
            .order_by("status", "ends_on", "pk"))


# -- responses ------------------------------------------------------------------------------------
def board_responses(scope: Scope) -> QuerySet[Response]:
    """Responses to the vacancies of the user's own places (board members only)."""
    return Response.objects.filter(vacancy__place_id__in=scope.place_ids)


def waiting(queryset: QuerySet[Response]) -> QuerySet[Response]:
    """Neither answered nor marked: the work queue's count and the list it links to share this filter."""
    return queryset.filter(status=ResponseStatus.NEW)


def reminder_due(now) -> QuerySet[Response]:
    cutoff = now - timedelta(days=settings.VACANCIES_REMIND_AFTER_DAYS)
    return Response.objects.filter(status=ResponseStatus.NEW, reminded_at__isnull=True, created_at__lte=cutoff)


# -- help offers ----------------------------------------------------------------------------------
def current_help_offers() -> QuerySet[HelpOffer]:
    return HelpOffer.objects.filter(
        renewed_at__gt=timezone.now() - timedelta(days=settings.VACANCIES_HELP_OFFER_DAYS))


def board_help_offers(scope: Scope) -> QuerySet[HelpOffer]:
    """The offers for the municipalities of the user's own places: what the residents consented to."""
    municipalities = Place.objects.filter(pk__in=scope.place_ids).values("municipality_id")
    return current_help_offers().filter(municipality_id__in=municipalities).select_related("municipality")


def help_offers_lapsing(now) -> QuerySet[HelpOffer]:
    lapse = now - timedelta(days=settings.VACANCIES_HELP_OFFER_DAYS)
    return HelpOffer.objects.filter(renewed_at__gt=lapse, renewed_at__lte=lapse + timedelta(days=RENEW_NOTICE_DAYS))


# -- officers: counts per municipality -------------------------------------------------------------
@dataclass
class MunicipalityFigures:
    municipality: Municipality
    open_vacancies: int
    responses: int
    waiting: int
    help_offers: int


def municipality_figures(scope: Scope) -> list[MunicipalityFigures]:
    """Per municipality in scope: open vacancies, responses to them (all and waiting) and help offers.

    Counts only: this is what municipal officers and province staff see, never who responded.
    """
    municipalities = list(scope.municipalities(Municipality.objects.all()).order_by("name"))
    ids = [m.pk for m in municipalities]
    vacancies = dict(Vacancy.objects.filter(status=Status.OPEN, place__municipality_id__in=ids)
                     .values_list("place__municipality_id").annotate(n=Count("pk")))
    responses = {row["vacancy__place__municipality_id"]: row for row in
                 Response.objects.filter(vacancy__status=Status.OPEN, vacancy__place__municipality_id__in=ids)
                 .values("vacancy__place__municipality_id")
                 .annotate(total=Count("pk"), waiting=Count("pk", filter=Q(status=ResponseStatus.NEW)))}
    offers = dict(current_help_offers().filter(municipality_id__in=ids).values_list("municipality_id")
                  .annotate(n=Count("pk")))
    return [MunicipalityFigures(m, vacancies.get(m.pk, 0), responses.get(m.pk, {}).get("total", 0),
                                responses.get(m.pk, {}).get("waiting", 0), offers.get(m.pk, 0))
            for m in municipalities]


# -- the public list ------------------------------------------------------------------------------
def public_vacancies() -> QuerySet[Vacancy]:
    return (Vacancy.objects.filter(status=Status.OPEN, place__is_public=True, place__status=PlaceStatus.ACTIVE)
            .select_related("place__municipality"))


def public_municipalities() -> QuerySet[Municipality]:
    """Municipalities with at least one public place (the filter's and the help form's choices)."""
    return (Municipality.objects.filter(places__is_public=True, places__status=PlaceStatus.ACTIVE)
            .distinct().order_by("name"))


def distance_km(origin: Point, latitude, longitude) -> float | None:
    if latitude is None or longitude is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (origin.latitude, origin.longitude, float(latitude), float(longitude)))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


class WithoutDistance:
    """(vacancy, None) pairs of a queryset, for a Paginator: it counts and slices in SQL, so a page of the
    full list loads only its own rows."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        return [(vacancy, None) for vacancy in self.queryset[index]]


def search(filters: dict, origin: Point | None):
    """Open public vacancies matching the filters as (vacancy, distance in km): nearest first within the
    radius around `origin` (a bounding box in SQL keeps the distance check to the few nearby rows), or
    newest first without one."""
    queryset = public_vacancies()
    if filters.get("role"):
        queryset = queryset.filter(role=filters["role"])
    if filters.get("municipality"):
        queryset = queryset.filter(place__municipality=filters["municipality"])
    if origin is None:
        return WithoutDistance(queryset.order_by("-created_at", "-pk"))
    radius = filters.get("radius") or 10
    dlat = radius / 111.0
    dlon = radius / (111.0 * max(math.cos(math.radians(origin.latitude)), 0.1))
    queryset = queryset.filter(place__latitude__range=(origin.latitude - dlat, origin.latitude + dlat),
                               place__longitude__range=(origin.longitude - dlon, origin.longitude + dlon))
    found = [(vacancy, distance_km(origin, vacancy.place.latitude, vacancy.place.longitude)) for vacancy in queryset]
    return sorted([(v, d) for v, d in found if d is not None and d <= radius], key=lambda pair: (pair[1], pair[0].pk))
