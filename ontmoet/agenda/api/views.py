"""Public, read-only API of the agenda: the activities /kaart/agenda/ shows, with the page's filters, each with
its coming dates. No login; the contact is the organiser's public one, as on the page."""

from datetime import timedelta

from django.db.models import Min
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, permissions

from ontmoet.core.api import object_id
from ontmoet.core.api_filters import QueryReader
from ontmoet.places.geocoding import geocode
from ontmoet.places.models import Activity as ActivityKind
from ontmoet.places.models import TargetGroup

from .. import opendata, selectors
from ..models import Activity
from .serializers import ActivityErrorSerializer, PublicActivitySerializer

DEFAULT_DAYS = 28  # without dates: the coming four weeks, so that a monthly activity shows too
MAX_DAYS = 92
DATES_PER_ACTIVITY = 10
BOOLEAN = "true of false"
FILTERS = [
    OpenApiParameter("date", OpenApiTypes.DATE, description="Eén dag (JJJJ-MM-DD); niet samen met from/to."),
    OpenApiParameter("from", OpenApiTypes.DATE, description="Eerste dag (standaard vandaag)."),
    OpenApiParameter("to", OpenApiTypes.DATE,
                     description=f"Laatste dag (standaard {DEFAULT_DAYS - 1} dagen na 'from'; hoogstens {MAX_DAYS} "
                                 "dagen na 'from')."),
    OpenApiParameter("near", str, description="Postcode (PC4), dorp of gemeente."),
    OpenApiParameter("radius", OpenApiTypes.NUMBER, description="Straal in km rond 'near' (1 tot 100; standaard 10)."),
    OpenApiParameter("kind", str, description="Code van de soort activiteit, bijvoorbeeld koffiemomenten."),
    OpenApiParameter("target_group", str, description="Code van de doelgroep."),
    OpenApiParameter("free", bool, description=f"Alleen gratis ({BOOLEAN})."),
    OpenApiParameter("walk_in", bool, description=f"Alleen open inloop ({BOOLEAN})."),
    OpenApiParameter("wheelchair", bool, description=f"Alleen rolstoeltoegankelijke plekken ({BOOLEAN})."),
]
NAMES = [parameter.name for parameter in FILTERS]
ERRORS = {
    400: OpenApiResponse(ActivityErrorSerializer, description="Ongeldige filterwaarde; 'fouten' zegt wat."),
    404: OpenApiResponse(ActivityErrorSerializer, description="Deze pagina bestaat niet (voorbij de laatste)."),
}


def _window(reader: QueryReader) -> tuple:
    today = timezone.localdate()
    day, first, last = reader.day("date"), reader.day("from"), reader.day("to")
    if day and (first or last):
        reader.error("date", "Gebruik 'date' voor één dag, of 'from' en 'to', niet allebei.")
    if day:
        return day, day
    first = first or today
    last = last or first + timedelta(days=DEFAULT_DAYS - 1)
    if last < first:
        reader.error("to", "'to' ligt vóór 'from'.")
    elif (last - first).days >= MAX_DAYS:
        reader.error("to", f"Vraag hoogstens {MAX_DAYS} dagen tegelijk op.")
    return first, last


def read_filters(params) -> tuple[dict, object]:
    """The page's filters (selectors.search) from the query, and the geocoded origin; 400 for a bad value."""
    reader = QueryReader(params, NAMES)
    first, last = _window(reader)
    filters = {"first": first, "last": last, "free": reader.boolean("free"), "walk_in": reader.boolean("walk_in"),
               "wheelchair": reader.boolean("wheelchair"), "radius": reader.radius()}
    for name, model in (("kind", ActivityKind), ("target_group", TargetGroup)):
        if code := reader.text(name):
            filters[name] = model.objects.filter(code=code).first()
            if filters[name] is None:
                reader.error(name, "Onbekende code.")
    origin = None
    if near := reader.text("near"):
        origin = geocode(near[:100])
        if origin is None:
            reader.error("near", "Onbekende plaats: probeer een postcode (bijvoorbeeld 8102) of de naam van een dorp "
                                 "of gemeente.")
    reader.check()
    return filters, origin


def _rows(activities, dates: dict, distances: dict) -> list[dict]:
    rows = []
    for activity in activities:
        distance = distances.get(activity.pk)
        rows.append({**opendata.record(activity), "distance_km": None if distance is None else round(distance, 2),
                     "next_dates": [{"date": row.date, "starts_at": row.starts_at, "ends_at": row.ends_at}
                                    for row in dates.get(activity.pk, [])]})
    return rows


def _activities(ids) -> list[Activity]:
    found = (Activity.objects.filter(pk__in=ids).select_related("kind", "place__municipality")
             .prefetch_related("target_groups", "cancelled_dates").in_bulk())
    return [found[pk] for pk in ids if pk in found]


class PublicActivityList(generics.ListAPIView):
    """Activiteiten van openbare plekken die in het venster plaatsvinden: vroegste eerst, dan dichtstbij."""

    serializer_class = PublicActivitySerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    def get_queryset(self):
        self.filters, origin = read_filters(self.request.query_params)
        found = selectors.search(self.filters, origin).dates.order_by()
        # One row per activity: its first date in the window, and (near a place) its distance.
        return (found.values("activity_id").annotate(first=Min("starts_at"), nearest=Min("distance2"))
                .order_by("first", "nearest", "activity_id"))

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is None:
            return None
        ids = [row["activity_id"] for row in page]
        distances = {row["activity_id"]: row["nearest"] ** 0.5 for row in page if row["nearest"] is not None}
        dates = selectors.coming_dates(ids, self.filters["first"], self.filters["last"], DATES_PER_ACTIVITY)
        return _rows(_activities(ids), dates, distances)

    @extend_schema(parameters=FILTERS, responses={200: PublicActivitySerializer(many=True), **ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class PublicActivityDetail(generics.RetrieveAPIView):
    """Eén openbare activiteit met haar komende keren."""

    serializer_class = PublicActivitySerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    @extend_schema(responses={200: PublicActivitySerializer, 404: OpenApiResponse(
        ActivityErrorSerializer, description="Geen openbare activiteit met dit nummer.")})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_object(self):
        pk = self.kwargs["pk"]
        found = selectors.public_activities().filter(pk=number) if (number := object_id(pk)) else None
        activity = found.prefetch_related("cancelled_dates").first() if found is not None else None
        if activity is None:
            raise Http404
        dates = selectors.coming_dates([activity.pk], timezone.localdate(), None, DATES_PER_ACTIVITY)
        return _rows([activity], dates, {})[0]
