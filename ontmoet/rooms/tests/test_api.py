"""The public rooms API and the rooms' open-data files: rooms of public places with capacity, facilities,
bookable hours and rates per kind of tenant; the filters; Dutch 400s; never a booking or who asked for one;
and schemathesis over its part of the committed schema."""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import schemathesis
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, settings

from ontmoet.core.testing.api_schema import CHECKS, examples, keep_connection
from ontmoet.places.tests.factories import PlaceFactory
from ontmoet.rooms.models import Rate, Unit
from ontmoet.wsgi import application

from .factories import kind, make_request, make_room

OPENAPI_FILE = Path(__file__).resolve().parents[3] / "docs" / "openapi.yaml"
pytestmark = pytest.mark.django_db


@pytest.fixture
def rooms(world):
    big = make_room(world.place, capacity=80, hours={"1": ["09:00", "23:00"]})
    Rate.objects.create(room=big, tenant_kind=kind("bewonersinitiatief"), unit=Unit.DAGDEEL, amount=Decimal("30"))
    small = make_room(world.place, name="Vergaderkamer", capacity=12, hourly=("5.00",))
    small.facilities = ["wifi", "flipover"]
    small.save()
    zwolle = make_room(world.zwolle_place, name="Zaal Zuid", capacity=40)
    hidden = PlaceFactory(code="RAA-009", municipality=world.raalte, is_public=False)
    make_room(hidden, name="Geheime zaal")
    make_request(big)  # Jan Jansen asks: never public
    return {"big": big, "small": small, "zwolle": zwolle}


def _names(client, query="") -> list[str]:
    response = client.get(f"/api/v1/ruimtes/?{query}")
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


def test_rooms_with_hours_and_rates_and_never_a_requester(client, rooms):
    body = client.get("/api/v1/ruimtes/").json()
    assert {row["name"] for row in body["results"]} == {"Grote zaal", "Vergaderkamer", "Zaal Zuid"}
    big = next(row for row in body["results"] if row["name"] == "Grote zaal")
    assert big["hours"] == [{"weekday": 1, "day": "dinsdag", "opens": "09:00", "closes": "23:00"}]
    assert {(r["tenant_kind"], r["unit"], r["amount"]) for r in big["rates"]} == {
        ("bewonersinitiatief", "uur", "10.00"), ("bewonersinitiatief", "dagdeel", "30.00"),
        ("maatschappelijk", "uur", "25.00"), ("commercieel", "uur", "60.00")}
    assert big["facilities"] == ["beamer"] and big["place_code"] == "RAA-001" and big["capacity"] == 80
    assert big["url"].endswith("/kaart/plek/RAA-001/ruimtes/")
    text = json.dumps(body)
    assert "Jan Jansen" not in text and "jan@example.org" not in text and "Koor De Lijster" not in text
    detail = client.get(f"/api/v1/ruimtes/{rooms['small'].pk}/").json()
    assert detail["name"] == "Vergaderkamer" and detail["facilities"] == ["wifi", "flipover"]


def test_the_filters(client, rooms):
    assert _names(client, "municipality=GM0193") == ["Zaal Zuid"]
    assert _names(client, "place=RAA-001") == ["Grote zaal", "Vergaderkamer"]
    assert _names(client, "capacity=50") == ["Grote zaal"]
    assert _names(client, "facility=wifi") == ["Vergaderkamer"]
    assert _names(client, "facility=flipover&capacity=10") == ["Vergaderkamer"]
    near = client.get("/api/v1/ruimtes/?near=52.5,6.1&radius=5").json()["results"]
    assert [row["name"] for row in near] == ["Zaal Zuid"] and near[0]["distance_km"] < 1


def test_rooms_of_hidden_places_are_not_found(client, world):
    hidden = PlaceFactory(code="RAA-009", municipality=world.raalte, is_public=False)
    room = make_room(hidden, name="Geheime zaal")
    assert _names(client) == []
    assert client.get(f"/api/v1/ruimtes/{room.pk}/").status_code == 404
    assert client.get("/api/v1/ruimtes/?place=RAA-009").status_code == 400


