"""The five-year operating budget: projection with indexation and an energy-price scenario, the verdict,
and the lines that would close a shortfall. All money is Decimal, rounded to cents per year."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

YEARS = 5
CENT = Decimal("0.01")

COST_CATEGORIES = [
    ("huur", gettext_lazy("Huur of kapitaallasten")), ("energie", gettext_lazy("Energie")),
    ("onderhoud", gettext_lazy("Onderhoud")), ("verzekering", gettext_lazy("Verzekering")),
    ("schoonmaak", gettext_lazy("Schoonmaak")), ("coordinatie", gettext_lazy("Coördinatie")),
    ("activiteiten", gettext_lazy("Activiteiten")), ("overige_kosten", gettext_lazy("Overige kosten")),
]
# Room hire in three rates (seed 002: rent differentiation removes barriers for residents' initiatives).
RENTAL_CATEGORIES = {"verhuur_bewoners", "verhuur_maatschappelijk", "verhuur_commercieel"}
INCOME_CATEGORIES = [
    ("verhuur_bewoners", gettext_lazy("Zaalverhuur aan bewonersinitiatieven")),
    ("verhuur_maatschappelijk", gettext_lazy("Zaalverhuur aan maatschappelijke partners")),
    ("verhuur_commercieel", gettext_lazy("Zaalverhuur aan commerciële gebruikers")),
    ("horeca", gettext_lazy("Horeca (koffie, thee, bar)")), ("subsidie", gettext_lazy("Subsidie")),
    ("fondsen", gettext_lazy("Fondsen")), ("sponsoring", gettext_lazy("Sponsoring")),
    ("servicekosten", gettext_lazy("Servicekosten bewoners")), ("overige_inkomsten", gettext_lazy("Overige inkomsten")),
]
CATEGORY_LABELS = dict(COST_CATEGORIES + INCOME_CATEGORIES)


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def euro(value: Decimal) -> str:
    """1234.5 -> '1.234,50' in Dutch (the active language's format)."""
    return number_format(money(value), 2, use_l10n=True, force_grouping=True)


@dataclass
class ProjectedLine:
    line: object
    amounts: list

    @property
    def category_label(self):
        return CATEGORY_LABELS.get(self.line.category, self.line.category)


@dataclass
class Projection:
    years: list
    costs: list
    incomes: list
    total_costs: list
    total_incomes: list
    balance: list
    suggestions: list

    @property
    def closes(self) -> bool:
        return all(value >= 0 for value in self.balance)

    @property
    def worst_shortfall(self) -> Decimal:
        return -min(self.balance) if self.balance else Decimal(0)


def line_growth(line, budget) -> Decimal:
    if line.category == "energie":
        return Decimal(1) + budget.energy_change / 100
    if line.indexed:
        return Decimal(1) + budget.indexation / 100
    return Decimal(1)


def project(budget, lines) -> Projection:
    years = [budget.start_year + i for i in range(YEARS)]
    costs, incomes = [], []
    for line in lines:
        base = line.quantity * line.unit_amount
        growth = line_growth(line, budget)
        amounts = [money(base * growth ** i) for i in range(YEARS)]
        (costs if line.direction == "kosten" else incomes).append(ProjectedLine(line, amounts))
    total_costs = [sum((p.amounts[i] for p in costs), Decimal(0)) for i in range(YEARS)]
    total_incomes = [sum((p.amounts[i] for p in incomes), Decimal(0)) for i in range(YEARS)]
    balance = [total_incomes[i] - total_costs[i] for i in range(YEARS)]
    projection = Projection(years, costs, incomes, total_costs, total_incomes, balance, [])
    if not projection.closes:
        projection.suggestions = closing_suggestions(budget, projection)
    return projection


def closing_suggestions(budget, projection) -> list[str]:
    """Which single line would close the worst year's shortfall, and by how much."""
    worst = max(range(YEARS), key=lambda i: -projection.balance[i])
    gap = -projection.balance[worst]
    suggestions = []
    for projected in projection.incomes:
        line = projected.line
        growth = line_growth(line, budget) ** worst
        if line.category in RENTAL_CATEGORIES and line.quantity > 0:
            extra = money(gap / (line.quantity * growth))
            suggestions.append(_("Verhoog het tarief van '%(label)s' met € %(extra)s naar € %(new)s per eenheid "
                                 "(%(qty)s per jaar).") % {"label": line.label, "extra": euro(extra),
                                                           "new": euro(line.unit_amount + extra),
                                                           "qty": number_format(line.quantity, use_l10n=True)})
        else:
            suggestions.append(_("Verhoog '%(label)s' met € %(extra)s per jaar.")
                               % {"label": line.label, "extra": euro(gap / growth)})
    for projected in projection.costs:
        if projected.amounts[worst] >= gap:
            suggestions.append(_("Verlaag '%(label)s' met € %(gap)s in %(year)s.")
                               % {"label": projected.line.label, "gap": euro(gap), "year": projection.years[worst]})
    return suggestions


def weekly_hours(opening_hours: dict) -> Decimal:
    """Opening hours per week from the register's {"ma": ["09:00-12:00", ...]} format."""
    total = Decimal(0)
    for ranges in (opening_hours or {}).values():
        for span in ranges:
            try:
                start, end = span.split("-")
                sh, sm = (int(x) for x in start.split(":"))
                eh, em = (int(x) for x in end.split(":"))
            except ValueError:
                continue
            minutes = (eh * 60 + em) - (sh * 60 + sm)
            if minutes > 0:
                total += Decimal(minutes) / 60
    return total


def cost_per_unit(budget, projection):
    """Cost per opening hour and per visitor in the first year, or None where the inputs are missing."""
    cost = projection.total_costs[0] if projection.total_costs else Decimal(0)
    per_hour = per_visitor = None
    if budget.opening_hours_per_week:
        per_hour = money(cost / (budget.opening_hours_per_week * 52))
    if budget.visitors_per_week:
        per_visitor = money(cost / (Decimal(budget.visitors_per_week) * 52))
    return per_hour, per_visitor


def social_return(budget, projection):
    """Maatschappelijk rendement in the first year: volunteer work valued at the user's rate, and what
    each euro of cost brings in volunteer value and visits. None where the inputs are missing."""
    cost = projection.total_costs[0] if projection.total_costs else Decimal(0)
    result = {"volunteer_value": None, "per_euro": None, "visits": None}
    if budget.volunteer_hours_per_week is not None and budget.volunteer_hour_value is not None:
        result["volunteer_value"] = money(budget.volunteer_hours_per_week * 52 * budget.volunteer_hour_value)
        if cost:
            result["per_euro"] = money(result["volunteer_value"] / cost)
    if budget.visitors_per_week:
        result["visits"] = budget.visitors_per_week * 52
    return result
