"""Public, read-only API of the vacancies: the open vacancies of public places, with the page's filters."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, permissions
from rest_framework.exceptions import ValidationError

from ontmoet.core.api import object_id
from ontmoet.core.textinput import has_control_characters
from ontmoet.places.geocoding import geocode

from .. import selectors
from ..models import VacancyRole
from .serializers import PublicVacancySerializer, VacancyErrorSerializer

FILTERS = [
    OpenApiParameter("role", str, enum=VacancyRole.values),
    OpenApiParameter("municipality", str, description="CBS-code van de gemeente, bijvoorbeeld GM0177."),
    OpenApiParameter("near", str, description="Postcode (PC4), dorp of gemeente."),
    OpenApiParameter("radius", OpenApiTypes.NUMBER, description="Straal in km rond 'near' (1 tot 100; standaard 10)."),
]

NOT_FOUND = OpenApiResponse(VacancyErrorSerializer, description="Geen open vacature van een openbare plek.")


def _with_distance(pairs):
    for vacancy, distance in pairs:
        vacancy.distance_km = None if distance is None else round(distance, 2)
        yield vacancy


class PublicVacancyList(generics.ListAPIView):
    """Open vacatures van openbare plekken: nieuwste eerst, of dichtstbij eerst met 'near'."""

    serializer_class = PublicVacancySerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    def _filters(self) -> dict:
        params, errors, filters = self.request.query_params, {}, {}
        for name in ("role", "municipality", "near", "radius"):
            # PostgreSQL cannot hold NUL in a query value; a control character is never a valid filter anyway.
            if has_control_characters(params.get(name, "")):
                errors[name] = ["Deze waarde bevat een teken dat hier niet kan; typ haar opnieuw."]
        if errors:
            raise ValidationError(errors)
        if params.get("role"):
            if params["role"] not in VacancyRole.values:
                errors["role"] = ["Onbekende rol."]
            filters["role"] = params["role"]
        if params.get("municipality"):
            municipality = selectors.public_municipalities().filter(code=params["municipality"]).first()
            if municipality is None:
                errors["municipality"] = ["Onbekende gemeentecode, of een gemeente zonder openbare plekken."]
            filters["municipality"] = municipality
        if params.get("radius"):
            try:
                filters["radius"] = float(params["radius"])
            except ValueError:
                filters["radius"] = -1.0
            if not 1 <= filters["radius"] <= 100:
                errors["radius"] = ["Geef een straal van 1 tot 100 km."]
        if errors:
            raise ValidationError(errors)
        return filters

    def get_queryset(self):
        filters = self._filters()
        near = self.request.query_params.get("near", "").strip()
        origin = geocode(near) if near else None
        if near and origin is None:
            raise ValidationError({"near": ["Onbekende plaats: probeer een postcode (bijvoorbeeld 8102) of de naam "
                                            "van een dorp of gemeente."]})
        return selectors.search(filters, origin)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return None if page is None else list(_with_distance(page))

    @extend_schema(parameters=FILTERS, responses={
        200: PublicVacancySerializer(many=True),
        400: OpenApiResponse(VacancyErrorSerializer, description="Ongeldige filterwaarde; 'fouten' zegt wat."),
        404: OpenApiResponse(VacancyErrorSerializer, description="Deze pagina bestaat niet (voorbij de laatste).")})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class PublicVacancyDetail(generics.RetrieveAPIView):
    """Eén open vacature van een openbare plek."""

    serializer_class = PublicVacancySerializer
    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    @extend_schema(responses={200: PublicVacancySerializer, 404: NOT_FOUND})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_object(self):
        pk = self.kwargs["pk"]
        vacancy = selectors.public_vacancies().filter(pk=number).first() if (number := object_id(pk)) else None
        if vacancy is None:
            raise Http404
        vacancy.distance_km = None
        return vacancy
