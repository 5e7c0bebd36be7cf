"""Import historic awards (and their approved hours) from CSV or XLSX, so earlier rounds count in the report.

All or nothing: every row is checked first; only a file without problems is written, in one transaction.
Columns: kenmerk, ronde, jaar, plekcode, bedrag, toegekend_op, uren_goedgekeurd (required) and
uitbetaald (empty: unknown), aflossing_per_uur, waarde_per_uur, maanden (optional; defaults 15, 30, 24) and afrekening:
"afgerond", "lopend" or "historisch" (historisch, niet afrekenen). Without it an award whose hours are done is
afgerond, one whose end date has passed is historisch (its round closed long ago: `grant_settlements` must
not propose to settle it now), and any other is lopend.
"""

import math
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.core.tabular import ImportReport, TableError, read_table
from ontmoet.places.models import Place

from .models import Award, HourEntry, Round
from .services import add_months, refresh_totals
from .workflows import AWARD, ENTRY, OFFICER, AwardStatus, EntryStatus

REQUIRED = {"kenmerk", "ronde", "jaar", "plekcode", "bedrag", "toegekend_op", "uren_goedgekeurd"}
OPTIONAL = {"uitbetaald", "aflossing_per_uur", "waarde_per_uur", "maanden", "afrekening"}
EXAMPLE_HEADER = ["kenmerk", "ronde", "jaar", "plekcode", "bedrag", "toegekend_op", "uren_goedgekeurd",
                  "uitbetaald", "aflossing_per_uur", "waarde_per_uur", "maanden", "afrekening"]
SETTLEMENT_STATES = {"afgerond": AwardStatus.SETTLED, "lopend": AwardStatus.ACTIVE,
                     "historisch": AwardStatus.HISTORIC, "niet afrekenen": AwardStatus.HISTORIC,
                     "historisch, niet afrekenen": AwardStatus.HISTORIC}


def _decimal(value: str) -> Decimal:
    text = value.replace("€", "").replace(" ", "")
    if "," in text:  # Dutch notation: 1.234,50
        text = text.replace(".", "").replace(",", ".")
    return Decimal(text)


def _date(value: str) -> date:
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


def _settlement_state(row, values, award, today: date) -> str:
    state = (row.get("afrekening") or "").strip().lower()
    if state:
        return SETTLEMENT_STATES[state]
    if values["uren_goedgekeurd"] >= award.hours_due:
        return AwardStatus.SETTLED
    return AwardStatus.HISTORIC if award.due_date < today else AwardStatus.ACTIVE


