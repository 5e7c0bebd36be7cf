"""The impact report: what the subsidy brought, computed with database aggregates only.

The two ratios are different things and the report always says which is which:
- "waarde van de uren ÷ subsidie": value of the approved hours at the societal rate per euro awarded;
- "(subsidie + waarde van de uren) ÷ subsidie": what the province calls the multiplier (seed 000: 3).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, ExpressionWrapper, F, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from ontmoet.places.choices import Kind

from .models import Award, AwardQuarter

DEC = DecimalField(max_digits=20, decimal_places=2)
VALUE_RATIO_LABEL = _("waarde van de uren ÷ subsidie")
VALUE_RATIO_HELP = _("De waarde van de goedgekeurde uren (uren × maatschappelijke waarde per uur van de ronde) "
                     "gedeeld door het toegekende bedrag.")
TOTAL_RATIO_LABEL = _("(subsidie + waarde van de uren) ÷ subsidie")
TOTAL_RATIO_HELP = _("Het toegekende bedrag plus de waarde van de uren, gedeeld door het toegekende bedrag: "
                     "hoeveel keer de subsidie de opbrengst is.")


def _zero():
    return Value(Decimal(0), output_field=DEC)


# Aliases differ from the field names: an alias equal to a field would shadow it in F() expressions.
MEASURE_NAMES = {"n_awards": "awards", "sum_awarded": "awarded", "sum_paid": "paid", "sum_due": "hours_due",
                 "sum_approved": "hours_approved", "sum_open": "hours_open", "sum_value": "value"}


def _measures() -> dict:
    return {
        "n_awards": Count("id"),
        "sum_awarded": Coalesce(Sum("amount"), _zero()),
        "sum_paid": Coalesce(Sum("amount_paid"), _zero()),
        "sum_due": Coalesce(Sum("hours_due"), 0),
        "sum_approved": Coalesce(Sum("hours_approved"), _zero()),
        # Per award, never below zero: hours done beyond one award do not make up for another.
        "sum_open": Coalesce(Sum(Case(When(hours_due__gt=F("hours_approved"),
                                           then=ExpressionWrapper(F("hours_due") - F("hours_approved"),
                                                                  output_field=DEC)),
                                      default=_zero(), output_field=DEC)), _zero()),
        "sum_value": Coalesce(Sum(ExpressionWrapper(F("hours_approved") * F("round__societal_rate"),
                                                    output_field=DEC)), _zero()),
    }


CENTS = Decimal("0.01")


def _named(row: dict) -> dict:
    """Friendly names, and sums rounded to cents (SQLite adds decimals as floating point)."""
    return {MEASURE_NAMES.get(key, key): value.quantize(CENTS) if isinstance(value, Decimal) else value
            for key, value in row.items()}


@dataclass
class Figures:
    awards: int
    awarded: Decimal
    paid: Decimal
    hours_due: int
    hours_approved: Decimal
    hours_open: Decimal
    value: Decimal

    @property
    def value_ratio(self) -> Decimal | None:
        return (self.value / self.awarded).quantize(Decimal("0.01")) if self.awarded else None

    @property
    def total_ratio(self) -> Decimal | None:
        return ((self.awarded + self.value) / self.awarded).quantize(Decimal("0.01")) if self.awarded else None


def figures(awards: QuerySet[Award]) -> Figures:
    return Figures(**_named(awards.order_by().aggregate(**_measures())))


def by_municipality(awards: QuerySet[Award]) -> list[dict]:
    rows = awards.order_by().values(name=F("place__municipality__name")).annotate(**_measures())
    return [_named(row) for row in rows.order_by("-sum_awarded", "name")]


def by_kind(awards: QuerySet[Award]) -> list[dict]:
    labels = dict(Kind.choices)
    rows = awards.order_by().values(kind=F("place__kind")).annotate(**_measures()).order_by("-sum_awarded")
    return [{**_named(row), "name": str(labels.get(row["kind"], row["kind"]))} for row in rows]


def by_round(awards: QuerySet[Award]) -> list[dict]:
    rows = awards.order_by().values("round_id", name=F("round__name"), year=F("round__year")).annotate(**_measures())
    return [_named(row) for row in rows.order_by("-year", "name")]


def hours_per_quarter(awards: QuerySet[Award]) -> list[dict]:
    # From the per-award quarter totals (ADR 0030), not from the million-row ledger.
    return list(AwardQuarter.objects.filter(award__in=awards.order_by().values("pk"))
                .values("quarter").annotate(hours=Sum("hours")).order_by("quarter"))


def filtered(awards: QuerySet[Award], *, round_id=None, year=None, municipality_id=None) -> QuerySet[Award]:
    condition = Q()
    if round_id:
        condition &= Q(round_id=round_id)
    if year:
        condition &= Q(awarded_on__year=year)
    if municipality_id:
        condition &= Q(place__municipality_id=municipality_id)
    return awards.filter(condition)


def quarter_label(quarter: str) -> str:
    year, q = quarter.split("-Q")
    return f"K{q} {year}"
