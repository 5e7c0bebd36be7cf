"""The public pages: search, place page, bad input, report form, open data, sitemap."""

import csv
import io
import json
import time
from pathlib import Path

import pytest
from django.core import mail, signing

from ontmoet.directory.forms import ReportForm
from ontmoet.directory.models import OutdatedReport
from ontmoet.places.tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db
HSDS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "hsds-3.0" / "schema"


@pytest.fixture
def places(world):
    world.place.description = "Biljart en koersbal op dinsdag."
    world.place.contact_name, world.place.phone = "Geheime Voorzitter", "0570-123456"
    world.place.contact_is_public = False
    world.place.board_size = 7
    world.place.opening_hours = {"di": ["19:00-23:00"]}
    world.place.save()
    PlaceFactory(code="RAA-009", name="Verborgen Honk", municipality=world.raalte, is_public=False)
    return world


def test_search_page_finds_and_keeps_the_query(client, places):
    response = client.get("/kaart/", {"q": "koersbal", "near": "Heeten", "radius": "5"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dorpshuis De Linde" in page and 'value="koersbal"' in page and "km" in page
    assert "Verborgen Honk" not in client.get("/kaart/").content.decode()


def test_htmx_request_gets_only_the_results(client, places):
    response = client.get("/kaart/", {"q": "linde"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "Dorpshuis De Linde" in page and "<html" not in page


@pytest.mark.parametrize("query", [
    {"radius": "-5", "near": "Heeten"}, {"pagina": "999999999"}, {"pagina": "abc"}, {"kind": "kasteel"},
    {"q": "'; DROP TABLE places_place; --"}, {"q": "<script>alert(1)</script>"}, {"q": "x" * 5000},
    {"near": "Atlantis"}, {"radius": "NaN", "near": "8111"}, {"q": '"*" OR NEAR( AND'}, {"municipality": "GM0000"},
    {"q": "\x00\x01"}, {"day": "zondag"}, {"radius": "1e308", "near": "Heeten"},
])
def test_bad_input_gives_a_normal_page(client, places, query):
    response = client.get("/kaart/", query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    if set(query) - {"pagina", "q"}:
        assert 'role="alert"' in page  # a Dutch message says which part was not used


def test_negative_radius_message_is_dutch(client, places):
    page = client.get("/kaart/", {"radius": "-5", "near": "Heeten"}).content.decode()
    assert "Kies een straal van meer dan 0 km." in page


def test_place_page_shows_public_facts_only(client, places):
    response = client.get("/kaart/plek/RAA-001/")
    page = response.content.decode()
    assert "Dorpshuis De Linde" in page and "Biljart en koersbal" in page
    assert "Geheime Voorzitter" not in page and "0570-123456" not in page
    assert 'property="og:title"' in page and "klopt-er-iets-niet" in page
    start = page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    data = json.loads(page[start:page.index("</script>", start)])
    assert data["@type"] == "CivicStructure" and data["name"] == "Dorpshuis De Linde"
    assert data["openingHoursSpecification"][0]["dayOfWeek"] == "https://schema.org/Tuesday"
    assert "telephone" not in data


def test_non_public_place_page_is_404(client, places):
    assert client.get("/kaart/plek/RAA-009/").status_code == 404
    assert client.get("/kaart/plek/RAA-009/klopt-er-iets-niet/").status_code == 404


def _report_data(message="De openingstijden zijn veranderd.", email="", age=10):
    token = signing.dumps(time.time() - age, salt=ReportForm.SALT)
    return {"message": message, "email": email, "website": "", "token": token}


def test_report_reaches_board_and_province_without_exposing_the_reporter(client, places):
    response = client.post("/kaart/plek/RAA-001/klopt-er-iets-niet/",
                           _report_data(email="melder@example.org"))
    assert response.status_code == 302
    assert OutdatedReport.objects.get().reporter_email == "melder@example.org"
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    board = by_recipient[("board.member@test.example",)]
    assert "De openingstijden zijn veranderd." in board.body and "melder@example.org" not in board.body
    province = next(m for m in mail.outbox if "province.staff@test.example" in m.to)
    assert "melder@example.org" in province.body
    assert "other.province.staff@test.example" not in province.to
    assert "melder@example.org" not in client.get("/kaart/plek/RAA-001/").content.decode()


@pytest.mark.parametrize("data", [
    _report_data(message=""), _report_data(message="kort"), _report_data(message="x" * 2001),
    _report_data(email="geen-adres"),
])
def test_report_rejects_empty_or_oversized_input(client, places, data):
    response = client.post("/kaart/plek/RAA-001/klopt-er-iets-niet/", data)
    assert response.status_code == 400
    assert OutdatedReport.objects.count() == 0 and mail.outbox == []


@pytest.mark.parametrize("data", [
    {**_report_data(), "website": "http://spam.example"}, _report_data(age=-3600), {**_report_data(), "token": "vals"},
])
def test_spam_is_silently_dropped(client, places, data):
    response = client.post("/kaart/plek/RAA-001/klopt-er-iets-niet/", data)
    assert response.status_code == 302
    assert OutdatedReport.objects.count() == 0 and mail.outbox == []


@pytest.mark.shared_cache
def test_reports_are_rate_limited_per_sender(client, places, settings):
    settings.DIRECTORY_REPORTS_PER_HOUR = 2
    for _ in range(2):
        assert client.post("/kaart/plek/RAA-001/klopt-er-iets-niet/", _report_data()).status_code == 302
    response = client.post("/kaart/plek/RAA-001/klopt-er-iets-niet/", _report_data())
    assert response.status_code == 429
    assert OutdatedReport.objects.count() == 2
    other = client.post("/kaart/plek/RAA-001/klopt-er-iets-niet/", _report_data(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302
    assert "10.0.0.9" not in {r.sender_hash for r in OutdatedReport.objects.all()}


def _download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Link"].endswith('rel="license"')
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_csv_download(client, places):
    rows = list(csv.DictReader(io.StringIO(_download(client, "/kaart/open-data/ontmoetingsplekken.csv")
                                           .decode("utf-8-sig"))))
    codes = {row["code"] for row in rows}
    assert "RAA-001" in codes and "RAA-009" not in codes
    linde = next(row for row in rows if row["code"] == "RAA-001")
    assert linde["licentie"] == "CC0-1.0" and linde["gegenereerd"] and linde["telefoon"] == ""
    assert "dinsdag 19:00-23:00" in linde["openingstijden"]


def test_geojson_download(client, places):
    data = json.loads(_download(client, "/kaart/open-data/ontmoetingsplekken.geojson"))
    assert data["type"] == "FeatureCollection" and data["metadata"]["licence"] == "CC0-1.0"
    feature = next(f for f in data["features"] if f["id"] == "ZWO-001")
    assert feature["geometry"] == {"type": "Point", "coordinates": [6.1, 52.5]}
    assert all("board_size" not in f["properties"] for f in data["features"])


def test_hsds_download_validates_against_the_official_schema(client, places):
    if not HSDS.exists():
        pytest.skip(f"HSDS 3.0-schema's niet gevonden in {HSDS}; deze test valideert tegen de officiële bestanden.")
    import jsonschema

    schema = json.loads((HSDS / "compiled" / "service_with_definitions.json").read_text())
    data = json.loads(_download(client, "/kaart/open-data/ontmoetingsplekken-hsds.json"))
    assert data["metadata"]["licence"] == "CC0-1.0" and data["metadata"]["generated_at"]
    assert len(data["services"]) == 3
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    for service in data["services"]:
        errors = sorted(validator.iter_errors(service), key=str)
        assert errors == [], [e.message for e in errors[:5]]
    linde = next(s for s in data["services"] if s["name"] == "Dorpshuis De Linde")
    location = linde["service_at_locations"][0]["location"]
    assert location["schedules"][0]["byday"] == "TU" and location["external_identifier"] == "RAA-001"
    assert "phones" not in linde or linde["phones"] == []


def test_hsds_validator_catches_a_broken_service(client, places):
    """The validation above can fail: a service without its required status is rejected."""
    if not HSDS.exists():
        pytest.skip(f"HSDS 3.0-schema's niet gevonden in {HSDS}.")
    import jsonschema

    schema = json.loads((HSDS / "compiled" / "service_with_definitions.json").read_text())
    service = json.loads(_download(client, "/kaart/open-data/ontmoetingsplekken-hsds.json"))["services"][0]
    del service["status"]
    assert list(jsonschema.Draft7Validator(schema).iter_errors(service))


def test_sitemap_lists_public_places(client, places):
    body = client.get("/sitemap.xml").content.decode()
    assert "/kaart/plek/RAA-001/" in body and "RAA-009" not in body


def test_map_data_follows_the_query(client, places):
    data = client.get("/kaart/kaart.json", {"municipality": "GM0193"}).json()
    assert [f["properties"]["name"] for f in data["features"]] == ["Wijkcentrum Zwolle-Zuid"]


def test_public_data_is_compressed_for_clients_that_accept_it(client, places):
    import gzip

    for path in ["/kaart/kaart.json", "/sitemap.xml"]:
        plain = client.get(path)
        packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
        assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
        assert gzip.decompress(packed.content) == plain.content and "Content-Encoding" not in plain
    # Pages with a form (a CSRF token) stay uncompressed: BREACH.
    assert "Content-Encoding" not in client.get("/kaart/", HTTP_ACCEPT_ENCODING="gzip")


def test_csp_allows_the_tile_host_for_images_only(client, places):
    policy = client.get("/kaart/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if " " in part.strip())
    assert "https://service.pdok.nl" in directives["img-src"]
    assert all("pdok" not in value for name, value in directives.items() if name != "img-src")


def test_page_names_no_third_party_resource(client, places):
    import re

    page = client.get("/kaart/", {"q": "linde"}).content.decode()
    assert re.findall(r'(?:src|href)="(https?://[^"]+)"', page) == []
