"""The agenda in the open data: activities as HSDS 3.0 services with schedules (validated against the official
schema), the activities CSV and JSON downloads, and the hiding rules (unconfirmed, private place, ended)."""

import csv
import io
import json
from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ontmoet.agenda import services
from ontmoet.core import opendata_store
from ontmoet.places.models import TargetGroup
from ontmoet.places.tests.factories import PlaceFactory

from .factories import kind, make_activity

pytestmark = pytest.mark.django_db
HSDS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "hsds-3.0" / "schema"


@pytest.fixture
def agenda(world):
    today = timezone.localdate()
    elderly = TargetGroup.objects.get_or_create(code="ouderen", defaults={"name": "Ouderen"})[0]
    weekly = make_activity(world.place, title="Koffieochtend", weekdays=[1, 3], walk_in=True, second_home=True,
                           skip_public_holidays=True, contact_name="Truus Koffie", contact_phone="0570-111111",
                           contact_email="truus@example.org", accessibility="Drempelvrij", target_groups=[elderly])
    skipped = weekly.dates.order_by("date").first().date
    services.cancel_date(weekly, skipped)
    monthly = make_activity(world.zwolle_place, title="Koersbal", kind=kind("koersbal"), recurrence="maandelijks",
                            weekdays=[], month_week=-1, month_weekday=4, cost=Decimal("2.50"),
                            ends_on=today + timedelta(days=200))
    once = make_activity(world.place, title="Lentefeest", recurrence="eenmalig", starts_on=today + timedelta(days=3),
                         start_time=time(14), end_time=time(17))
    make_activity(world.place, title="Vergeten", confirmed_at=timezone.now() - timedelta(days=400))
    make_activity(world.place, title="Voorbij", recurrence="eenmalig", starts_on=today - timedelta(days=3))
    hidden = PlaceFactory(code="RAA-009", name="Verborgen Honk", municipality=world.raalte, is_public=False)
    make_activity(hidden, title="Besloten")
    return {"weekly": weekly, "monthly": monthly, "once": once, "skipped": skipped}


def _body(response) -> bytes:
    assert response.status_code == 200 and response["Link"].endswith('rel="license"')
    return b"".join(response.streaming_content) if response.streaming else response.content


def _hsds(client) -> dict:
    return json.loads(_body(client.get("/kaart/open-data/ontmoetingsplekken-hsds.json")))


def test_the_hsds_export_validates_with_the_activities_as_services(client, agenda):
    if not HSDS.exists():
        pytest.skip(f"HSDS 3.0-schema's niet gevonden in {HSDS}; deze test valideert tegen de officiële bestanden.")
    import jsonschema

    schema = json.loads((HSDS / "compiled" / "service_with_definitions.json").read_text())
    data = _hsds(client)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    for service in data["services"]:
        errors = sorted(validator.iter_errors(service), key=str)
        assert errors == [], [e.message for e in errors[:5]]
    by_name = {service["name"]: service for service in data["services"]}
    assert {"Koffieochtend", "Koersbal", "Lentefeest"} <= set(by_name)
    assert not {"Vergeten", "Voorbij", "Besloten", "Verborgen Honk"} & set(by_name)
    # Each activity is a service of its place's organization, at the place's location.
    place, coffee = by_name["Dorpshuis De Linde"], by_name["Koffieochtend"]
    assert coffee["organization_id"] == place["organization_id"]
    assert (coffee["service_at_locations"][0]["location_id"] == place["service_at_locations"][0]["location_id"])
    len_ids = [service["id"] for service in data["services"]]
    assert len(len_ids) == len(set(len_ids))


def test_schedules_cost_and_kind_in_hsds_terms(client, agenda):
    by_name = {service["name"]: service for service in _hsds(client)["services"]}
    (weekly,) = by_name["Koffieochtend"]["schedules"]
    assert (weekly["freq"], weekly["byday"], weekly["opens_at"], weekly["closes_at"]) == ("WEEKLY", "TU,TH",
                                                                                          "10:00", "12:00")
    assert weekly["dtstart"] == agenda["weekly"].starts_on.isoformat() and "until" not in weekly
    assert agenda["skipped"].isoformat() in weekly["notes"] and "feestdagen" in weekly["notes"]
    (monthly,) = by_name["Koersbal"]["schedules"]
    assert (monthly["freq"], monthly["byday"]) == ("MONTHLY", "-1FR")
    assert monthly["until"] == monthly["valid_to"] == agenda["monthly"].ends_on.isoformat()
    (once,) = by_name["Lentefeest"]["schedules"]
    day = agenda["once"].starts_on.isoformat()
    assert once["dtstart"] == once["until"] == once["valid_from"] == once["valid_to"] == day
    assert by_name["Koersbal"]["cost_options"][0]["amount"] == 2.5
    assert by_name["Koffieochtend"]["cost_options"][0]["option"] == "Gratis"
    terms = {a["taxonomy_term"]["code"] for a in by_name["Koffieochtend"]["attributes"]}
    assert {"koffiemomenten", "open-inloop", "tweede-thuis", "gratis", "toegankelijkheid"} <= terms
    assert by_name["Koersbal"]["attributes"][0]["taxonomy_term"]["name"] == "Koersbal"
    assert by_name["Koffieochtend"]["eligibility_description"] == "Ouderen"


def test_the_activities_csv_and_json(client, agenda):
    rows = list(csv.DictReader(io.StringIO(_body(client.get("/kaart/open-data/activiteiten.csv"))
                                           .decode("utf-8-sig"))))
    assert {row["titel"] for row in rows} == {"Koffieochtend", "Koersbal", "Lentefeest"}
    coffee = next(row for row in rows if row["titel"] == "Koffieochtend")
    assert coffee["wanneer"] == "elke dinsdag en donderdag" and coffee["open_inloop"] == "ja"
    assert coffee["vervalt_op"] == agenda["skipped"].isoformat() and coffee["licentie"] == "CC0-1.0"
    assert coffee["contactpersoon"] == "Truus Koffie" and coffee["plekcode"] == "RAA-001"
    data = json.loads(_body(client.get("/kaart/open-data/activiteiten.json")))
    assert data["metadata"]["licence"] == "CC0-1.0"
    koersbal = next(item for item in data["activities"] if item["title"] == "Koersbal")
    assert koersbal["cost"] == "2.50" and not koersbal["free"] and koersbal["next_start"]
    assert {item["title"] for item in data["activities"]} == {"Koffieochtend", "Koersbal", "Lentefeest"}


def test_the_open_data_page_lists_the_activity_files(client, agenda):
    page = client.get("/kaart/open-data/").content.decode()
    assert "/kaart/open-data/activiteiten.csv" in page and "/kaart/open-data/activiteiten.json" in page


def test_the_export_costs_the_same_queries_for_3_or_12_activities(client, agenda, world):
    specs = opendata_store.specs()
    names = ["ontmoetingsplekken-hsds.json", "activiteiten.json", "activiteiten.csv"]
    for name in names:
        opendata_store.build(specs[name])  # each file's row exists from here on

    def queries(name) -> int:
        with CaptureQueriesContext(connection) as captured:
            opendata_store.build(specs[name], force=True)
        return len(captured)

    few = [queries(name) for name in names]
    for place in (world.place, world.zwolle_place, world.gelderland_place) * 3:
        make_activity(place, title="Meer", weekdays=[0, 2])
    assert [queries(name) for name in names] == few
