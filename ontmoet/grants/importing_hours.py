"""Import historic hour entries, each with its date, so the impact report counts them in the right quarter.

Columns: kenmerk (the award), datum, activiteit, vrijwilligers, uren. All or nothing, with a row report like
every import. The entries are approved on arrival (they come from the province's own administration). An
award whose hours came in as one total (`uren_goedgekeurd` in the award import) is refused, so no hour is
counted twice: import such awards with uren_goedgekeurd 0 and their hours from this file.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from ontmoet.core.tabular import ImportReport, TableError, read_table

from .importing import _date, _decimal
from .models import Award, HourEntry
from .services import refresh_totals
from .workflows import ENTRY, OFFICER, EntryStatus

REQUIRED = {"kenmerk", "datum", "activiteit", "vrijwilligers", "uren"}
TOTAL_TITLE = "Historische import"  # the activity title of a total imported with the award (importing.py)


def looks_like_hour_entries(filename: str, data: bytes) -> bool:
    """True when the file has the hour entries' columns (import_grants takes both kinds of file)."""
    try:
        read_table(filename, data, REQUIRED, REQUIRED)
    except TableError:
        return False
    return True


def import_hour_entries(filename: str, data: bytes, province, user) -> ImportReport:
    report = ImportReport()
    try:
        table = read_table(filename, data, REQUIRED, REQUIRED)
    except TableError as exc:
        report.file_problems.append(str(exc))
        return report
    awards = {a.code: a for a in Award.objects.filter(code__in={row["kenmerk"] for row in table.rows},
                                                      round__province=province)}
    with_total = set(Award.objects.filter(pk__in=[a.pk for a in awards.values()], entries__activity_title__in=[
        TOTAL_TITLE, _(TOTAL_TITLE)]).values_list("code", flat=True))
    parsed = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        before = len(report.row_problems)
        award = awards.get(row["kenmerk"])
        if award is None:
            report.add(number, "kenmerk", _("Geen toekenning met kenmerk '%(code)s' in uw provincie.")
                       % {"code": row["kenmerk"]})
        elif award.code in with_total:
            report.add(number, "kenmerk", _("Toekenning %(code)s heeft al een totaal aan uren uit de import; "
                                            "importeer haar met uren_goedgekeurd 0 en de uren uit dit bestand.")
                       % {"code": award.code})
        try:
            day = _date(row["datum"])
        except ValueError:
            report.add(number, "datum", _("'%(value)s' is geen datum; schrijf 2021-03-15 of 15-03-2021.")
                       % {"value": row["datum"]})
            day = None
        if award is not None and day is not None and day < award.awarded_on:
            report.add(number, "datum", _("De datum ligt voor de toekenning (%(date)s).")
                       % {"date": award.awarded_on.strftime("%d-%m-%Y")})
        try:
            volunteers = int(row["vrijwilligers"])
            if volunteers < 1:
                raise ValueError
        except ValueError:
            report.add(number, "vrijwilligers", _("Vul een aantal vrijwilligers van 1 of meer in."))
            volunteers = None
        try:
            hours = _decimal(row["uren"])
            if hours <= 0:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            report.add(number, "uren", _("'%(value)s' is geen geldig aantal uren (meer dan 0).")
                       % {"value": row["uren"]})
            hours = None
        title = row["activiteit"].strip()
        if not title:
            report.add(number, "activiteit", _("Vul de activiteit in."))
        if len(report.row_problems) == before:
            parsed.append((award, day, title[:150], volunteers, hours))
            report.actions.append((number, award.code, "created"))
    if not report.ok:
        report.actions = []
        return report
    with transaction.atomic():
        touched = {}
        for award, day, title, volunteers, hours in parsed:
            entry = HourEntry(award=award, activity_title=title, date=day, volunteers=volunteers, hours=Decimal(hours),
                              status="", created_by=user, decided_by=user,
                              description=_("Uren uit de administratie van vóór Ontmoet"))
            ENTRY.move(entry, EntryStatus.APPROVED, actor=OFFICER, by=user, reason=entry.description)
            touched[award.pk] = award
        for award in touched.values():
            refresh_totals(award)
        report.written = True
    return report
