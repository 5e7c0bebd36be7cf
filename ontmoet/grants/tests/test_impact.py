"""The impact report and the historic import, including the seed's figures (000): €0.75M, 50,000 hours."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ontmoet.core.testing.documents import fetch_document
from ontmoet.grants import impact
from ontmoet.grants.importing import import_awards
from ontmoet.grants.models import Award, HourEntry
from ontmoet.places.tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def _csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["kenmerk", "ronde", "jaar", "plekcode", "bedrag", "toegekend_op", "uren_goedgekeurd",
                     "uitbetaald"])
    writer.writerows(rows)
    return buffer.getvalue().encode()


def _seed_rows(world):
    """70 awards totalling €750,000 and 50,000 approved hours, over 2021 and 2022."""
    places = [PlaceFactory(code=f"SEED-{n:03d}", municipality=world.raalte if n % 2 else world.zwolle,
                           kind="dorpshuis" if n % 3 else "mfa") for n in range(70)]
    rows = []
    for n, place in enumerate(places):
        amount = 10_710  # 714 hours at €15; the last award takes the rest, so the total is €750,000
        rows.append([f"SH-HIST-{n:03d}", f"Sociale Hypotheek {2021 + n % 2}", 2021 + n % 2, place.code,
                     amount, f"{2021 + n % 2}-03-01", 0, amount])
    total = sum(Decimal(str(r[4])) for r in rows[:69])
    rows[69][4] = rows[69][7] = str(Decimal(750_000) - total)
    hours_each = [714] * 69 + [50_000 - 714 * 69]  # 50,000 in all
    for row, hours in zip(rows, hours_each, strict=True):
        row[6] = hours
    return rows


def test_seed_figures_are_reproduced_from_imported_data(world):
    report = import_awards("historie.csv", _csv(_seed_rows(world)), world.overijssel, world.users["province_staff"])
    assert report.ok, report.row_problems
    figures = impact.figures(Award.objects.all())
    assert figures.awards == 70
    assert figures.awarded == Decimal("750000.00")
    assert figures.hours_approved == Decimal("50000")
    assert figures.value == Decimal("1500000.00")  # at €30 per hour
    assert figures.value_ratio == Decimal("2.00")  # waarde van de uren ÷ subsidie
    assert figures.total_ratio == Decimal("3.00")  # (subsidie + waarde van de uren) ÷ subsidie
    assert figures.hours_due == 50_000  # €750,000 at €15 per hour
    assert figures.paid == Decimal("750000.00")
    by_municipality = {row["name"]: row for row in impact.by_municipality(Award.objects.all())}
    assert by_municipality["Raalte"]["awards"] == 35 and by_municipality["Zwolle"]["awards"] == 35
    assert sum(row["awards"] for row in impact.by_kind(Award.objects.all())) == 70
    assert sum(q["hours"] for q in impact.hours_per_quarter(Award.objects.all())) == 50_000


def test_report_pages_label_both_ratios_and_export(world, client_for):
    import_awards("historie.csv", _csv(_seed_rows(world)), world.overijssel, world.users["province_staff"])
    client = client_for(world.users["province_staff"])
    page = client.get("/sociale-hypotheek/impact/").content.decode()
    assert "waarde van de uren ÷ subsidie" in page and "(subsidie + waarde van de uren) ÷ subsidie" in page
    assert "3,00" in page and "2,00" in page and "1.500.000" in page
    assert 'alt="Goedgekeurde vrijwilligersuren per kwartaal' in page
    workbook = load_workbook(io.BytesIO(client.get("/sociale-hypotheek/impact.xlsx").content))
    values = list(workbook.active.iter_rows(values_only=True))
    assert ("(subsidie + waarde van de uren) ÷ subsidie", 3) in [(r[0], r[1]) for r in values]
    assert fetch_document(client, "/sociale-hypotheek/impact.pdf").startswith(b"%PDF")
    public = client_for(None).get("/sociale-hypotheek/resultaten/").content.decode()
    assert "3,00" in public
    # A municipal officer sees only the awards of their own municipality.
    officer_page = client_for(world.users["municipal_officer"]).get("/sociale-hypotheek/impact/").content.decode()
    assert "Zwolle" not in officer_page and ">35<" in officer_page


def test_impact_pdf_fits_its_pages_and_writes_numbers_the_dutch_way(world, client_for):
    from ontmoet.core.testing.pdf import pdf_text, text_off_the_page

    import_awards("historie.csv", _csv(_seed_rows(world)), world.overijssel, world.users["province_staff"])
    content = fetch_document(client_for(world.users["province_staff"]), "/sociale-hypotheek/impact.pdf")
    assert text_off_the_page(content) == []  # the right-hand columns ("uren open", "waarde") were cut off
    text = pdf_text(content)
    assert "Waarde" in text and "open" in text
    assert "1.500.000" in text and "750.000" in text
    assert "1e6" not in text and "1.5" not in text.split()  # chart ticks: 1.500.000, never "1.5" times 1e6


def test_import_is_all_or_nothing_with_row_report(world):
    place = PlaceFactory(code="IMP-001", municipality=world.raalte)
    rows = [["H-1", "Oud", 2021, place.code, "5000", "2021-01-05", "100", "5000"],
            ["H-2", "Oud", 2021, "BESTAAT-NIET", "5000", "2021-01-05", "100", "5000"],
            ["H-3", "Oud", "twintig", place.code, "-5", "5 januari", "x", "9999999"]]
    report = import_awards("f.csv", _csv(rows), world.overijssel, None)
    assert not report.ok
    columns = {(p.row, p.column) for p in report.row_problems}
    assert (3, "plekcode") in columns and (4, "jaar") in columns and (4, "bedrag") in columns
    assert (4, "toegekend_op") in columns and (4, "uren_goedgekeurd") in columns
    assert Award.objects.count() == 0 and HourEntry.objects.count() == 0
    gelderland_place = world.gelderland_place
    report = import_awards("f.csv", _csv([["H-9", "Oud", 2021, gelderland_place.code, "5000", "2021-01-05", "1",
                                           "0"]]), world.overijssel, None)
    assert not report.ok  # a place of another province cannot be imported into this one


def test_import_page_shows_report(world, client_for):
    client = client_for(world.users["province_staff"])
    upload = io.BytesIO(b"kenmerk;ronde\nx;y\n")
    upload.name = "fout.csv"
    response = client.post("/sociale-hypotheek/importeren/", {"file": upload})
    assert response.status_code == 400
    assert "ontbreekt" in response.content.decode()
