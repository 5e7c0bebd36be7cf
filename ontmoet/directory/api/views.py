"""Public, read-only API of the sociale kaart: the same places and filters as the search page."""

from django.db.models import Max
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, permissions
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from ontmoet.places.choices import WEEKDAYS, Kind

from .. import opendata, selectors
from ..forms import SORT_CHOICES, SearchForm
from ..geocoding import geocode
from .conditional import conditional
from .serializers import ErrorSerializer, MunicipalitySerializer, PublicPlaceSerializer

FILTER_PARAMETERS = [
    OpenApiParameter("q", str, description="Vrije tekst: naam, plaats, activiteit, voorziening (Nederlandse "
                     "woordvormen en kleine typefouten worden herkend)."),
    OpenApiParameter("near", str, description="Postcode, dorp, stad of 'breedtegraad,lengtegraad'."),
    OpenApiParameter("radius", OpenApiTypes.NUMBER, description="Straal in km rond 'near' (0,1 tot 200)."),
    OpenApiParameter("municipality", str, description="CBS-code van de gemeente, bijvoorbeeld GM0177."),
    OpenApiParameter("kind", str, enum=[value for value, _label in Kind.choices]),
    OpenApiParameter("activity", str, description="Code van een activiteit, bijvoorbeeld koersbal."),
    OpenApiParameter("facility", str, description="Code van een voorziening."),
    OpenApiParameter("target_group", str, description="Code van een doelgroep."),
    OpenApiParameter("day", str, enum=[value for value, _label in WEEKDAYS], description="Open op deze dag."),
    OpenApiParameter("wheelchair", str, enum=["ja"], description="Alleen rolstoeltoegankelijke plekken."),
    OpenApiParameter("sort", str, enum=[value for value, _label in SORT_CHOICES if value]),
]
ERRORS = {400: OpenApiResponse(ErrorSerializer, description="Ongeldige filterwaarde; 'detail' zegt wat."),
          404: OpenApiResponse(ErrorSerializer, description="Onbekende of niet-openbare plek.")}


class ConditionalMixin:
    """ETag on every successful read; Last-Modified where the view knows when its data last changed."""

    last_modified = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return conditional(request, response, self.last_modified)


class PublicPlaceList(ConditionalMixin, generics.ListAPIView):
    """Openbare ontmoetingsplekken, met dezelfde filters als de zoekpagina van de sociale kaart."""

    serializer_class = PublicPlaceSerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    def get_queryset(self):
        form = SearchForm(self.request.query_params)
        filters = form.filters()
        if form.errors:
            raise ValidationError({field: [str(e) for e in errors] for field, errors in form.errors.items()})
        origin = None
        if filters.get("near"):
            origin = geocode(filters["near"])
            if origin is None:
                raise ValidationError({"near": ["Deze plaats of postcode is niet gevonden."]})
        self.origin = origin
        return selectors.search_places(filters, origin).entries

    def list(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        page = self.paginate_queryset(queryset)
        rows = []
        for place in selectors.load_places(page):
            record = opendata.public_record(place)
            record["distance_km"] = place.distance_km
            rows.append(record)
        response = self.get_paginated_response(self.get_serializer(rows, many=True).data)
        self.last_modified = selectors.public_places().aggregate(last=Max("updated_at"))["last"]
        return response

    @extend_schema(parameters=FILTER_PARAMETERS, responses={
        200: PublicPlaceSerializer(many=True), 400: ERRORS[400],
        404: OpenApiResponse(ErrorSerializer, description="Deze pagina bestaat niet (voorbij de laatste).")})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class PublicPlaceDetail(ConditionalMixin, generics.RetrieveAPIView):
    """Eén openbare plek, op code."""

    serializer_class = PublicPlaceSerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    lookup_field = "code"

    def retrieve(self, request, *args, **kwargs):
        place = selectors.public_place(kwargs["code"])
        if place is None:
            raise Http404
        self.last_modified = place.updated_at
        return Response(self.get_serializer(opendata.public_record(place)).data)

    @extend_schema(responses={200: PublicPlaceSerializer, 404: ERRORS[404]})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class MunicipalityList(ConditionalMixin, generics.ListAPIView):
    """Gemeenten met minstens één openbare plek."""

    serializer_class = MunicipalitySerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    pagination_class = None

    def get_queryset(self):
        return selectors.public_municipalities()