def test_a_page_costs_the_same_queries_for_3_or_12_rooms(client, world):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/ruimtes/?facility=beamer").status_code == 200
        return len(captured)

    places = [world.place, world.zwolle_place, world.gelderland_place]
    for place in places:
        make_room(place)
    few = queries()
    for number, place in enumerate(places * 3):
        make_room(place, name=f"Zaal {number}")
    assert queries() == few


@pytest.mark.parametrize("query", [
    "municipality=GM9999", "place=XXX-999", "capacity=0", "capacity=veel", "capacity=²", "capacity=-5",
    "facility=zwembad", "near=Nergens", "radius=0", "radius=inf", "place=RAA%00", "near=%1f",
])
def test_bad_filters_are_a_400_that_says_what(world, client, query):
    response = client.get(f"/api/v1/ruimtes/?{query}")
    assert response.status_code == 400
    assert response.json()["detail"] and query.split("=")[0] in response.json()["fouten"]


@pytest.mark.parametrize("pk", ["abc", "99999999999999999999999", "0", "²"])
def test_a_malformed_or_unknown_id_is_a_json_404(world, client, pk):
    response = client.get(f"/api/v1/ruimtes/{pk}/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


def _body(response) -> bytes:
    assert response.status_code == 200 and response["Link"].endswith('rel="license"')
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_rooms_open_data_files(client, rooms):
    rows = list(csv.DictReader(io.StringIO(_body(client.get("/kaart/open-data/ruimtes.csv")).decode("utf-8-sig"))))
    assert {row["ruimte"] for row in rows} == {"Grote zaal", "Vergaderkamer", "Zaal Zuid"}
    big = next(row for row in rows if row["ruimte"] == "Grote zaal")
    assert "Bewonersinitiatief: € 10,00 per uur" in big["tarieven"] and big["te_boeken"] == "dinsdag 09:00-23:00"
    assert big["licentie"] == "CC0-1.0"
    data = json.loads(_body(client.get("/kaart/open-data/ruimtes.json")))
    assert data["metadata"]["licence"] == "CC0-1.0" and len(data["rooms"]) == 3
    for content in (json.dumps(data), json.dumps(rows)):
        assert "Jan Jansen" not in content and "jan@example.org" not in content
    page = client.get("/kaart/open-data/").content.decode()
    assert "/kaart/open-data/ruimtes.csv" in page and "/kaart/open-data/ruimtes.json" in page


schema = schemathesis.openapi.from_dict(yaml.safe_load(OPENAPI_FILE.read_text()))
schema.app = application
rooms_api = schema.include(path_regex=r"^/api/v1/ruimtes/")


@pytest.fixture
def api_data(world):
    """A room to return; the WSGI handler must not close the test's database connection."""
    make_room(world.place)
    undo = keep_connection()
    yield world
    undo()


@rooms_api.parametrize()
@settings(max_examples=examples(25), deadline=None, suppress_health_check=list(HealthCheck))
def test_public_rooms_api(case, api_data):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.storage
def test_a_room_photo_is_in_the_api_and_the_json_file_with_its_text(client, rooms):
    from django.core.files.base import ContentFile

    from .permissions import PNG

    big = rooms["big"]
    big.photo.save("zaal.png", ContentFile(PNG), save=False)
    big.photo_kind = "png"
    big.save()
    api = client.get(f"/api/v1/ruimtes/{big.pk}/").json()
    item = next(room for room in json.loads(_body(client.get("/kaart/open-data/ruimtes.json")))["rooms"]
                if room["id"] == big.pk)
    for room in (api, item):
        [photo] = room["photos"]
        assert photo["alt"] == "Foto van Grote zaal" and photo["content_type"] == "image/png"
        assert photo["url"].endswith(f"/kaart/plek/RAA-001/ruimtes/{big.pk}/foto/")
        assert room["photo_url"] == photo["url"]
    assert client.get(urlsplit(api["photos"][0]["url"]).path).status_code == 200
    assert client.get(f"/api/v1/ruimtes/{rooms['small'].pk}/").json()["photos"] == []
