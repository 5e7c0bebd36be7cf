"""Tried as a new visitor would, in headless Chromium: search, filter, near me, place page, report,
downloads, API docs. Every page type is scanned with axe-core; screenshots land in var/screenshots."""

import json
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible
from ontmoet.directory.forms import ReportForm
from ontmoet.directory.models import OutdatedReport
from ontmoet.places.models import Activity
from ontmoet.places.services import save_place
from ontmoet.places.tests.factories import PlaceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def kaart(world, settings):
    settings.DIRECTORY_TILE_URL = ""  # no network in tests: the map shows markers without tiles
    settings.DIRECTORY_REPORT_MIN_SECONDS = 0
    biljart, _ = Activity.objects.get_or_create(code="biljarten", defaults={"name": "Biljarten"})
    world.place.postcode, world.place.opening_hours = "8111 AB", {"di": ["19:00-23:00"]}
    world.place.description = "Dorpshuis met biljart, koersbal en een eetcafé."
    save_place(world.place, {"activities": [biljart]}, None)
    for index in range(12):
        PlaceFactory(code=f"RAA-{100 + index}", name=f"Buurthuis Raalte {index}", kind="buurthuis",
                     municipality=world.raalte, city="Raalte", postcode="8102 AB",
                     latitude=f"52.{380000 + index * 1000}", longitude="6.280000")
    return world


def test_visitor_searches_filters_and_uses_near_me(kaart, page):
    page.goto("/kaart/")
    assert_accessible(page, "kaart-zoeken")
    page.get_by_label("Zoek op naam, plaats, activiteit of voorziening").fill("dorpshuis met biljart in Raalte")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.locator(".directory-count")).to_have_text(re.compile(r"^1 plek gevonden"))
    expect(page.locator(".directory-list").get_by_role("link", name="Dorpshuis De Linde")).to_be_visible()
    assert "q=dorpshuis" in page.url  # the whole query is in the URL, so it can be shared

    page.goto("/kaart/")
    page.get_by_text("Meer filters").click()
    page.get_by_label("Soort plek").select_option("buurthuis")  # HTMX updates the results on change
    expect(page.locator(".directory-count")).to_have_text(re.compile(r"^13 plekken"))  # 12 here and Apeldoorn
    assert "kind=buurthuis" in page.url
    page.get_by_label("In de buurt van").fill("8111")
    page.get_by_label("Straal (km)").fill("3")
    page.get_by_label("Soort plek").select_option("")
    page.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"near=8111&radius=3&.*kind=&"))
    expect(page.locator(".directory-count")).to_have_text(re.compile(r"^13 plekken binnen 3 km van 8111"))
    first = page.locator(".directory-list__item").first
    assert "Dorpshuis De Linde" in first.inner_text() and "km" in first.inner_text()
    page.locator(".leaflet-marker-icon").first.wait_for()  # the map shows markers without tiles
    assert_accessible(page, "kaart-in-de-buurt")


def test_resident_finds_a_billiards_table_near_a_postcode_from_the_start_page(kaart, page):
    """Two fields and one button from `/` to the results, nearest first within 15 km; also in English at 390 px."""
    page.goto("/")
    assert_accessible(page, "start")
    page.get_by_label("Wat zoekt u?").fill("biljart")
    page.get_by_label("Waar? postcode of plaats").fill("8111")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.locator(".directory-count")).to_have_text(re.compile(r"^1 plek binnen 15 km van 8111"))
    expect(page.locator(".directory-list").get_by_role("link", name="Dorpshuis De Linde")).to_be_visible()
    page.get_by_role("link", name="Toon ook verder weg").click()
    expect(page.locator(".directory-count")).to_have_text(re.compile(r"binnen 25 km van 8111"))
    page.goto("/")
    page.get_by_role("link", name="Biljarten").click()
    expect(page.locator(".directory-count")).to_have_text(re.compile(r"^1 plek gevonden"))

    small = page.context.browser.new_context(base_url=page.url.split("/kaart")[0], locale="en-GB",
                                             viewport={"width": 390, "height": 844})
    phone = small.new_page()
    phone.console_errors = []
    phone.goto("/taal/en/?next=/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Meeting places near you")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sideways at 390 px
    assert_accessible(phone, "start-en-390")
    phone.get_by_label("What are you looking for?").fill("billiards")
    phone.get_by_role("button", name="Search").click()
    phone.locator(".directory-count").wait_for()
    assert_accessible(phone, "kaart-en-390")
    small.close()


def test_map_is_keyboard_usable_and_list_is_the_alternative(kaart, page):
    page.goto("/kaart/?municipality=GM0177")
    page.locator(".leaflet-marker-icon").first.wait_for()
    page.wait_for_timeout(1000)  # let the map settle after zooming to the markers
    map_element = page.locator(".directory-map")
    assert "lijst" in map_element.get_attribute("aria-label")
    map_element.focus()
    page.keyboard.press("Tab")  # markers and clusters are in the tab order
    focused = page.evaluate("document.activeElement.className")
    assert "leaflet-marker-icon" in focused or "leaflet-control" in focused
    assert page.locator(".directory-list__item").count() == 13


def test_bad_input_in_the_browser(kaart, page):
    page.goto("/kaart/?radius=-4&near=Heeten&q=%3Cscript%3Ealert(1)%3C/script%3E&pagina=99999")
    expect(page.get_by_text("Kies een straal van meer dan 0 km.").first).to_be_visible()
    assert_accessible(page, "kaart-foute-invoer")


def test_place_page_report_and_downloads(kaart, page):
    page.goto("/kaart/?q=linde")
    page.locator(".directory-list").get_by_role("link", name="Dorpshuis De Linde").click()
    page.get_by_role("heading", name="Dorpshuis De Linde", level=1).wait_for()
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "CivicStructure"
    page.locator(".directory-map--small .leaflet-marker-icon").wait_for()
    assert_accessible(page, "kaart-plek")  # also: the JSON-LD data block raises no CSP report

    page.get_by_role("link", name="Klopt er iets niet?").click()
    assert_accessible(page, "kaart-melden")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("Schrijf kort wat er niet klopt.")).to_be_visible()
    page.get_by_label("Wat klopt er niet?").fill("Op dinsdag is het dorpshuis nu tot 22:00 open.")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_text("Uw melding is doorgestuurd")).to_be_visible()
    assert OutdatedReport.objects.count() == 1 and len(mail.outbox) == 2

    page.goto("/kaart/open-data/")
    assert_accessible(page, "kaart-open-data")
    for name, marker in [("Download CSV", b"code,naam"), ("Download GeoJSON", b"FeatureCollection"),
                         ("Download HSDS (JSON)", b"service_at_locations")]:
        with page.expect_download() as download:
            page.get_by_role("link", name=name).click()
        assert marker in Path(download.value.path()).read_bytes()


def test_api_docs_load_without_csp_errors(kaart, page):
    page.goto("/api/docs/")
    page.get_by_text("/api/v1/plekken/").first.wait_for()
    csp = [text for text in page.console_errors if "Content Security Policy" in text]
    assert csp == []


def test_honeypot_is_hidden_from_people(kaart, page):
    page.goto("/kaart/plek/RAA-001/klopt-er-iets-niet/")
    box = page.get_by_label(str(ReportForm.base_fields["website"].label)).bounding_box()
    assert box["x"] + box["width"] < 0  # off-screen, and aria-hidden for screen readers
