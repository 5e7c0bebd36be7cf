"""`ontmoet demo`: about 325 fictional places spread over all of Overijssel, loaded once, never in production."""

import json
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from ontmoet.accounts.models import RoleAssignment, User
from ontmoet.places.demo import DEMO_PLACE_COUNT, demo_place_specs
from ontmoet.places.models import Place
from ontmoet.regions.demo import OVERIJSSEL
from ontmoet.regions.models import Municipality

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
BOUNDARIES = SHARED_DATA / "nl_gemeenten_2026.geojson"

pytestmark = pytest.mark.django_db


def run_demo():
    out = StringIO()
    call_command("demo", quiet_logins=True, stdout=out)
    return out.getvalue()


def counts():
    return (Place.objects.count(), Place.history.count(), User.objects.count(), RoleAssignment.objects.count(),
            Municipality.objects.count())


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # The demo logins get a password; Argon2 is deliberately slow, and nothing here tests hashing.
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, loaded once for the module's tests that only read it, and rolled back after the module.

    Loading it takes seconds; each test's own transaction is a savepoint inside this one, so what a test
    writes is still undone after it. The tests that load the demo themselves come first in the module."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        outer = transaction.atomic()
        outer._from_testcase = True  # as Django's TestCase marks its own, so durable blocks inside still work
        with outer:
            run_demo()
            yield
            transaction.set_rollback(True)


def test_demo_loads_about_325_places_once_and_a_second_run_creates_nothing():
    first = run_demo()
    after_first = counts()
    second = run_demo()

    assert "325 nieuwe plekken" in first
    assert "0 nieuwe plekken" in second
    assert counts() == after_first
    places, history, users, roles, municipalities = after_first
    assert places == DEMO_PLACE_COUNT == 325
    assert history == places  # one history row per place, nothing else
    assert users >= 6 and roles >= 6
    assert municipalities == 25


def test_demo_logins_are_printed_unless_asked_not_to():
    out = StringIO()
    call_command("demo", stdout=out)

    assert "gemeente@demo.ontmoet.nl" in out.getvalue()
    assert "gemeente@demo.ontmoet.nl" not in run_demo()


def test_every_overijssel_municipality_has_a_demo_place_and_every_place_is_flagged(demo):
    per_municipality = Counter(Place.objects.values_list("municipality__code", flat=True))

    assert set(per_municipality) == {code for code, *_rest in OVERIJSSEL}
    assert len(per_municipality) == 25
    assert min(per_municipality.values()) >= 1
    assert not Place.objects.filter(is_demo=False).exists()
    assert Place.objects.filter(code__startswith="DEMO-").count() == Place.objects.count()
    assert set(Municipality.objects.values_list("province__code", flat=True)) == {"PV23"}


def test_demo_staffing_mix_follows_the_2024_monitor(demo):
    staffing = Counter(Place.objects.values_list("staffing", flat=True))
    total = sum(staffing.values())

    assert staffing.most_common(1)[0][0] == "vrijwilligers"
    # Seed: 86 of 140 (61 %) volunteers only; allow for the random draw.
    assert 0.50 <= staffing["vrijwilligers"] / total <= 0.72
    assert set(staffing) == {"vrijwilligers", "beheerders", "welzijn", "betaald", "onbekend"}


def test_demo_places_are_complete_and_valid(demo):
    for place in Place.objects.select_related("municipality").prefetch_related("activities"):
        place.full_clean()
        assert place.latitude is not None and place.longitude is not None
        assert place.activities.all(), place.code


def test_demo_specs_are_deterministic_with_unique_codes_and_names():
    specs = demo_place_specs()

    assert specs == demo_place_specs()
    assert len({spec["code"] for spec in specs}) == len({spec["name"] for spec in specs}) == DEMO_PLACE_COUNT


def test_demo_refuses_to_run_in_production(settings):
    settings.PRODUCTION = True
    before = counts()

    with pytest.raises(CommandError, match="productie"):
        run_demo()

    assert counts() == before


def test_every_demo_place_lies_inside_its_own_municipality(demo):
    if not BOUNDARIES.is_file():
        pytest.skip(f"The shared reference data is absent: {BOUNDARIES} (CBS municipality boundaries 2026) "
                    "is needed to check the demo coordinates.")
    shapely_geometry = pytest.importorskip("shapely.geometry")
    features = json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]
    shapes = {feature["properties"]["statcode"]: shapely_geometry.shape(feature["geometry"]) for feature in features}

    outside = [
        (code, municipality, float(lat), float(lon))
        for code, municipality, lat, lon in Place.objects.values_list(
            "code", "municipality__code", "latitude", "longitude")
        if not shapes[municipality].contains(shapely_geometry.Point(float(lon), float(lat)))
    ]

    assert Place.objects.count() == DEMO_PLACE_COUNT
    assert outside == []
