"""The REST API: public reads with the page's filters, conditional requests, scoped management, schema file."""

from pathlib import Path

import pytest
import yaml
from rest_framework.authtoken.models import Token

from ontmoet.places.models import Place

pytestmark = pytest.mark.django_db
OPENAPI_FILE = Path(__file__).resolve().parents[3] / "docs" / "openapi.yaml"


def test_public_list_uses_the_search_filters(client, world):
    data = client.get("/api/v1/plekken/", {"q": "linde"}).json()
    assert [row["code"] for row in data["results"]] == ["RAA-001"]
    near = client.get("/api/v1/plekken/", {"near": "52.5,6.1", "radius": "5"}).json()
    assert [row["code"] for row in near["results"]] == ["ZWO-001"]
    assert near["results"][0]["distance_km"] < 1


def test_public_api_hides_non_public_places_and_fields(client, world):
    world.zwolle_place.is_public = False
    world.zwolle_place.save()
    codes = {row["code"] for row in client.get("/api/v1/plekken/").json()["results"]}
    assert "ZWO-001" not in codes and "RAA-001" in codes
    assert client.get("/api/v1/plekken/ZWO-001/").status_code == 404
    detail = client.get("/api/v1/plekken/RAA-001/").json()
    assert "board_size" not in detail and "staffing" not in detail and detail["phone"] == ""


@pytest.mark.parametrize("query", [{"radius": "-1", "near": "Heeten"}, {"kind": "kasteel"}, {"near": "Atlantis"}])
def test_bad_filters_are_json_with_detail(client, world, query):
    response = client.get("/api/v1/plekken/", query)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_etag_and_last_modified(client, world):
    first = client.get("/api/v1/plekken/RAA-001/")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/api/v1/plekken/RAA-001/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    listing = client.get("/api/v1/plekken/")
    assert client.get("/api/v1/plekken/", headers={"If-None-Match": listing["ETag"]}).status_code == 304
    world.place.name = "Dorpshuis De Nieuwe Linde"
    world.place.save()
    assert client.get("/api/v1/plekken/", headers={"If-None-Match": listing["ETag"]}).status_code == 200


def test_municipalities(client, world):
    codes = [row["code"] for row in client.get("/api/v1/gemeenten/").json()]
    assert codes == ["GM0200", "GM0177", "GM0193"]  # Apeldoorn, Raalte, Zwolle by name


def test_management_requires_login_and_is_scoped(client, client_for, world):
    assert client.get("/api/v1/beheer/plekken/").status_code == 401
    board = client_for(world.users["board_member"])
    assert [row["code"] for row in board.get("/api/v1/beheer/plekken/").json()["results"]] == ["RAA-001"]
    assert board.get("/api/v1/beheer/plekken/ZWO-001/").status_code == 404
    assert board.patch("/api/v1/beheer/plekken/ZWO-001/", {"name": "Gekaapt"},
                       content_type="application/json").status_code == 404


def test_token_auth_update_goes_through_the_service(client, world):
    token = Token.objects.create(user=world.users["municipal_officer"])
    auth = {"Authorization": f"Token {token.key}"}
    response = client.patch("/api/v1/beheer/plekken/RAA-001/",
                            {"name": "Dorpshuis De Linde (vernieuwd)", "activities": [],
                             "opening_hours": {"wo": ["9:00-12:00"]}},
                            content_type="application/json", headers=auth)
    assert response.status_code == 400  # 9:00 is not HH:MM
    assert "opening_hours" in response.json()["fouten"]
    response = client.patch("/api/v1/beheer/plekken/RAA-001/",
                            {"name": "Dorpshuis De Linde (vernieuwd)", "opening_hours": {"wo": ["09:00-12:00"]},
                             "postcode": "8111ab"}, content_type="application/json", headers=auth)
    assert response.status_code == 200, response.json()
    place = Place.objects.get(code="RAA-001")
    assert place.name == "Dorpshuis De Linde (vernieuwd)" and place.postcode == "8111 AB"
    assert place.history.first().history_user == world.users["municipal_officer"]
    assert client.get("/api/v1/plekken/", {"q": "vernieuwd"}).json()["count"] == 1


def test_create_is_for_officers_in_their_own_municipality(client_for, world):
    body = {"code": "RAA-100", "name": "Buurtkamer Nieuw", "kind": "buurtkamer", "municipality": "GM0177"}
    officer = client_for(world.users["municipal_officer"])
    assert officer.post("/api/v1/beheer/plekken/", {**body, "municipality": "GM0193"},
                        content_type="application/json").status_code == 400
    assert officer.post("/api/v1/beheer/plekken/", body, content_type="application/json").status_code == 201
    board = client_for(world.users["board_member"])
    assert board.post("/api/v1/beheer/plekken/", {**body, "code": "RAA-101"},
                      content_type="application/json").status_code == 403
    assert not Place.objects.filter(code="RAA-101").exists()


def test_committed_openapi_file_is_current():
    """Fails when the API changed without `python -m ontmoet spectacular --file docs/openapi.yaml`."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiYamlRenderer

    generated = OpenApiYamlRenderer().render(SchemaGenerator().get_schema(request=None, public=True))
    committed = OPENAPI_FILE.read_bytes()
    assert yaml.safe_load(generated) == yaml.safe_load(committed), (
        "docs/openapi.yaml is verouderd: draai `python -m ontmoet spectacular --file docs/openapi.yaml`")
