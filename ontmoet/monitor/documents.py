"""Documents the worker makes (core.documents): the monitor report as a PDF (about ten seconds) and the
answers as a spreadsheet (a wave of thousands of respondents)."""

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.exports import xlsx_bytes
from ontmoet.core.pdf import render_pdf

from . import importing, outputs, selectors
from .forms import BreakdownForm
from .models import Invitation
from .questionform import language
from .report import build_report


def report_pdf_document(user, params, progress) -> bytes:
    """With the owner's own scope: the municipalities they may see, as on the report page."""
    scope = get_scope(user)
    wave = selectors.wave_for(scope, params["wave"])
    if wave is None:
        raise LookupError("uitvraag niet (meer) zichtbaar")
    form = BreakdownForm(QueryDict(params.get("query", "")) or None, wave=wave, language=language())
    breakdown = form.cleaned_data["uitsplitsing"] if form.is_valid() else ""
    data = build_report(wave, municipality_ids=selectors.result_municipalities(scope, wave), breakdown=breakdown,
                        language=language())
    progress(30)
    return render_pdf("monitor/pdf/report.html", {
        "wave": wave, "report": data, "questions": outputs.with_charts(data), "breakdown": data.get("breakdown"),
        "generated": timezone.localdate(),
    }, language=language())


def answers_pdf_document(user, params, progress) -> bytes:
    """One respondent's handed-in answers. The view checked the personal link; the params name the invitation."""
    from .models import Invitation, Response
    from .questionform import read_back

    invitation = Invitation.objects.select_related("wave__questionnaire", "place", "municipality").get(
        pk=params["invitation"])
    response = Response.objects.filter(invitation=invitation, submitted_at__isnull=False).first()
    if response is None:
        raise LookupError("geen ingeleverde antwoorden")
    progress(30)
    return render_pdf("monitor/pdf/answers.html", {
        "invitation": invitation, "wave": invitation.wave, "response": response, "generated": timezone.localdate(),
        "answers": read_back(invitation.wave.questionnaire.form, response.data)}, language=language())
def answers(scope, wave):
    """The answers export's header and rows: only the municipalities this scope may see results of."""
    limit = selectors.result_municipalities(scope, wave)
    invitations = None if limit is None else Invitation.objects.filter(wave=wave, municipality_id__in=limit)
    return importing.export_header(wave.questionnaire.form), importing.export_rows(wave, invitations)


def answers_xlsx_document(user, params, progress) -> bytes:
    """With the owner's own scope, as the wave page had it."""
    scope = get_scope(user)
    wave = selectors.wave_for(scope, params["wave"])
    if wave is None:
        raise LookupError("uitvraag niet (meer) zichtbaar")
    header, rows = answers(scope, wave)
    return xlsx_bytes(_("Antwoorden"), header, rows)
