"""Import and export of activities: for one place (its board, municipality, province) and for every place a
user keeps the agenda of (a municipality that collects them, a board with several places).

The import is checked whole and written whole in the request, as the register's import is; the export is in
the import's format, so export → edit → import round-trips. An area's spreadsheet is made by the worker
(core.documents), as the register's is: for a province it is tens of thousands of rows.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.accounts.decorators import any_role, scope_required
from ontmoet.accounts.scoping import get_scope
from ontmoet.core import documents
from ontmoet.core.exports import XLSX_CONTENT_TYPE, csv_response, xlsx_bytes, xlsx_response
from ontmoet.places import selectors as places
from ontmoet.places.forms import ImportForm

from . import columns, importing
from .columns import COLUMNS, HEADERS
from .models import Activity
from .views import _managed_place


def keeps_agendas(scope) -> bool:
    """Who keeps activities of more than one page: boards and the officers of municipality and province."""
    return scope.is_officer or scope.is_board_member


def _import(request, scope, place=None):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = importing.import_activities(upload.name, upload.read(), scope, request.user, place=place)
        if report.ok:
            messages.success(request, _("Import gelukt: %(new)s nieuw, %(updated)s bijgewerkt, %(same)s ongewijzigd.")
                             % {"new": report.count("created"), "updated": report.count("updated"),
                                "same": report.count("unchanged")})
        else:
            messages.error(request, _("Er is niets geïmporteerd: het bestand bevat fouten. Zie het verslag hieronder."))
    status = 400 if (form.errors or (report and not report.ok)) else 200
    return render(request, "agenda/import.html", {"form": form, "report": report, "place": place,
                                                  "columns": COLUMNS}, status=status)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def import_place(request, code, scope):
    return _import(request, scope, _managed_place(scope, code))


@require_http_methods(["GET", "POST"])
@scope_required(keeps_agendas)
def import_all(request, scope):
    return _import(request, scope)


def managed_activities(scope, place=None):
    """The activities this user keeps, in the export's order, with what a row needs in two more queries."""
    if place is not None:
        activities = Activity.objects.filter(place=place)
    else:
        activities = Activity.objects.filter(place__in=places.visible_places(scope))
    return (activities.select_related("place", "kind").prefetch_related("target_groups")
            .order_by("place__code", "title", "pk"))


def _rows(activities):
    return (columns.row_of(activity) for activity in activities.iterator(chunk_size=2000))


def _name(place, extension):
    return f"activiteiten-{place.code if place else 'alle'}-{timezone.localdate():%Y-%m-%d}.{extension}"


@require_safe
@scope_required(any_role)
def export_place(request, code, extension, scope):
    place = _managed_place(scope, code)
    rows = _rows(managed_activities(scope, place))
    if extension == "csv":
        return csv_response(_name(place, "csv"), HEADERS, rows)
    return xlsx_response(_name(place, "xlsx"), _("Activiteiten"), HEADERS, rows)


@require_safe
@scope_required(keeps_agendas)
def export_all(request, extension, scope):
    if extension == "csv":
        return csv_response(_name(None, "csv"), HEADERS, _rows(managed_activities(scope)))
    document = documents.start(
        request.user, maker="ontmoet.agenda.views_transfer.export_xlsx_document", params={},
        title=_("Activiteiten (spreadsheet)"), filename=_name(None, "xlsx"), content_type=XLSX_CONTENT_TYPE,
        back_url=reverse("agenda:import_all"))
    return redirect("core:document", pk=document.pk)


def export_xlsx_document(user, params, progress) -> bytes:
    """Made by the worker, with the owner's own scope."""
    return xlsx_bytes(_("Activiteiten"), HEADERS, _rows(managed_activities(get_scope(user))))


@require_safe
@scope_required(any_role)
def template(request, extension, scope):
    """The columns with two example rows, to fill in."""
    if extension == "csv":
        return csv_response("activiteiten-sjabloon.csv", HEADERS, columns.template_rows())
    return xlsx_response("activiteiten-sjabloon.xlsx", _("Activiteiten"), HEADERS, columns.template_rows())
