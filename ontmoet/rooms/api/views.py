"""Public, read-only API of the rooms of public places, with capacity, facilities, bookable hours and rates."""

import math

from django.db.models import TextField
from django.db.models.functions import Cast
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, permissions

from ontmoet.core.api import object_id
from ontmoet.core.api_filters import QueryReader
from ontmoet.places.geocoding import geocode
from ontmoet.regions.models import Municipality

from .. import opendata, selectors
from ..models import Facility
from .serializers import PublicRoomSerializer, RoomErrorSerializer

KM_PER_DEGREE = 111.32
FILTERS = [
    OpenApiParameter("municipality", str, description="CBS-code van de gemeente, bijvoorbeeld GM0177."),
    OpenApiParameter("place", str, description="Code van de plek, bijvoorbeeld RAA-001."),
    OpenApiParameter("capacity", OpenApiTypes.INT, description="Ten minste zoveel personen (1 tot 10000)."),
    OpenApiParameter("facility", str, enum=Facility.values, description="Met deze voorziening."),
    OpenApiParameter("near", str, description="Postcode (PC4), dorp of gemeente."),
    OpenApiParameter("radius", OpenApiTypes.NUMBER, description="Straal in km rond 'near' (1 tot 100; standaard 10)."),
]
NAMES = [parameter.name for parameter in FILTERS]


def _distance(origin, place) -> float | None:
    if place.latitude is None or place.longitude is None:
        return None
    north = (float(place.latitude) - origin.latitude) * KM_PER_DEGREE
    east = (float(place.longitude) - origin.longitude) * KM_PER_DEGREE * math.cos(math.radians(origin.latitude))
    return math.hypot(north, east)


def _row(room, distance=None) -> dict:
    return {**opendata.record(room), "distance_km": None if distance is None else round(distance, 2)}


def search(params):
    """The rooms matching the query: by place and name, or nearest first within the radius around 'near'."""
    reader = QueryReader(params, NAMES)
    rooms = selectors.public_rooms()
    if code := reader.text("municipality"):
        if not Municipality.objects.filter(code=code).exists():
            reader.error("municipality", "Onbekende gemeentecode.")
        rooms = rooms.filter(place__municipality__code=code)
    if code := reader.text("place"):
        if selectors.public_place(code) is None:
            reader.error("place", "Onbekende plekcode, of een plek die niet openbaar is.")
        rooms = rooms.filter(place__code=code)
    if (capacity := reader.whole_number("capacity", 1, 10000)) is not None:
        rooms = rooms.filter(capacity__gte=capacity)
    if facility := reader.text("facility"):
        if facility not in Facility.values:
            reader.error("facility", "Onbekende voorziening; kies uit " + ", ".join(Facility.values) + ".")
        # The list as JSON text holds the code in quotes: an exact element match on SQLite and PostgreSQL alike.
        rooms = rooms.annotate(facilities_text=Cast("facilities", TextField())).filter(
            facilities_text__contains=f'"{facility}"')
    radius, origin = reader.radius(), None
    if near := reader.text("near"):
        origin = geocode(near[:100])
        if origin is None:
            reader.error("near", "Onbekende plaats: probeer een postcode (bijvoorbeeld 8102) of de naam van een dorp "
                                 "of gemeente.")
    reader.check()
    if origin is None:
        return rooms.order_by("place__name", "place_id", "name", "pk")
    dlat = radius / KM_PER_DEGREE
    dlon = radius / (KM_PER_DEGREE * max(math.cos(math.radians(origin.latitude)), 0.1))
    # A box on the place's coordinates in SQL first, then the distance for the few rooms inside it.
    boxed = rooms.filter(place__latitude__range=(origin.latitude - dlat, origin.latitude + dlat),
                         place__longitude__range=(origin.longitude - dlon, origin.longitude + dlon))
    found = [(room, _distance(origin, room.place)) for room in boxed]
    return sorted([(room, d) for room, d in found if d is not None and d <= radius], key=lambda p: (p[1], p[0].pk))


class PublicRoomList(generics.ListAPIView):
    """Ruimtes te huur in openbare plekken, met tarieven per soort huurder."""

    serializer_class = PublicRoomSerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    def get_queryset(self):
        return search(self.request.query_params)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is None:
            return None
        return [_row(*item) if isinstance(item, tuple) else _row(item) for item in page]

    @extend_schema(parameters=FILTERS, responses={
        200: PublicRoomSerializer(many=True),
        400: OpenApiResponse(RoomErrorSerializer, description="Ongeldige filterwaarde; 'fouten' zegt wat."),
        404: OpenApiResponse(RoomErrorSerializer, description="Deze pagina bestaat niet (voorbij de laatste).")})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class PublicRoomDetail(generics.RetrieveAPIView):
    """Eén ruimte van een openbare plek."""

    serializer_class = PublicRoomSerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    @extend_schema(responses={200: PublicRoomSerializer, 404: OpenApiResponse(
        RoomErrorSerializer, description="Geen ruimte van een openbare plek met dit nummer.")})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_object(self):
        pk = self.kwargs["pk"]
        room = selectors.public_rooms().filter(pk=number).first() if (number := object_id(pk)) else None
        if room is None:
            raise Http404
        return _row(room)
