"""The province dashboard of the meldpunt, with charts next to tables and an XLSX export."""

import hashlib
import io

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from openpyxl import Workbook

from ontmoet.accounts.decorators import province_staff, scope_required
from ontmoet.core import charts
from ontmoet.core.exports import XLSX_CONTENT_TYPE, neutralise

from .statistics import dashboard


def _chart(kind: str, labels: list[str], values: list, alt: str, **options) -> charts.Chart:
    """A chart, rendered once per distinct content: matplotlib costs far more than the queries."""
    digest = hashlib.sha256(repr((kind, labels, values, alt, sorted(options.items()))).encode()).hexdigest()
    key = f"helpdesk:chart:{digest}"
    chart = cache.get(key)
    if chart is None:
        chart = getattr(charts, kind)(labels, values, alt=alt, **options)
        cache.set(key, chart, 60 * 60)
    return chart


def _year(request):
    value = request.GET.get("jaar", "")
    return int(value) if value.isdecimal() and 2000 <= int(value) <= 2100 else None


def _provinces(scope):
    return None if scope.superuser else scope.province_ids


@require_safe
@scope_required(province_staff)
def dashboard_view(request, scope):
    year = _year(request)
    data = dashboard(_provinces(scope), year)
    context = {"data": data, "year": year, "years": range(timezone.localdate().year, timezone.localdate().year - 5, -1)}
    if data.per_category:
        context["category_chart"] = _chart(
            "horizontal_bars", [name for name, _n in data.per_category], [n for _name, n in data.per_category], unit="",
            alt=_("Staafdiagram: aantal vragen per categorie; de tabel ernaast geeft dezelfde getallen."))
    if data.per_month:
        context["month_chart"] = _chart(
            "vertical_bars",
            [date_format(month, "YEAR_MONTH_FORMAT") for month, _n in data.per_month], [n for _m, n in data.per_month],
            alt=_("Staafdiagram: aantal vragen per maand; de tabel ernaast geeft dezelfde getallen."))
    if data.rating_count:
        context["rating_chart"] = _chart(
            "vertical_bars",
            [str(score) for score, _n in data.rating_distribution], [n for _s, n in data.rating_distribution],
            alt=_("Staafdiagram: aantal beoordelingen per cijfer van 1 tot 5."))
    return render(request, "helpdesk/dashboard.html", context)


@require_safe
@scope_required(province_staff)
def dashboard_export(request, scope):
    """One workbook, one sheet per table of the dashboard."""
    year = _year(request)
    data = dashboard(_provinces(scope), year)
    workbook = Workbook(write_only=True)
    sheets = [
        (_("Per categorie"), [_("Categorie"), _("Aantal vragen")], data.per_category),
        (_("Per gemeente"), [_("Gemeente"), _("Aantal vragen")], data.per_municipality),
        (_("Per maand"), [_("Maand"), _("Aantal vragen")], [(m.strftime("%Y-%m"), n) for m, n in data.per_month]),
        (_("Kerncijfers"), [_("Kengetal"), _("Waarde")], [
            (_("Aantal vragen"), data.total),
            (_("Mediane tijd tot eerste reactie (uren)"), data.median_first_response_hours),
            (_("Mediane tijd tot oplossing (dagen)"), data.median_resolution_days),
            (_("Opgelost binnen de termijn (%)"), data.within_service_level),
            (_("Gemiddelde tevredenheid (1-5)"), data.rating_average),
            (_("Aantal beoordelingen"), data.rating_count),
        ]),
        (_("Meest gelezen artikelen"), [_("Artikel"), _("Keer gelezen")], [(t, n) for _pk, t, n in data.top_articles]),
    ]
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(header)
        for row in rows:
            sheet.append([neutralise(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    name = f"meldpunt-dashboard-{year or 'alle-jaren'}"
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
