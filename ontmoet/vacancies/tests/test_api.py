"""The public vacancies API: the page's filters, open vacancies of public places only, never a responder,
and schemathesis over its part of the committed schema."""

from pathlib import Path

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, settings

from ontmoet.core.testing.api_schema import CHECKS, examples, keep_connection
from ontmoet.places.models import Place
from ontmoet.vacancies.models import Status, Vacancy
from ontmoet.wsgi import application

from .factories import make_response, make_vacancy

OPENAPI_FILE = Path(__file__).resolve().parents[3] / "docs" / "openapi.yaml"


def test_list_filters_and_hides_responders(world, client):
    near = make_vacancy(world.place, role="bar")
    make_response(near)
    far = make_vacancy(world.gelderland_place)
    closed = make_vacancy(world.place)
    Vacancy.objects.filter(pk=closed.pk).update(status=Status.FILLED)
    Place.objects.exclude(pk=world.place.pk).update(postcode="7300 AA")
    body = client.get("/api/v1/vacatures/").json()
    assert {row["id"] for row in body["results"]} == {near.pk, far.pk}
    assert "jan@voorbeeld.nl" not in str(body) and "Jan Jansen" not in str(body)
    assert [r["id"] for r in client.get("/api/v1/vacatures/?role=bar").json()["results"]] == [near.pk]
    assert [r["id"] for r in client.get("/api/v1/vacatures/?municipality=GM0200").json()["results"]] == [far.pk]
    (row,) = client.get("/api/v1/vacatures/?near=8101&radius=5").json()["results"]
    assert row["id"] == near.pk and row["distance_km"] == 0.0 and row["url"] == near.get_public_url()
    assert client.get(f"/api/v1/vacatures/{near.pk}/").json()["place_code"] == world.place.code
    assert client.get(f"/api/v1/vacatures/{closed.pk}/").status_code == 404


@pytest.mark.parametrize("query", ["role=koning", "municipality=GM9999", "radius=0", "radius=abc", "near=Nergens"])
def test_bad_filters_are_a_400_that_says_what(world, client, query):
    response = client.get(f"/api/v1/vacatures/?{query}")
    assert response.status_code == 400 and query.split("=")[0] in response.json()["fouten"]


schema = schemathesis.openapi.from_dict(yaml.safe_load(OPENAPI_FILE.read_text()))
schema.app = application
vacancies_api = schema.include(path_regex=r"^/api/v1/vacatures/")


@pytest.fixture
def api_data(world):
    """A vacancy to return; the WSGI handler must not close the test's database connection."""
    make_vacancy(world.place)
    undo = keep_connection()
    yield world
    undo()


@pytest.mark.django_db
@vacancies_api.parametrize()
@settings(max_examples=examples(25), deadline=None, suppress_health_check=list(HealthCheck))
def test_public_vacancies_api(case, api_data):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.parametrize("pk", ["abc", "99999999999999999999999", "0"])
def test_a_malformed_or_unknown_id_is_a_json_404(world, client, pk):
    response = client.get(f"/api/v1/vacatures/{pk}/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
