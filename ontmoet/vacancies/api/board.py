"""The board's vacancies over the API, with the web pages' rules: officers in scope read a place's
vacancies and how many responded; only the place's own board writes, reads responses and answers them.
Every write goes through services (and so through the vacancies workflow)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response as ApiResponse

from ontmoet.core.api import READ_ERRORS, WRITE_ERRORS, ManagementView, check_form, object_id

from .. import selectors, services
from ..forms import VacancyForm
from ..models import ResponseStatus
from ..workflows import BOARD, VACANCY, TransitionError
from .board_serializers import (
    AnswerSerializer,
    BoardVacancySerializer,
    ResponseSerializer,
    VacancyInputSerializer,
    VacancyMoveSerializer,
)

FIELDS = list(VacancyInputSerializer._declared_fields)
BOARD_ONLY = gettext_lazy("Alleen het bestuur van de plek beheert de vacatures en leest de reacties.")


def _refused(field: str, message) -> serializers.ValidationError:
    return serializers.ValidationError({field: [str(message)]})


class PlaceVacanciesView(ManagementView):
    serializer_class = BoardVacancySerializer

    def place(self, *, manage=False):
        place = selectors.readable_place(self.scope, self.kwargs["code"])
        if place is None:
            raise Http404
        if manage and not selectors.may_manage(self.scope, place):
            raise PermissionDenied(BOARD_ONLY)
        return place

    def vacancy(self, *, manage=False):
        place = self.place(manage=manage)
        pk = object_id(self.kwargs["pk"])
        found = selectors.place_vacancies(place).filter(pk=pk).first() if pk else None
        if found is None:
            raise Http404
        return found

    def show(self, vacancies, many=False):
        rows = vacancies if many else [vacancies]
        manage = bool(rows) and selectors.may_manage(self.scope, rows[0].place)
        moves = {v.pk: [t.target for t in VACANCY.allowed(v.status, BOARD)] if manage else [] for v in rows}
        return BoardVacancySerializer(vacancies, many=many, context={"moves": moves}).data

    def save(self, vacancy, place, *, partial: bool):
        given = self.valid(VacancyInputSerializer)
        data = {field: getattr(vacancy, field) for field in FIELDS} if partial and vacancy else {}
        data.update(given)
        form = check_form(VacancyForm(data=data, instance=vacancy))
        try:
            if vacancy is None:
                vacancy = services.create_vacancy(place, form.cleaned_data, self.request.user)
            else:
                services.update_vacancy(vacancy, form.cleaned_data, self.request.user)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return selectors.place_vacancies(place).get(pk=vacancy.pk)


class VacancyList(PlaceVacanciesView):
    """De vacatures van een plek: lezen voor wie de plek ziet, plaatsen alleen door het bestuur."""

    @extend_schema(summary="Vacatures van een plek", responses={200: BoardVacancySerializer(many=True),
                                                                **READ_ERRORS})
    def get(self, request, code):
        page = self.paginate_queryset(selectors.place_vacancies(self.place()).select_related("place"))
        return self.get_paginated_response(self.show(page, many=True))

    @extend_schema(summary="Vacature plaatsen", request=VacancyInputSerializer,
                   responses={201: BoardVacancySerializer, **WRITE_ERRORS})
    def post(self, request, code):
        place = self.place(manage=True)
        return ApiResponse(self.show(self.save(None, place, partial=False)), status=201)


class VacancyDetail(PlaceVacanciesView):
    """Eén vacature met het aantal reacties (nooit wie reageerde, behalve voor het bestuur via 'reacties')."""

    @extend_schema(summary="Eén vacature", responses={200: BoardVacancySerializer, **READ_ERRORS})
    def get(self, request, code, pk):
        return ApiResponse(self.show(self.vacancy()))

    @extend_schema(summary="Vacature vervangen", request=VacancyInputSerializer,
                   responses={200: BoardVacancySerializer, **WRITE_ERRORS})
    def put(self, request, code, pk):
        vacancy = self.vacancy(manage=True)
        return ApiResponse(self.show(self.save(vacancy, vacancy.place, partial=False)))

    @extend_schema(summary="Vacature deels wijzigen", request=VacancyInputSerializer,
                   responses={200: BoardVacancySerializer, **WRITE_ERRORS})
    def patch(self, request, code, pk):
        vacancy = self.vacancy(manage=True)
        return ApiResponse(self.show(self.save(vacancy, vacancy.place, partial=True)))


class VacancyMove(PlaceVacanciesView):
    """Vervuld, ingetrokken of opnieuw open: de stappen van het vacatureschema, zoals op de pagina."""

    @extend_schema(summary="Vacature sluiten of heropenen", request=VacancyMoveSerializer,
                   responses={200: BoardVacancySerializer, **WRITE_ERRORS})
    def post(self, request, code, pk):
        vacancy = self.vacancy(manage=True)
        given = self.valid(VacancyMoveSerializer)
        try:
            services.move_vacancy(vacancy, given["status"], request.user,
                                  reason=given.get("reason", ""))
        except TransitionError as error:
            raise _refused("status", error.message) from error
        return ApiResponse(self.show(selectors.place_vacancies(vacancy.place).get(pk=vacancy.pk)))


class ResponseList(PlaceVacanciesView):
    """Wie op de vacature reageerde: alleen voor het bestuur van de plek."""

    serializer_class = ResponseSerializer

    @extend_schema(summary="Reacties op een vacature (alleen het bestuur)",
                   parameters=[OpenApiParameter("status", str, enum=ResponseStatus.values,
                                                description="new: wacht op antwoord; answered: beantwoord.")],
                   responses={200: ResponseSerializer(many=True), **WRITE_ERRORS})
    def get(self, request, code, pk):
        vacancy = self.vacancy(manage=True)
        responses = vacancy.responses.order_by("-created_at", "-pk")
        wanted = request.query_params.get("status", "")
        if wanted and wanted not in ResponseStatus.values:
            raise _refused("status", _("Kies new of answered."))
        if wanted:
            responses = responses.filter(status=wanted)
        return self.get_paginated_response(ResponseSerializer(self.paginate_queryset(responses), many=True).data)


class ResponseAction(PlaceVacanciesView):
    serializer_class = ResponseSerializer

    def vacancy_response(self):
        vacancy = self.vacancy(manage=True)
        pk = object_id(self.kwargs["rpk"])
        found = vacancy.responses.filter(pk=pk).first() if pk else None
        if found is None:
            raise Http404
        return found


class ResponseMark(ResponseAction):
    """Beantwoord buiten Ontmoet (gebeld, gesproken): de reactie wacht niet meer."""

    @extend_schema(summary="Reactie als beantwoord markeren", request=None,
                   responses={200: ResponseSerializer, **WRITE_ERRORS})
    def post(self, request, code, pk, rpk):
        found = self.vacancy_response()
        try:
            services.mark_answered(found, request.user)
        except TransitionError as error:
            raise _refused("status", error.message) from error
        return ApiResponse(ResponseSerializer(found).data)


class ResponseAnswer(ResponseAction):
    """Antwoorden via Ontmoet: het antwoord gaat per e-mail naar wie reageerde."""

    @extend_schema(summary="Reactie beantwoorden", request=AnswerSerializer,
                   responses={200: ResponseSerializer, **WRITE_ERRORS})
    def post(self, request, code, pk, rpk):
        found = self.vacancy_response()
        given = self.valid(AnswerSerializer)
        if found.status != ResponseStatus.NEW:
            raise _refused("answer", _("Deze reactie is al beantwoord."))
        services.answer_response(found, given["answer"], request.user)
        return ApiResponse(ResponseSerializer(found).data)
