"""Imported historic awards carry their settlement state, so the first settlement run leaves old rounds alone."""

import csv
import io
from datetime import date

import pytest

from ontmoet.grants.importing import import_awards
from ontmoet.grants.models import Award
from ontmoet.grants.services import settle_due
from ontmoet.grants.workflows import AwardStatus

pytestmark = pytest.mark.django_db

HEADER = ["kenmerk", "ronde", "jaar", "plekcode", "bedrag", "toegekend_op", "uren_goedgekeurd", "afrekening"]


def _file(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def test_old_awards_are_historic_unless_the_file_says_otherwise(world):
    code = world.place.code
    report = import_awards("oud.csv", _file([
        ["H-1", "Ronde 2019", 2019, code, "1500", "2019-03-01", "20", ""],  # hours not done, ended in 2021
        ["H-2", "Ronde 2019", 2019, code, "1500", "2019-03-01", "100", ""],  # hours done
        ["H-3", "Ronde 2019", 2019, code, "1500", "2019-03-01", "20", "lopend"],  # still to settle
        ["H-4", "Ronde 2019", 2019, code, "1500", "2019-03-01", "20", "Afgerond"],
        ["H-5", "Ronde 2026", 2026, code, "1500", "2026-03-01", "0", ""],  # runs until 2028
    ]), world.overijssel, None, today=date(2026, 12, 1))
    assert report.ok, report.row_problems
    states = dict(Award.objects.values_list("code", "status"))
    assert states == {"H-1": AwardStatus.HISTORIC, "H-2": AwardStatus.SETTLED, "H-3": AwardStatus.ACTIVE,
                      "H-4": AwardStatus.SETTLED, "H-5": AwardStatus.ACTIVE}
    assert settle_due(date(2026, 12, 1)) == 1  # only H-3, which the file said is still open
    assert Award.objects.get(code="H-1").status == AwardStatus.HISTORIC
    assert Award.objects.get(code="H-1").get_status_display() == "Historisch, niet afrekenen"


def test_an_unknown_settlement_state_refuses_the_file(world):
    report = import_awards("oud.csv", _file([["H-1", "Ronde 2019", 2019, world.place.code, "1500", "2019-03-01",
                                              "20", "misschien"]]), world.overijssel, None)
    assert not report.ok and report.row_problems[0].column == "afrekening"
    assert not Award.objects.exists()


def test_an_unknown_paid_amount_shows_as_unknown_not_as_zero(world, client_for):
    rows = [["H-1", "Ronde 2019", 2019, world.place.code, "1500", "2019-03-01", "100", ""]]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*HEADER, "uitbetaald"])
    writer.writerows([[*row, ""] for row in rows] + [["H-2", "Ronde 2019", 2019, world.place.code, "1500",
                                                      "2019-03-01", "100", "", "0"]])
    assert import_awards("oud.csv", buffer.getvalue().encode(), world.overijssel, None).ok
    unknown, zero = Award.objects.get(code="H-1"), Award.objects.get(code="H-2")
    assert unknown.amount_paid is None and unknown.amount_unpaid is None and zero.amount_paid == 0
    client = client_for(world.users["province_staff"])
    assert "onbekend" in client.get(unknown.get_absolute_url()).content.decode()
    assert "onbekend" not in client.get(zero.get_absolute_url()).content.decode()
