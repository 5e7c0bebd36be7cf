"""The public activities API: the agenda page's filters, one row per activity with its coming dates, the hiding
rules, Dutch 400s for bad filters, and schemathesis over its part of the committed schema."""

from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import schemathesis
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, settings

from ontmoet.core.testing.api_schema import CHECKS, examples, keep_connection
from ontmoet.places.models import TargetGroup
from ontmoet.places.tests.factories import PlaceFactory
from ontmoet.wsgi import application

from .factories import kind, make_activity

OPENAPI_FILE = Path(__file__).resolve().parents[3] / "docs" / "openapi.yaml"
EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]


@pytest.fixture
def towns(world):
    """Heeten (the world's place, postcode 8101), Raalte close by (wheelchair accessible), Zwolle further away."""
    near = PlaceFactory(municipality=world.raalte, latitude=Decimal("52.40"), longitude=Decimal("6.30"),
                        postcode="8102 AA", city="Raalte", wheelchair_accessible=True)
    far = PlaceFactory(municipality=world.zwolle, latitude=Decimal("52.51"), longitude=Decimal("6.09"),
                       postcode="8011 AA", city="Zwolle")
    return world.place, near, far


def _titles(client, query="") -> list[str]:
    response = client.get(f"/api/v1/activiteiten/?{query}")
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def test_one_row_per_activity_with_its_coming_dates(client, towns):
    here, _near, _far = towns
    today = timezone.localdate()
    make_activity(here, title="Elke dag", weekdays=EVERY_DAY, start_time=time(0, 1), end_time=time(23, 59),
                  contact_name="Truus Koffie", ends_on=today + timedelta(days=12))
    make_activity(here, title="Later", recurrence="eenmalig", starts_on=today + timedelta(days=40))
    make_activity(here, title="Vergeten", weekdays=EVERY_DAY, confirmed_at=timezone.now() - timedelta(days=400))
    body = client.get("/api/v1/activiteiten/").json()
    (row,) = body["results"]
    assert row["title"] == "Elke dag" and len(row["next_dates"]) == 10 and row["place_code"] == here.code
    assert row["contact_name"] == "Truus Koffie" and row["distance_km"] is None and row["schedule"]
    assert row["next_dates"][0]["date"] == today.isoformat()  # until 23:59 today, then it is over
    later = (today + timedelta(days=40)).isoformat()
    assert _titles(client, f"date={later}") == ["Later"]
    assert sorted(_titles(client, f"from={today}&to={later}")) == ["Elke dag", "Later"]
    detail = client.get(f"/api/v1/activiteiten/{row['id']}/").json()
    assert detail["title"] == "Elke dag" and len(detail["next_dates"]) == 10


def test_the_page_filters(client, towns):
    here, near, far = towns
    tomorrow = timezone.localdate() + timedelta(days=1)
    elderly = TargetGroup.objects.get_or_create(code="ouderen", defaults={"name": "Ouderen"})[0]
    for place, name in [(far, "Zwolle"), (near, "Raalte"), (here, "Heeten")]:
        make_activity(place, title=f"Koffie {name}", recurrence="eenmalig", starts_on=tomorrow)
    make_activity(near, title="Koersbal", kind=kind("koersbal"), recurrence="eenmalig", starts_on=tomorrow,
                  cost=Decimal("3.00"), walk_in=True, target_groups=[elderly], start_time=time(9), end_time=time(10))
    near_raalte = f"date={tomorrow}&near=52.40,6.30&radius=5"
    assert _titles(client, near_raalte) == ["Koersbal", "Koffie Raalte", "Koffie Heeten"]  # time, then distance
    rows = client.get(f"/api/v1/activiteiten/?{near_raalte}").json()["results"]
    assert rows[1]["distance_km"] == 0 and 0 < rows[2]["distance_km"] < 5
    assert _titles(client, f"date={tomorrow}&kind=koersbal") == ["Koersbal"]
    assert _titles(client, f"date={tomorrow}&target_group=ouderen") == ["Koersbal"]
    assert "Koersbal" not in _titles(client, f"date={tomorrow}&free=true")
    assert _titles(client, f"date={tomorrow}&walk_in=true") == ["Koersbal"]
    assert set(_titles(client, f"date={tomorrow}&wheelchair=true")) == {"Koersbal", "Koffie Raalte"}


def test_hidden_activities_are_not_found(client, world):
    hidden = PlaceFactory(code="RAA-009", municipality=world.raalte, is_public=False)
    secret = make_activity(hidden, title="Besloten")
    stale = make_activity(world.place, title="Vergeten", confirmed_at=timezone.now() - timedelta(days=400))
    assert _titles(client) == []
    for activity in (secret, stale):
        assert client.get(f"/api/v1/activiteiten/{activity.pk}/").status_code == 404


def test_a_page_costs_the_same_queries_for_3_or_12_activities(client, towns):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/activiteiten/?near=52.40,6.30&radius=50").status_code == 200
        return len(captured)

    for place in towns:
        make_activity(place, weekdays=EVERY_DAY)
    few = queries()
    for place in towns * 3:
        make_activity(place, weekdays=[0, 2, 4], title="Meer")
    assert queries() == few


@pytest.mark.parametrize("query", [
    "date=morgen", "date=2026-02-30", "from=2026-03-10&to=2026-03-01", "from=2026-01-01&to=2026-12-31",
    "date=2026-03-10&from=2026-03-01", "near=Nergens", "radius=0", "radius=nan", "kind=toveren",
    "target_group=draken", "free=misschien", "walk_in=%00", "near=Heeten%00", "date=２０２６-03-10",
])
def test_bad_filters_are_a_400_that_says_what(world, client, query):
    response = client.get(f"/api/v1/activiteiten/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] and set(body["fouten"]) & {name.split("=")[0] for name in query.split("&")}


@pytest.mark.parametrize("pk", ["abc", "99999999999999999999999", "0", "١٢"])
def test_a_malformed_or_unknown_id_is_a_json_404(world, client, pk):
    response = client.get(f"/api/v1/activiteiten/{pk}/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


schema = schemathesis.openapi.from_dict(yaml.safe_load(OPENAPI_FILE.read_text()))
schema.app = application
activities_api = schema.include(path_regex=r"^/api/v1/activiteiten/")


@pytest.fixture
def api_data(world):
    """An activity to return; the WSGI handler must not close the test's database connection."""
    make_activity(world.place, weekdays=EVERY_DAY)
    undo = keep_connection()
    yield world
    undo()


@pytest.mark.django_db
@activities_api.parametrize()
@settings(max_examples=examples(25), deadline=None, suppress_health_check=list(HealthCheck))
def test_public_activities_api(case, api_data):
    case.call_and_validate(checks=CHECKS)
