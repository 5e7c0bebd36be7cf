"""Open vacancies in the open data: `vacatures.csv|json` hold what the public vacancy page shows (role, place,
municipality, hours, from/until, description), never a response or who responded, and follow every change."""

import csv
import io
import json

import pytest

from ontmoet.places.tests.factories import PlaceFactory
from ontmoet.vacancies import services
from ontmoet.vacancies.models import Status

from .factories import make_response, make_vacancy

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_json_file_holds_open_vacancies_of_public_places_and_no_responder(world, client):
    vacancy = make_vacancy(world.place, world.users["board_member"])
    make_response(vacancy, name="Jan Jansen", email="jan@voorbeeld.nl", phone="0612345678")
    closed = make_vacancy(world.zwolle_place, world.users["other_board_member"], role="klusser")
    services.move_vacancy(closed, Status.FILLED, world.users["other_board_member"])
    hidden = PlaceFactory(code="RAA-099", municipality=world.raalte, is_public=False)
    make_vacancy(hidden, None, role="bar")

    body = _body(client.get("/kaart/open-data/vacatures.json"))
    data = json.loads(body)
    assert data["metadata"]["licence"] == "CC0-1.0"
    [item] = data["vacancies"]
    assert item["role"] == "penningmeester" and item["title"] == "Penningmeester"
    assert (item["place_code"], item["place_name"], item["municipality"]) == ("RAA-001", "Dorpshuis De Linde", "Raalte")
    assert item["hours_per_month"] == 8 and item["ends_on"] == vacancy.ends_on.isoformat()
    assert item["description"] == "De financiën van het dorpshuis bijhouden."
    assert item["url"].endswith(f"/kaart/vacatures/{vacancy.pk}/")
    assert b"Jan Jansen" not in body and b"jan@voorbeeld.nl" not in body and b"0612345678" not in body


def test_the_csv_file_follows_a_changed_vacancy(world, client):
    vacancy = make_vacancy(world.place, world.users["board_member"], role="anders", role_other="Tuinier")
    rows = list(csv.DictReader(io.StringIO(_body(client.get("/kaart/open-data/vacatures.csv")).decode("utf-8-sig"))))
    assert [(row["rol"], row["rolnaam"], row["plekcode"], row["gemeente"]) for row in rows] == [
        ("anders", "Tuinier", "RAA-001", "Raalte")]
    assert rows[0]["vanaf"] == vacancy.starts_on.isoformat() and rows[0]["licentie"] == "CC0-1.0"

    services.move_vacancy(vacancy, Status.WITHDRAWN, world.users["board_member"])
    rows = list(csv.DictReader(io.StringIO(_body(client.get("/kaart/open-data/vacatures.csv")).decode("utf-8-sig"))))
    assert rows == []


def test_the_open_data_page_lists_the_vacancy_files(world, client):
    page = client.get("/kaart/open-data/").content.decode()
    assert "/kaart/open-data/vacatures.csv" in page and "/kaart/open-data/vacatures.json" in page