def import_awards(filename: str, data: bytes, province, user, today: date | None = None) -> ImportReport:
    report = ImportReport()
    try:
        table = read_table(filename, data, REQUIRED, REQUIRED | OPTIONAL)
    except TableError as exc:
        report.file_problems.append(str(exc))
        return report
    codes = {row["plekcode"] for row in table.rows}
    places = {p.code: p for p in Place.objects.filter(code__in=codes, municipality__province=province)}
    existing = set(Award.objects.filter(code__in=[row["kenmerk"] for row in table.rows]).values_list("code", flat=True))
    seen, parsed = set(), []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        problems_before = len(report.row_problems)
        code = row["kenmerk"]
        if not code:
            report.add(number, "kenmerk", _("Vul een kenmerk in."))
        elif code in existing:
            report.add(number, "kenmerk", _("Toekenning %(code)s bestaat al.") % {"code": code})
        elif code in seen:
            report.add(number, "kenmerk", _("Kenmerk %(code)s staat twee keer in het bestand.") % {"code": code})
        seen.add(code)
        place = places.get(row["plekcode"])
        if place is None:
            report.add(number, "plekcode",
                       _("Geen plek met code '%(code)s' in uw provincie.") % {"code": row["plekcode"]})
        values = {}
        for column, default, minimum in (("bedrag", None, Decimal("0.01")), ("uren_goedgekeurd", None, Decimal(0)),
                                         ("uitbetaald", None, Decimal(0)), ("aflossing_per_uur", "15", Decimal("0.01")),
                                         ("waarde_per_uur", "30", Decimal("0.01"))):
            raw = row.get(column, "") or default or ""
            if column == "uitbetaald" and not raw.strip():
                values[column] = None  # unknown: shown as "onbekend", not as € 0
                continue
            try:
                values[column] = _decimal(raw)
                if values[column] < minimum:
                    raise InvalidOperation
            except (InvalidOperation, ValueError):
                report.add(number, column, _("'%(value)s' is geen geldig getal (minimaal %(min)s).")
                           % {"value": raw, "min": minimum})
        if "bedrag" in values and values.get("uitbetaald") is not None and values["uitbetaald"] > values["bedrag"]:
            report.add(number, "uitbetaald", _("Er kan niet meer zijn uitbetaald dan is toegekend."))
        try:
            year = int(row["jaar"])
            if not 1990 <= year <= 2100:
                raise ValueError
        except ValueError:
            report.add(number, "jaar", _("'%(value)s' is geen jaartal.") % {"value": row["jaar"]})
            year = None
        try:
            months = int(row.get("maanden") or 24)
            if months < 1:
                raise ValueError
        except ValueError:
            report.add(number, "maanden", _("Vul een aantal maanden van 1 of meer in."))
            months = 24
        try:
            awarded_on = _date(row["toegekend_op"])
        except ValueError:
            report.add(number, "toegekend_op", _("'%(value)s' is geen datum; schrijf 2021-03-15 of 15-03-2021.")
                       % {"value": row["toegekend_op"]})
            awarded_on = None
        if not row["ronde"]:
            report.add(number, "ronde", _("Vul de naam van de ronde in."))
        state = (row.get("afrekening") or "").strip().lower()
        if state and state not in SETTLEMENT_STATES:
            report.add(number, "afrekening", _("Schrijf 'afgerond', 'lopend' of 'historisch' (niet afrekenen)."))
        if len(report.row_problems) == problems_before:
            parsed.append((number, row, place, values, year, months, awarded_on))
            report.actions.append((number, code, "created"))
    if not report.ok:
        report.actions = []
        return report
    with transaction.atomic():
        rounds = {}
        for _number, row, place, values, year, months, awarded_on in parsed:
            key = (row["ronde"], year)
            if key not in rounds:
                rounds[key], _created = Round.objects.get_or_create(
                    province=province, name=row["ronde"], year=year,
                    defaults={"budget": 0, "min_amount": 0, "max_amount": values["bedrag"],
                              "repayment_rate": values["aflossing_per_uur"], "societal_rate": values["waarde_per_uur"],
                              "repayment_months": months, "opens_on": date(year, 1, 1), "closes_on": date(year, 12, 31),
                              "is_historic": True})
            round_ = rounds[key]
            due = add_months(awarded_on, months)
            award = Award(
                code=row["kenmerk"], round=round_, place=place, amount=values["bedrag"],
                hours_due=Award.hours_for(values["bedrag"], round_.repayment_rate), awarded_on=awarded_on,
                due_date=due, amount_paid=values["uitbetaald"], hours_approved=values["uren_goedgekeurd"],
                is_historic=True, status="")
            state = _settlement_state(row, values, award, today or timezone.localdate())
            AWARD.move(award, state, actor=OFFICER, by=user, reason=_("Historische import"))
            hours = values["uren_goedgekeurd"]
            if hours > 0:
                entry = HourEntry(
                    award=award, activity_title=_("Historische import"), date=awarded_on,
                    volunteers=max(1, math.ceil(hours / 24)), hours=hours, status="",
                    description=_("Totaal goedgekeurde uren uit de administratie van vóór Ontmoet"),
                    created_by=user, decided_by=user)
                ENTRY.move(entry, EntryStatus.APPROVED, actor=OFFICER, by=user, reason=entry.description)
                refresh_totals(award)
            # Budget of a historic round: what was awarded, so the round shows as fully used.
            Round.objects.filter(pk=round_.pk).update(budget=round_.budget + values["bedrag"],
                                                      max_amount=max(round_.max_amount, values["bedrag"]))
            round_.refresh_from_db()
        report.written = True
    return report
