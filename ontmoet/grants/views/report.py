"""The impact report (for officers) and the public summary, as a page, PDF and spreadsheet; the award import."""

import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.accounts.decorators import province_staff, scope_required
from ontmoet.accounts.scoping import get_scope
from ontmoet.core import documents
from ontmoet.core.charts import horizontal_bars, vertical_bars
from ontmoet.core.exports import xlsx_bytes, xlsx_response
from ontmoet.core.pdf import render_pdf
from ontmoet.regions.models import Municipality

from .. import impact, importing, selectors
from ..forms import ImpactFilterForm, ImportForm
from ..models import Award, Round
from .common import officers


# -- impact report -------------------------------------------------------------------------------
def _cached_chart(make, labels, values, **kwargs):
    """A chart depends only on its numbers and words: the same ones give the same SVG, so keep it an hour.

    Drawing with matplotlib costs a few hundred milliseconds per chart; the numbers change only when an
    officer approves hours or an award is made.
    """
    key = "grants-chart:" + hashlib.sha256(repr((make.__name__, labels, values, sorted(kwargs.items()),
                                                 translation.get_language())).encode()).hexdigest()
    chart = cache.get(key)
    if chart is None:
        chart = make(labels, values, **kwargs)
        cache.set(key, chart, 3600)
    return chart


def _report(scope, request, public=False):
    awards = selectors.visible_awards(scope) if not public else Award.objects.select_related("round")
    rounds = Round.objects.filter(pk__in=awards.values("round_id"))
    municipalities = Municipality.objects.filter(pk__in=awards.values("place__municipality_id")).order_by("name")
    form = ImpactFilterForm(request.GET or None, rounds=rounds, municipalities=municipalities)
    chosen = impact.filtered(awards, **form.filters())
    municipalities_rows = impact.by_municipality(chosen)
    kinds = impact.by_kind(chosen)
    quarters = impact.hours_per_quarter(chosen)
    charts = {}
    if municipalities_rows:
        charts["municipality"] = _cached_chart(
            horizontal_bars, [r["name"] for r in municipalities_rows[:15]],
            [float(r["value"]) for r in municipalities_rows[:15]],
            unit=" €", alt=_("Waarde van de goedgekeurde uren per gemeente, in euro; de tabel eronder geeft de "
                            "getallen."))
        charts["kind"] = _cached_chart(
            horizontal_bars, [r["name"] for r in kinds], [float(r["awarded"]) for r in kinds], unit=" €",
            alt=_("Toegekend bedrag per soort plek, in euro; de tabel eronder geeft de getallen."))
    if quarters:
        charts["quarter"] = _cached_chart(
            vertical_bars, [impact.quarter_label(q["quarter"]) for q in quarters],
            [float(q["hours"]) for q in quarters],
            unit=_("uren"), alt=_("Goedgekeurde vrijwilligersuren per kwartaal; de tabel eronder geeft de getallen."))
    return {
        "form": form, "figures": impact.figures(chosen), "by_municipality": municipalities_rows, "by_kind": kinds,
        "by_round": impact.by_round(chosen),
        "quarters": [{"label": impact.quarter_label(q["quarter"]), "hours": q["hours"]} for q in quarters],
        "charts": charts, "query": request.GET.urlencode(),
        "labels": {"value": impact.VALUE_RATIO_LABEL, "value_help": impact.VALUE_RATIO_HELP,
                   "total": impact.TOTAL_RATIO_LABEL, "total_help": impact.TOTAL_RATIO_HELP},
    }


@require_safe
@scope_required(officers)
def impact_report(request, scope):
    return render(request, "grants/impact.html", _report(scope, request))


@require_safe
def public_summary(request):
    context = _report(None, request, public=True)
    return render(request, "grants/public_summary.html", context)


@require_safe
@scope_required(officers)
def impact_pdf(request, scope):
    """The PDF takes seconds: the worker makes it (core.documents); this URL leads to its progress page."""
    query = request.GET.urlencode()
    document = documents.start(
        request.user, maker="ontmoet.grants.views.report.impact_pdf_document", params={"query": query},
        title=_("Impact van de Sociale Hypotheek (PDF)"), content_type="application/pdf",
        filename=f"impact-sociale-hypotheek-{timezone.localdate():%Y-%m-%d}.pdf",
        back_url=reverse("grants:impact") + (f"?{query}" if query else ""))
    return redirect("core:document", pk=document.pk)


class _Query:
    """What the report reads from a request (its filters), for the worker."""

    def __init__(self, query: str):
        self.GET = QueryDict(query)


def impact_pdf_document(user, params, progress) -> bytes:
    """The worker's side of impact_pdf, with the owner's own scope."""
    context = _report(get_scope(user), _Query(params.get("query", "")))
    progress(40)
    context["today"] = timezone.localdate()
    return render_pdf("grants/pdf/impact.html", context)


IMPACT_HEADERS = ["gemeente", "toekenningen", "toegekend (€)", "uitbetaald (€)", "uren verschuldigd",
                  "uren goedgekeurd", "uren open", "waarde van de uren (€)"]


@require_safe
@scope_required(officers)
def impact_xlsx(request, scope):
    context = _report(scope, request)
    figures = context["figures"]
    rows = [[r["name"], r["awards"], r["awarded"], r["paid"], r["hours_due"], r["hours_approved"], r["hours_open"],
             r["value"]] for r in context["by_municipality"]]
    rows.append([_("Totaal"), figures.awards, figures.awarded, figures.paid, figures.hours_due,
                 figures.hours_approved, figures.hours_open, figures.value])
    rows.append([])
    rows.append([str(impact.VALUE_RATIO_LABEL), figures.value_ratio])
    rows.append([str(impact.TOTAL_RATIO_LABEL), figures.total_ratio])
    return xlsx_response(f"impact-sociale-hypotheek-{timezone.localdate():%Y-%m-%d}.xlsx", _("Impact"),
                         IMPACT_HEADERS, rows)


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def import_awards(request, scope):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    province_id = next(iter(sorted(scope.province_ids)), None)
    if request.method == "POST" and form.is_valid() and province_id is not None:
        from ontmoet.regions.models import Province

        upload = form.cleaned_data["file"]
        report = importing.import_awards(upload.name, upload.read(), Province.objects.get(pk=province_id),
                                         request.user)
        if report.ok:
            messages.success(request, _("Import gelukt: %(count)s toekenningen toegevoegd.")
                             % {"count": report.count("created")})
        else:
            messages.error(request, _("Er is niets geïmporteerd: het bestand bevat fouten. Zie het verslag hieronder."))
    status = 400 if (form.errors or (report and not report.ok)) else 200
    return render(request, "grants/import.html", {"form": form, "report": report,
                                                  "columns": importing.EXAMPLE_HEADER}, status=status)


@require_safe
@scope_required(province_staff)
def import_example(request, scope):
    example = [["SH-2021-001", "Sociale Hypotheek 2021", 2021, "DEMO-0001", "10000", "2021-03-15", "700", "10000",
                "15", "30", "24", "historisch"]]
    return HttpResponse(xlsx_bytes(_("Voorbeeld"), importing.EXAMPLE_HEADER, example),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": 'attachment; filename="voorbeeld-toekenningen.xlsx"'})
