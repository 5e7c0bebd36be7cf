"""The two upload pages of the monitor: a questionnaire (XLSForm) and a wave's responses (an export)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ontmoet.accounts.decorators import province_staff, scope_required
from ontmoet.core import held_uploads
from ontmoet.core.tabular import TableError
from ontmoet.regions.models import Province

from . import importing, kobo, selectors, services
from .forms import QuestionnaireUploadForm, ResponseImportForm
from .xlsform import FormError, parse_xlsform

MAX_UPLOAD = 10 * 1024 * 1024


def _read(form, name: str):
    upload = form.cleaned_data.get(name)
    if upload is None:
        return None
    if upload.size > MAX_UPLOAD:
        form.add_error(name, _("Het bestand is groter dan 10 MB."))
        return None
    return upload.read()


def _would_skip(data: bytes, filename: str) -> list:
    """The rows a second try with 'skip' would leave out, when skipping them is all the form needs."""
    try:
        return parse_xlsform(data, filename, skip_unsupported=True).skipped
    except FormError:
        return []


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def questionnaires(request, scope):
    form = QuestionnaireUploadForm(request.POST or None, request.FILES or None)
    problems = []
    provinces = Province.objects.filter(pk__in=scope.province_ids) if not scope.superuser else Province.objects.all()
    if request.method == "POST" and form.is_valid() and (data := _read(form, "file")) is not None:
        filename, skip = form.cleaned_data["file"].name, form.cleaned_data["skip_unsupported"]
        try:
            questionnaire = services.import_questionnaire(provinces.order_by("pk").first(), data, filename,
                                                          request.user, skip_unsupported=skip)
        except FormError as exc:
            problems = exc.problems
            if not skip and (skippable := _would_skip(data, filename)):
                # On the bound field: Django copies the help text there when the form is first read.
                form["skip_unsupported"].help_text = _(
                    "Vink dit aan en upload het bestand opnieuw om deze rijen over te slaan: %(rows)s.") % {
                    "rows": "; ".join(str(problem) for problem in skippable)}
        else:
            messages.success(request, _("Vragenlijst '%(title)s' versie %(version)s is opgeslagen.") % {
                "title": questionnaire.title, "version": questionnaire.version})
            if questionnaire.skipped:
                messages.warning(request, _("Overgeslagen rijen: %(rows)s.") % {
                    "rows": "; ".join(str(problem) for problem in questionnaire.skipped)})
            return redirect("monitor:questionnaire", pk=questionnaire.pk)
    return render(request, "monitor/questionnaires.html", {
        "form": form, "problems": problems, "questionnaires": selectors.visible_questionnaires(scope)})


def _mapping(form, wave) -> dict | None:
    """The mapping table from the page and the uploaded file (whose lines are shown in the page), or None."""
    text, codes = form.cleaned_data["mapping"], set(importing.respondents(wave))
    upload = _read(form, "mapping_file")
    if upload is not None:
        try:
            lines = kobo.mapping_text(form.cleaned_data["mapping_file"].name, upload, codes)
        except TableError as exc:
            form.add_error("mapping_file", str(exc))
            return None
        text = "\n".join(part for part in (text.strip(), lines) if part)
        form.data = form.data.copy()
        form.data["mapping"] = text  # shown again, to check and complete
    mapping, problems = kobo.parse_mapping(text, codes)
    for problem in problems:
        form.add_error("mapping", problem)
    return None if problems else mapping


def _export_file(request, form):
    """(name, bytes) of the chosen export, or of the one kept from the last try; None, with the reason
    at the field, when there is neither."""
    upload = form.cleaned_data.get("file")
    if upload is not None:
        data = _read(form, "file")
        return None if data is None else (upload.name, data)
    held = held_uploads.fetch(request.user, form.cleaned_data["held"])
    if held is None:
        form.add_error("file", _("Het bewaarde bestand is er niet meer: het wordt na %(hours)s uur verwijderd. "
                                 "Kies het bestand opnieuw.") % {"hours": held_uploads.HOURS})
        return None
    return held.filename, held.data


def _keep_for_retry(request, form, export, report) -> str:
    """The token of the file to offer again ('' when there is none): a refused file is kept, an imported one not."""
    token = form.cleaned_data.get("held", "") if export is not None else ""  # expired: nothing to offer
    uploaded = form.cleaned_data.get("file") is not None
    if uploaded or (report is not None and report.written):
        held_uploads.release(request.user, token)  # replaced by a new file, or done with
        token = ""
    if uploaded and export is not None and not (report and (report.written or not report.readable)):
        token = held_uploads.hold(request.user, *export)
    form.data = form.data.copy()
    form.data["held"] = token
    return token


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def wave_import(request, pk, scope):
    wave = selectors.wave_for(scope, pk)
    if wave is None or not selectors.can_manage(scope, wave):
        raise Http404
    form = ResponseImportForm(request.POST or None, request.FILES or None)
    report, held_name = None, ""
    if request.method == "POST" and form.is_valid():
        export = _export_file(request, form)
        mapping = _mapping(form, wave)
        if export is not None and mapping is not None:
            report = importing.import_responses(wave, *export, user=request.user,
                                                respondent_column=form.cleaned_data["respondent_column"],
                                                mapping=mapping)
            if report.written:
                messages.success(request, _("%(n)s antwoorden geïmporteerd.") % {"n": len(report.actions)})
        if _keep_for_retry(request, form, export, report):
            held_name = export[0]
            # On the bound field: Django copies the help text there when the form is first read.
            form["file"].help_text = _(
                "'%(name)s' is bewaard (%(hours)s uur): pas de kolom of de koppeltabel aan en importeer opnieuw "
                "zonder het bestand nog eens te kiezen. Kiest u een ander bestand, dan geldt dat.") % {
                "name": held_name, "hours": held_uploads.HOURS}
    return render(request, "monitor/import.html", {"wave": wave, "form": form, "report": report,
                                                   "held_name": held_name,
                                                   "header": importing.export_header(wave.questionnaire.form)})
