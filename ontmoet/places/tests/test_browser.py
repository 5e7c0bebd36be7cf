"""Tried as people would: in real headless Chromium, each role does its main task.

Every page type is scanned with axe-core (WCAG 2.1 A and AA); screenshots land in var/screenshots.
"""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.places.models import Place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_pages_are_accessible(world, page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page, "home")
    page.goto("/account/inloggen/")
    assert_accessible(page, "login")
    page.goto("/bestaat-niet/")
    expect(page.get_by_role("heading", name="Deze pagina bestaat niet")).to_be_visible()
    assert_accessible(page, "404")


def test_skip_link_is_first_and_focus_is_visible(world, page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_failed_login_gives_dutch_message_and_keeps_email(world, page):
    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill("board.member@test.example")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("horen niet bij elkaar")).to_be_visible()
    assert page.get_by_label("E-mailadres").input_value() == "board.member@test.example"
    assert_accessible(page, "login-fout")


def test_board_member_edits_and_verifies_own_place(world, page):
    login(page, "board.member@test.example")
    assert_accessible(page, "dashboard-bestuur")
    page.get_by_role("link", name="Gegevens bijwerken").click()
    assert_accessible(page, "plek-bewerken")
    page.get_by_label("Aantal vrijwilligers").fill("42")
    page.get_by_label("Maandag").fill("9 tot 5")  # wrong on purpose
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    expect(page.get_by_text("Schrijf tijden als 09:00-12:00").first).to_be_visible()
    assert page.get_by_label("Aantal vrijwilligers").input_value() == "42"  # kept
    assert_accessible(page, "plek-bewerken-fout")
    page.get_by_label("Maandag").fill("09:00-17:00")
    page.get_by_label("Koffiemomenten").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("zijn opgeslagen")).to_be_visible()
    assert_accessible(page, "plek-detail")
    page.get_by_role("button", name="Gegevens kloppen nog").click()
    expect(page.get_by_text("kloppen").first).to_be_visible()
    place = Place.objects.get(pk=world.place.pk)
    assert place.volunteer_count == 42 and place.opening_hours == {"ma": ["09:00-17:00"]}
    assert place.last_verified_by == world.users["board_member"]
    page.get_by_role("link", name="Geschiedenis van wijzigingen").click()
    expect(page.get_by_text("Koffiemomenten").first).to_be_visible()
    assert_accessible(page, "plek-geschiedenis")


def test_province_officer_filters_exports_and_imports(world, page, tmp_path):
    login(page, "province.staff@test.example")
    assert_accessible(page, "dashboard-provincie")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Plekken", exact=True).click()
    assert_accessible(page, "plekken-lijst")
    page.get_by_label("Soort plek").select_option("wijkcentrum")
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_text("1 plek gevonden")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exporteer als CSV").click()
    exported = download_info.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert [row["code"] for row in rows] == ["ZWO-001"]
    # The Excel export is made by the worker: its progress page offers the download when it is ready.
    page.get_by_role("link", name="Exporteer als Excel").click()
    expect(page.get_by_text("Het document is klaar.")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"\.xlsx downloaden$")).click()
    assert download_info.value.suggested_filename.endswith(".xlsx")
    page.go_back()

    # Import: first a file with a mistake (nothing written), then the corrected file.
    rows[0]["naam"] = "Wijkcentrum Zwolle-Zuid (geïmporteerd)"
    bad = dict(rows[0], code="ZWO-002", postcode="99999")
    target = tmp_path / "plekken.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows([rows[0], bad])
    page.get_by_text("Beheer", exact=True).click()  # configuration and imports sit under Beheer
    page.get_by_role("link", name="Importeren").click()
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(target))
    page.get_by_role("button", name="Controleren en importeren").click()
    expect(page.get_by_text("Er is niets geïmporteerd")).to_be_visible()
    expect(page.get_by_role("cell", name="postcode", exact=True)).to_be_visible()
    assert_accessible(page, "import-fouten")
    assert not Place.objects.filter(code="ZWO-002").exists()
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows([rows[0], dict(bad, postcode="8011 AB")])
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(target))
    page.get_by_role("button", name="Controleren en importeren").click()
    expect(page.get_by_text("Import gelukt: 1 nieuw, 1 bijgewerkt")).to_be_visible()
    assert_accessible(page, "import-gelukt")
    assert Place.objects.get(code="ZWO-001").name == "Wijkcentrum Zwolle-Zuid (geïmporteerd)"

    page.get_by_role("link", name="Actualiteit").click()
    assert_accessible(page, "actualiteit")
    page.get_by_role("button", name="Stuur herinnering aan de gekozen plekken").click()
    expect(page.get_by_text("worden verstuurd")).to_be_visible()


def test_municipal_officer_sees_only_own_municipality_and_adds_a_place(world, page):
    login(page, "municipal.officer@test.example")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Plekken", exact=True).click()
    expect(page.get_by_text("1 plek gevonden")).to_be_visible()
    expect(page.get_by_role("link", name="Dorpshuis De Linde")).to_be_visible()
    page.get_by_role("link", name="Plek toevoegen").click()
    assert_accessible(page, "plek-nieuw")
    page.get_by_label("Code (verplicht)").fill("RAA-077")
    page.get_by_label("Naam (verplicht)").fill("Huiskamer van Heeten")
    page.get_by_label("Soort plek (verplicht)").select_option("buurtkamer")
    page.get_by_label("Gemeente (verplicht)").select_option(label="Raalte")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Huiskamer van Heeten")).to_be_visible()
    page.goto(f"/plekken/{world.zwolle_place.code}/")
    expect(page.get_by_role("heading", name="Deze pagina bestaat niet")).to_be_visible()


def test_forbidden_page_and_english_language(world, page):
    login(page, "expert@test.example")
    page.goto("/plekken/")
    expect(page.get_by_role("heading", name="U heeft geen toegang tot deze pagina")).to_be_visible()
    assert_accessible(page, "403")
    page.goto("/overzicht/")
    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", name="Welcome, expert")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert_accessible(page, "dashboard-engels")


def test_admin_for_province_administrator(world, page):
    login(page, "province.admin@test.example")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Plekken", exact=True).click()
    page.get_by_text("Beheer", exact=True).click()
    page.get_by_role("link", name="Referentiegegevens").click()
    page.screenshot(path="var/screenshots/admin.png")
    expect(page.get_by_role("link", name="Voorzieningen").first).to_be_visible()
