"""The two upload pages of the monitor: a questionnaire (XLSForm) and a wave's responses (an export)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ontmoet.accounts.decorators import province_staff, scope_required
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


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def wave_import(request, pk, scope):
    wave = selectors.wave_for(scope, pk)
    if wave is None or not selectors.can_manage(scope, wave):
        raise Http404
    form = ResponseImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        mapping = _mapping(form, wave)
        data = _read(form, "file")
        if data is not None and mapping is not None:
            report = importing.import_responses(wave, form.cleaned_data["file"].name, data, user=request.user,
                                                respondent_column=form.cleaned_data["respondent_column"],
                                                mapping=mapping)
            if report.written:
                messages.success(request, _("%(n)s antwoorden geïmporteerd.") % {"n": len(report.actions)})
    return render(request, "monitor/import.html", {"wave": wave, "form": form, "report": report,
                                                   "header": importing.export_header(wave.questionnaire.form)})
