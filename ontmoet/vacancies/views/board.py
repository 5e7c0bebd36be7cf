"""The board's pages under its place (/plekken/<code>/vacatures/) and its responses and help offers.

Officers in scope read a place's vacancies and how many responded; only the place's own board reads
and answers responses (names and addresses are for the board alone, docs/privacy.md).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import any_role, scope_required

from .. import selectors, services
from ..forms import AnswerForm, ResponseFilterForm, VacancyForm
from ..models import Response, ResponseStatus
from ..workflows import BOARD, VACANCY, TransitionError

PAGE_SIZE = 25


def board_member(scope) -> bool:
    return scope.is_board_member


def _place(scope, code, *, manage=False):
    place = selectors.readable_place(scope, code)
    if place is None:
        raise Http404
    if manage and not selectors.may_manage(scope, place):
        raise PermissionDenied(_("Alleen het bestuur van de plek beheert de vacatures."))
    return place


def _vacancy(place, pk):
    return get_object_or_404(place.vacancies.select_related("place__municipality"), pk=pk)


@require_safe
@scope_required(any_role)
def place_vacancies(request, code, scope):
    place = _place(scope, code)
    return render(request, "vacancies/place_vacancies.html", {
        "place": place, "vacancies": selectors.place_vacancies(place), "manage": selectors.may_manage(scope, place)})


def _save(request, place, vacancy, scope):
    form = VacancyForm(request.POST or None, instance=vacancy)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                if vacancy is None:
                    vacancy = services.create_vacancy(place, form.cleaned_data, request.user)
                    messages.success(request, _("De vacature staat op de sociale kaart."))
                else:
                    services.update_vacancy(vacancy, form.cleaned_data, request.user)
                    messages.success(request, _("De vacature is bijgewerkt."))
                return redirect(vacancy.get_absolute_url())
            except ValidationError as error:
                form.add_error(None, error)
        status = 400
    return render(request, "vacancies/vacancy_form.html", {"place": place, "vacancy": vacancy, "form": form},
                  status=status)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def vacancy_create(request, code, scope):
    return _save(request, _place(scope, code, manage=True), None, scope)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def vacancy_edit(request, code, pk, scope):
    place = _place(scope, code, manage=True)
    return _save(request, place, _vacancy(place, pk), scope)


@require_safe
@scope_required(any_role)
def vacancy_detail(request, code, pk, scope):
    place = _place(scope, code)
    vacancy = _vacancy(place, pk)
    manage = selectors.may_manage(scope, place)
    return render(request, "vacancies/vacancy_detail.html", {
        "place": place, "vacancy": vacancy, "manage": manage,
        # Officers see how many responded, never who.
        "responses": vacancy.responses.all() if manage else None,
        "response_count": vacancy.responses.count(),
        "moves": VACANCY.allowed(vacancy.status, BOARD) if manage else [],
        "history": [(change.at, VACANCY.label(change.to_status), change.by)
                    for change in vacancy.history.select_related("by")],
    })


@require_POST
@scope_required(any_role)
def vacancy_status(request, code, pk, scope):
    place = _place(scope, code, manage=True)
    vacancy = _vacancy(place, pk)
    try:
        services.move_vacancy(vacancy, request.POST.get("status", ""), request.user)
        messages.success(request, _("De vacature is nu: %(status)s.") % {"status": vacancy.get_status_display()})
    except TransitionError as error:
        messages.error(request, error.message)
    return redirect(vacancy.get_absolute_url())


# -- responses ------------------------------------------------------------------------------------
@require_safe
@scope_required(board_member, message=_("Alleen besturen van plekken krijgen reacties op vacatures."))
def response_list(request, scope):
    form = ResponseFilterForm(request.GET or None)
    status = form.status_value()
    responses = selectors.board_responses(scope).select_related("vacancy__place")
    if status == ResponseStatus.NEW:
        responses = selectors.waiting(responses)
    elif status == ResponseStatus.ANSWERED:
        responses = responses.filter(status=ResponseStatus.ANSWERED)
    page = Paginator(responses, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "vacancies/response_list.html", {
        "page": page, "form": form, "status": status, "query": f"status={status}" if status else ""})


def _response(scope, pk) -> Response:
    # Another place's response is a 404: nobody learns it exists.
    return get_object_or_404(selectors.board_responses(scope).select_related("vacancy__place"), pk=pk)


@require_http_methods(["GET", "POST"])
@scope_required(board_member)
def response_detail(request, pk, scope):
    response = _response(scope, pk)
    form = AnswerForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if response.status != ResponseStatus.NEW:
            messages.info(request, _("Deze reactie is al beantwoord."))
            return redirect(response.get_absolute_url())
        if form.is_valid():
            services.answer_response(response, form.cleaned_data["answer"], request.user)
            messages.success(request, _("Uw antwoord is verstuurd naar %(name)s.") % {"name": response.name})
            return redirect(response.get_absolute_url())
        status = 400
    return render(request, "vacancies/response_detail.html", {
        "response": response, "vacancy": response.vacancy, "form": form,
        "waiting": response.status == ResponseStatus.NEW}, status=status)


@require_POST
@scope_required(board_member)
def response_mark(request, pk, scope):
    response = _response(scope, pk)
    try:
        services.mark_answered(response, request.user)
        messages.success(request, _("De reactie staat als beantwoord."))
    except TransitionError as error:
        messages.error(request, error.message)
    return redirect(response.get_absolute_url())


@require_safe
@scope_required(board_member, message=_("Alleen besturen van plekken zien wie wil helpen."))
def help_offers(request, scope):
    page = Paginator(selectors.board_help_offers(scope), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "vacancies/help_offers.html", {"page": page})
