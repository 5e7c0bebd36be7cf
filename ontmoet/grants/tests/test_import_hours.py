"""import_grants also takes dated hour entries, all or nothing, so hours land in their own quarter."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from ontmoet.grants import impact
from ontmoet.grants.importing import import_awards
from ontmoet.grants.models import Award, HourEntry

pytestmark = pytest.mark.django_db


def _csv(header, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


@pytest.fixture
def awards(world):
    header = ["kenmerk", "ronde", "jaar", "plekcode", "bedrag", "toegekend_op", "uren_goedgekeurd"]
    rows = [["H-1", "Ronde 2021", 2021, world.place.code, "1500", "2021-03-01", "0"],
            ["H-2", "Ronde 2021", 2021, world.place.code, "1500", "2021-03-01", "40"]]
    assert import_awards("a.csv", _csv(header, rows), world.overijssel, None).ok


def test_dated_entries_land_in_their_quarters(world, awards, tmp_path):
    path = tmp_path / "uren.csv"
    path.write_bytes(_csv(["kenmerk", "datum", "activiteit", "vrijwilligers", "uren"], [
        ["H-1", "2021-05-10", "Koffieochtend", "3", "12"], ["H-1", "15-11-2022", "Repaircafé", "2", "7,5"]]))
    call_command("import_grants", str(path), stdout=io.StringIO())
    award = Award.objects.get(code="H-1")
    assert award.hours_approved == Decimal("19.5")
    quarters = {q["quarter"]: q["hours"] for q in impact.hours_per_quarter(Award.objects.filter(code="H-1"))}
    assert quarters == {"2021-Q2": Decimal("12"), "2022-Q4": Decimal("7.5")}
    assert set(award.entries.values_list("status", flat=True)) == {"approved"}


def test_one_bad_row_imports_nothing_and_names_row_and_column(world, awards, tmp_path):
    path = tmp_path / "uren.csv"
    path.write_bytes(_csv(["kenmerk", "datum", "activiteit", "vrijwilligers", "uren"], [
        ["H-1", "2021-05-10", "Koffieochtend", "3", "12"],
        ["H-1", "2020-01-01", "Te vroeg", "3", "12"],  # before the award
        ["H-2", "2021-05-10", "Dubbel", "1", "2"],  # already has a total from the award import
        ["H-9", "2021-05-10", "Onbekend", "0", "x"]]))
    with pytest.raises(CommandError):
        call_command("import_grants", str(path), stdout=io.StringIO(), stderr=(errors := io.StringIO()))
    text = errors.getvalue()
    assert "regel 3, datum" in text and "regel 4, kenmerk" in text and "regel 5, kenmerk" in text
    assert "regel 5, vrijwilligers" in text and "regel 5, uren" in text
    assert not HourEntry.objects.filter(activity_title="Koffieochtend").exists()
