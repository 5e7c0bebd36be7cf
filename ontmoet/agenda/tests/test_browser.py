"""The agenda tried as people would, in headless Chromium; every page type is scanned by axe-core."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ontmoet.agenda.models import Activity
from ontmoet.conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _next_tuesday():
    today = timezone.localdate()
    return today + timedelta(days=(1 - today.weekday()) % 7 or 7)


def test_board_enters_a_coffee_morning_and_a_resident_finds_it(world, page, settings):
    settings.DIRECTORY_TILE_URL = ""  # no network in tests (as the kaart's own browser tests)
    login(page, "board.member@test.example")
    page.goto(f"/plekken/{world.place.code}/")
    page.get_by_role("link", name="Agenda bijhouden").click()
    assert_accessible(page, "agenda-beheer-leeg")
    page.get_by_role("link", name="Activiteit toevoegen").click()
    assert_accessible(page, "agenda-formulier")
    page.get_by_label("Naam van de activiteit").fill("Koffieochtend")
    page.get_by_label("Soort (verplicht)", exact=True).select_option(label="Koffiemomenten")
    page.get_by_label("wekelijks").check()
    page.get_by_label("Datum of eerste datum").fill(timezone.localdate().isoformat())
    page.get_by_label("Begintijd").fill("09:30")
    page.get_by_label("Eindtijd").fill("09:00")  # wrong on purpose
    page.get_by_label("Open inloop").check()
    page.get_by_label("Niet op feestdagen").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    assert_accessible(page, "agenda-formulier-fout")
    assert not Activity.objects.exists()
    expect(page.get_by_text("Kies op welke dag of dagen de activiteit is.").first).to_be_visible()
    page.get_by_label("dinsdag").check()
    page.get_by_label("Eindtijd").fill("11:30")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("‘Koffieochtend’ staat in de agenda.")).to_be_visible()
    assert_accessible(page, "agenda-beheer")
    tuesday = _next_tuesday()
    after = tuesday + timedelta(days=7)
    page.locator(f"form:has(input[value='{after.isoformat()}'])").get_by_role("button").click()
    expect(page.get_by_role("heading", name="Gaat niet door op")).to_be_visible()
    page.get_by_role("link", name="Koffieochtend verwijderen").click()
    assert_accessible(page, "agenda-verwijderen")
    page.go_back()

    # A resident, without logging in, looks for next Tuesday near a postcode.
    page.context.clear_cookies()
    page.goto("/kaart/agenda/")
    assert_accessible(page, "agenda-openbaar")
    page.get_by_label("Op datum").check()
    page.get_by_label("Datum", exact=True).fill(tuesday.isoformat())
    page.get_by_label("In de buurt van").fill("Heeten")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name="Koffieochtend")).to_be_visible()
    expect(page.get_by_text("open inloop").first).to_be_visible()
    assert_accessible(page, "agenda-openbaar-resultaat")
    page.get_by_label("Datum", exact=True).fill(after.isoformat())  # cancelled that day
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("Niets gevonden")).to_be_visible()
    page.goto(f"/kaart/plek/{world.place.code}/")
    expect(page.get_by_role("heading", name="Koffieochtend").first).to_be_visible()
    page.locator(".directory-map--small .leaflet-marker-icon").wait_for()  # as the kaart's own test: map loaded
    assert_accessible(page, "agenda-plekpagina")


def test_board_imports_activities_and_confirms_them_with_the_place(world, page, tmp_path):
    from .factories import kind, make_activity

    kind()
    make_activity(world.place, title="Koersbal", confirmed_at=timezone.now() - timedelta(days=340))
    login(page, "board.member@test.example")
    page.goto(f"/plekken/{world.place.code}/agenda/")
    page.get_by_role("link", name="Importeren of exporteren (CSV, Excel)").click()
    assert_accessible(page, "agenda-importeren")
    bad = tmp_path / "fout.csv"
    bad.write_text("naam;soort;wanneer;eerste datum;begintijd;eindtijd\nKoor;koffiemomenten;om de week;1-9-2030;19:00;"
                   "21:00\n", encoding="utf-8")
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(bad))
    page.get_by_role("button", name="Controleren en importeren").click()
    expect(page.get_by_role("table", name="Fouten per rij")).to_be_visible()
    assert_accessible(page, "agenda-importeren-fouten")
    good = tmp_path / "goed.csv"
    good.write_text("naam;soort;wanneer;eerste datum;begintijd;eindtijd\nKoor;koffiemomenten;elke 2e dinsdag;1-9-2030;"
                    "19:00;21:00\n", encoding="utf-8")
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(good))
    page.get_by_role("button", name="Controleren en importeren").click()
    expect(page.get_by_role("table", name="Verwerkte rijen")).to_be_visible()
    assert Activity.objects.filter(title="Koor", month_week=2).exists()

    # The yearly confirmation on the place's page lists the activities and confirms them with the place.
    page.goto(f"/plekken/{world.place.code}/")
    expect(page.get_by_role("table", name="Activiteiten van deze plek")).to_be_visible()
    assert_accessible(page, "plek-met-activiteiten")
    page.get_by_role("button", name="Gegevens kloppen nog").click()
    koersbal = Activity.objects.get(title="Koersbal")
    assert koersbal.last_confirmed_at > timezone.now() - timedelta(minutes=5)
