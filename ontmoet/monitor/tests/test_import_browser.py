"""The response import page in Chromium: a refused export is kept, the user fixes the column and the
mapping table and imports without choosing the file again; each state scanned with axe."""

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login

from .export_fixtures import HERE as EXPORTS
from .factories import make_wave

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def test_a_refused_export_is_imported_after_fixing_the_mapping_without_a_new_upload(world, page):
    wave = make_wave(world.overijssel)
    login(page, "province.staff@test.example")
    page.goto(f"/monitor/uitvragen/{wave.pk}/importeren/")
    page.get_by_label("Bestand met antwoorden (CSV of XLSX)").set_input_files(str(EXPORTS / "kobo_plekken.xlsx"))
    page.get_by_role("button", name="Controleren en importeren").click()
    expect(page.get_by_text("Welke kolom zegt wie antwoordde?")).to_be_visible()
    expect(page.get_by_text("'kobo_plekken.xlsx' is bewaard (2 uur)")).to_be_visible()
    assert_accessible(page, "monitor-import-bewaard")

    page.get_by_label("Kolom die zegt wie antwoordde").fill("_submitted_by")
    page.get_by_label("Koppeltabel", exact=True).fill("linde_heeten;RAA-001\nzwolle_zuid;ZWO-001")
    page.get_by_role("button", name="Controleren en importeren").click()
    expect(page.get_by_text("2 antwoorden geïmporteerd.")).to_be_visible()
    expect(page.get_by_text("keuzekolommen (vraag/keuze) zijn niet apart gelezen")).to_be_visible()
    assert_accessible(page, "monitor-import-na-herstel")
    assert wave.invitations.filter(status="complete").count() == 2
