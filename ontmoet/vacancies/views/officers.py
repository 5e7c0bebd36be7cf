"""The overview per municipality: for officers counts only, for a board its own places (ADR 0066)."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ontmoet.accounts.decorators import officer, scope_required
from ontmoet.core.exports import csv_response, xlsx_response

from .. import selectors


@require_safe
@scope_required(lambda scope: scope.is_officer or scope.is_board_member)
def index(request, scope):
    context = {"own": [], "figures": []}
    if scope.is_board_member:
        context["own"] = [(place, selectors.place_vacancies(place)) for place in selectors.own_places(scope)]
        context["waiting"] = selectors.waiting(selectors.board_responses(scope)).count()
        context["offers"] = selectors.board_help_offers(scope).count()
    if scope.is_officer:
        context["figures"] = selectors.municipality_figures(scope)
    return render(request, "vacancies/index.html", context)


def _header():
    return [_("Gemeente"), _("CBS-code"), _("Open vacatures"), _("Reacties op open vacatures"),
            _("Waarvan nog niet beantwoord"), _("Mensen die willen helpen")]


def _rows(scope):
    return [[row.municipality.name, row.municipality.code, row.open_vacancies, row.responses, row.waiting,
             row.help_offers] for row in selectors.municipality_figures(scope)]


def _filename(suffix: str) -> str:
    return f"vacatures-{timezone.localdate():%Y-%m-%d}.{suffix}"


@require_safe
@scope_required(officer)
def export_xlsx(request, scope):
    return xlsx_response(_filename("xlsx"), _("Vacatures"), _header(), _rows(scope))


@require_safe
@scope_required(officer)
def export_csv(request, scope):
    return csv_response(_filename("csv"), _header(), _rows(scope))
