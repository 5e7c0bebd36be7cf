"""Pages for managing places. Reads go through selectors, writes through services."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import any_role, officer, province_staff, scope_required
from ontmoet.core import documents, submissions
from ontmoet.core.exports import XLSX_CONTENT_TYPE, csv_response
from ontmoet.core.panels import place_panels

from . import importing, selectors, services
from .columns import HEADERS, export_rows
from .forms import CreatePlaceForm, ImportForm, PlaceFilterForm, PlaceForm, ReminderForm
from .tasks import send_verification_reminders

# Dicts, as {% columns %} makes them: a plain (lazy) string makes the table's lookups fail slowly.
LIST_HEADERS = [{"label": label, "numeric": False} for label in (
    gettext_lazy("Naam"), gettext_lazy("Soort"), gettext_lazy("Gemeente"), gettext_lazy("Plaats"),
    gettext_lazy("Bemensing"), gettext_lazy("Status"), gettext_lazy("Laatst bevestigd"))]


def _get_place_or_404(scope, code):
    place = selectors.place_detail(scope, code)
    if place is None:
        raise Http404
    return place


@require_safe
@scope_required(officer)
def place_list(request, scope):
    form = PlaceFilterForm(request.GET or None, scope=scope)
    filters = form.filters()
    page, rows = selectors.list_page(scope, filters, form.municipality_names, request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "places/list.html", {
        "form": form, "page": page, "rows": rows, "headers": LIST_HEADERS, "query": query.urlencode(),
        "filtered": bool(filters),
    })


def _export_rows(scope, request):
    form = PlaceFilterForm(request.GET or None, scope=scope)
    return export_rows(selectors.filter_places(selectors.visible_places(scope), form.filters()))


def _export_name(extension):
    return f"plekken-{timezone.localdate():%Y-%m-%d}.{extension}"


@require_safe
@scope_required(officer)
def export_csv(request, scope):
    return csv_response(_export_name("csv"), HEADERS, _export_rows(scope, request))


@require_safe
@scope_required(officer)
def export_xlsx(request, scope):
    """Made by the worker (places.documents); this URL leads to the document's progress page."""
    query = request.GET.urlencode()
    document = documents.start(
        request.user, maker="ontmoet.places.documents.export_xlsx_document", params={"query": query},
        title=_("Plekken (spreadsheet)"), filename=_export_name("xlsx"), content_type=XLSX_CONTENT_TYPE,
        back_url=reverse("places:list") + (f"?{query}" if query else ""))
    return redirect("core:document", pk=document.pk)


@require_safe
@scope_required(any_role)
def place_detail(request, code, scope):
    place = _get_place_or_404(scope, code)
    return render(request, "places/detail.html", {
        "place": place,
        "activities": selectors.activity_kinds(place, public=False),  # with the agenda's kinds
        "can_edit": scope.can_edit_place(place),
        "is_stale": place.last_verified_at is None or place.last_verified_at < selectors.verification_cutoff(),
        "panels": place_panels(request, scope, place),  # what other modules add, e.g. the aanspreekpunt
    })


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def place_edit(request, code, scope):
    place = _get_place_or_404(scope, code)
    if not scope.can_edit_place(place):
        raise Http404
    form = PlaceForm(request.POST or None, instance=place, scope=scope)
    if request.method == "POST" and form.is_valid():
        place = form.save(commit=False)
        services.save_place(place, form.list_values(), request.user)
        messages.success(request, _("De gegevens van %(name)s zijn opgeslagen.") % {"name": place.name})
        return redirect(place)
    if request.method == "POST":
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    return render(request, "places/form.html", {"form": form, "place": place}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@scope_required(officer)
def place_create(request, scope):
    form = CreatePlaceForm(request.POST or None, scope=scope)
    if again := submissions.posted_before(request, form):
        return again
    if request.method == "POST" and form.is_valid():
        place = form.save(commit=False)
        outcome = submissions.submit_once(form.submission_token, lambda: services.save_place(
            place, form.list_values(), request.user), lambda saved: saved.get_absolute_url())
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        messages.success(request, _("%(name)s is toegevoegd.") % {"name": place.name})
        return redirect(place)
    if request.method == "POST":
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    return render(request, "places/form.html", {"form": form, "place": None}, status=400 if form.errors else 200)


@require_POST
@scope_required(any_role)
def place_verify(request, code, scope):
    place = _get_place_or_404(scope, code)
    if not scope.can_edit_place(place):
        raise Http404
    services.verify_place(place, request.user)
    messages.success(request, _("Dank u wel. We hebben genoteerd dat de gegevens van %(name)s kloppen.")
                     % {"name": place.name})
    return redirect(place)


@require_safe
@scope_required(any_role)
def place_history(request, code, scope):
    place = _get_place_or_404(scope, code)
    return render(request, "places/history.html", {"place": place, "entries": selectors.history(place)})


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def verification(request, scope):
    stale = selectors.visible_places(scope).filter(selectors.needs_verification_q()).order_by(
        "last_verified_at", "name")
    if request.method == "POST":
        form = ReminderForm(request.POST, queryset=stale)
        if form.is_valid():
            send_verification_reminders.enqueue([place.pk for place in form.cleaned_data["places"]])
            messages.success(request, _("De herinneringen voor %(count)s plekken worden verstuurd.")
                             % {"count": len(form.cleaned_data["places"])})
            return redirect("places:verification")
        messages.error(request, " ".join(form.errors.get("places", [])) or _("Kies minstens één plek."))
    page = Paginator(stale, 50).get_page(request.GET.get("pagina"))
    return render(request, "places/verification.html", {"page": page, "count": page.paginator.count})


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def place_import(request, scope):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = importing.import_places(upload.name, upload.read(), scope, request.user)
        if report.ok:
            messages.success(request, _("Import gelukt: %(new)s nieuw, %(updated)s bijgewerkt, %(same)s ongewijzigd.")
                             % {"new": report.count("created"), "updated": report.count("updated"),
                                "same": report.count("unchanged")})
        else:
            messages.error(request, _("Er is niets geïmporteerd: het bestand bevat fouten. Zie het verslag hieronder."))
    status = 400 if (form.errors or (report and not report.ok)) else 200
    return render(request, "places/import.html", {"form": form, "report": report}, status=status)
