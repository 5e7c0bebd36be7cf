"""The budget tool: the form, its balance chart and the spreadsheet."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.accounts.decorators import any_role, scope_required
from ontmoet.core.charts import vertical_bars
from ontmoet.core.exports import xlsx_response

from .. import budget as budget_calc
from .. import content, forms, selectors, services
from ..models import Budget
from .common import ERROR, _initiative, _status


# -- Budget ------------------------------------------------------------------------------------
def _balance_chart(projection):
    return vertical_bars([str(y) for y in projection.years], [float(v) for v in projection.balance],
                         alt=_("Saldo per jaar in euro's: %(values)s") % {"values": "; ".join(
                             f"{y}: {budget_calc.euro(v)}" for y, v in zip(projection.years, projection.balance,
                                                                              strict=True))},
                         unit="€")


def _budget_context(initiative, budget, *, chart=False):
    """Everything the budget page and the PDF show. The web page loads the chart as a separate image
    (toolkit:budget_chart), so matplotlib's ~100 ms do not count against the page; the PDF embeds it."""
    lines = list(budget.lines.all()) if budget.pk else []
    projection = budget_calc.project(budget, lines)
    per_hour, per_visitor = budget_calc.cost_per_unit(budget, projection)
    return {"projection": projection, "per_hour": per_hour, "per_visitor": per_visitor,
            "social_return": budget_calc.social_return(budget, projection),
            "chart": _balance_chart(projection) if chart and lines else None,
            "chart_alt": _("Saldo per jaar in euro's: %(values)s") % {"values": "; ".join(
                f"{y}: {budget_calc.euro(v)}" for y, v in zip(projection.years, projection.balance, strict=True))},
            "shortfalls": [(y, -v) for y, v in zip(projection.years, projection.balance, strict=True) if v < 0],
            "comparison": selectors.similar_places(initiative), "sources": content.sources_for(initiative.typology),
            "has_budget": bool(budget.pk)}


@require_safe
@scope_required(any_role)
def budget_chart(request, pk, scope):
    initiative = _initiative(request, scope, pk)
    instance = get_object_or_404(Budget, initiative=initiative)
    chart = _balance_chart(budget_calc.project(instance, list(instance.lines.all())))
    response = HttpResponse(chart.svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=0"
    return response


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def budget(request, pk, scope):
    from django.utils import timezone

    initiative = _initiative(request, scope, pk, edit=True)
    instance = Budget.objects.filter(initiative=initiative).first() or Budget(
        initiative=initiative, start_year=timezone.localdate().year + 1)
    form = forms.BudgetForm(request.POST or None, instance=instance)
    lines = forms.BudgetLineFormSet(request.POST or None, instance=instance, prefix="regel")
    if request.method == "POST":
        if form.is_valid() and lines.is_valid():
            services.save_budget(form.save(commit=False), lines, request.user)
            messages.success(request, _("De begroting is opgeslagen."))
            return redirect("toolkit:budget", pk=initiative.pk)
        messages.error(request, ERROR)
    return render(request, "toolkit/budget.html", {
        "initiative": initiative, "form": form, "lines": lines, **_budget_context(initiative, instance)},
        status=_status(form, lines) if request.method == "POST" else 200)


@require_safe
@scope_required(any_role)
def budget_xlsx(request, pk, scope):
    initiative = _initiative(request, scope, pk)
    instance = get_object_or_404(Budget, initiative=initiative)
    projection = budget_calc.project(instance, list(instance.lines.all()))
    header = [_("Soort"), _("Categorie"), _("Omschrijving")] + [str(y) for y in projection.years]
    rows = [[_("Kosten"), str(p.category_label), p.line.label, *p.amounts] for p in projection.costs]
    rows += [[_("Inkomsten"), str(p.category_label), p.line.label, *p.amounts] for p in projection.incomes]
    rows += [["", "", _("Totaal kosten"), *projection.total_costs], ["", "", _("Totaal inkomsten"),
                                                                     *projection.total_incomes],
             ["", "", _("Saldo"), *projection.balance]]
    return xlsx_response(f"begroting-{initiative.pk}.xlsx", _("Begroting"), header, rows)
