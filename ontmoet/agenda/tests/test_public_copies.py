"""What makes a date public is copied onto the date rows (`listed`, `confirmed_at`; ADR 0064, session 12), so the
search reads no other table: every route that changes a place or confirms an activity keeps the copies true,
and the nightly job repairs any that are not."""

import importlib
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from rest_framework.authtoken.models import Token

from ontmoet.agenda import selectors, services
from ontmoet.agenda.models import Activity, ActivityDate
from ontmoet.places.geocoding import Point
from ontmoet.places.models import Place
from ontmoet.places.tests.import_files import csv_file, run_import
from ontmoet.places.tests.test_views import _form_data

from .factories import kind, make_activity

pytestmark = pytest.mark.django_db

# Near the world's place (52.39, 6.29) and without a place: the grid index and the plain date range.
SEARCHES = ("/kaart/agenda/?wanneer=morgen&near=52.39,6.29&radius=10", "/kaart/agenda/?wanneer=morgen")


def _shown(client) -> list[bool]:
    """Per search: is the coffee morning among the results?"""
    return [any(card["title"] == "Koffie" for card in client.get(url).context["cards"])
            for url in SEARCHES]


@pytest.fixture
def coffee(world):
    return make_activity(world.place, title="Koffie", recurrence="eenmalig",
                         starts_on=timezone.localdate() + timedelta(days=1))


def _days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_a_place_made_private_on_its_edit_form_leaves_the_agenda_and_comes_back(client, client_for, world,
                                                                                 coffee):
    board = client_for(world.users["board_member"])
    assert _shown(client) == [True, True]
    assert board.post(f"/plekken/{world.place.code}/bewerken/",
                      _form_data(world.place, is_public=None)).status_code == 302
    assert _shown(client) == [False, False]
    assert client.get(f"/kaart/agenda/plek/{world.place.code}.ics").status_code == 404
    assert board.post(f"/plekken/{world.place.code}/bewerken/", _form_data(world.place)).status_code == 302
    assert _shown(client) == [True, True]


@pytest.mark.parametrize("status", ["gesloten", "tijdelijk_dicht"])
def test_a_place_closed_through_the_api_leaves_the_agenda_and_comes_back(client, world, coffee, status):
    auth = {"Authorization": f"Token {Token.objects.create(user=world.users['municipal_officer']).key}"}
    url = f"/api/v1/beheer/plekken/{world.place.code}/"
    assert client.patch(url, {"status": status}, content_type="application/json", headers=auth).status_code == 200
    assert _shown(client) == [False, False]
    assert client.patch(url, {"status": "actief"}, content_type="application/json", headers=auth).status_code == 200
    assert _shown(client) == [True, True]


def test_a_place_closed_by_an_import_leaves_the_agenda(client, world, coffee):
    row = {"code": world.place.code, "naam": world.place.name, "soort": world.place.kind, "gemeente": "GM0177",
           "status": "gesloten"}
    report = run_import(world, csv_file([row]))
    assert report.count("updated") == 1
    assert Place.objects.get(pk=world.place.pk).status == "gesloten"
    assert _shown(client) == [False, False]


@pytest.mark.parametrize("route", ["agenda page", "place page", "api"])
def test_an_activity_confirmed_again_after_a_year_comes_back(client, client_for, world, coffee, route):
    Activity.objects.filter(pk=coffee.pk).update(last_confirmed_at=_days_ago(400))
    ActivityDate.objects.filter(activity=coffee).update(confirmed_at=_days_ago(400))
    assert _shown(client) == [False, False]
    board = client_for(world.users["board_member"])
    if route == "agenda page":
        assert board.post(f"/plekken/{world.place.code}/agenda/bevestigen/").status_code == 302
    elif route == "place page":
        assert board.post(f"/plekken/{world.place.code}/bevestigen/").status_code == 302
    else:
        response = board.post(f"/api/v1/beheer/plekken/{world.place.code}/activiteiten/bevestigen/",
                              content_type="application/json")
        assert response.json() == {"confirmed": 1}
    assert _shown(client) == [True, True]


def test_an_activity_saved_again_is_confirmed_with_its_dates(client, world, coffee):
    ActivityDate.objects.filter(activity=coffee).update(confirmed_at=_days_ago(400))
    coffee.refresh_from_db()
    services.save_activity(coffee, [])
    assert set(ActivityDate.objects.filter(activity=coffee).values_list("confirmed_at", flat=True)) == {
        Activity.objects.get(pk=coffee.pk).last_confirmed_at}
    assert _shown(client) == [True, True]


def test_the_night_repairs_copies_that_disagree(client, world, coffee):
    # Writes that bypass the services (a queryset update, a database console): the copies are stale...
    Place.objects.filter(pk=world.place.pk).update(is_public=False)
    assert _shown(client) == [True, True]
    services.extend()  # ...until the nightly job
    assert _shown(client) == [False, False]
    Place.objects.filter(pk=world.place.pk).update(is_public=True)
    Activity.objects.filter(pk=coffee.pk).update(last_confirmed_at=_days_ago(400))
    assert services.resync_copies() == 2  # listed again, and the confirmation copied
    assert _shown(client) == [False, False]
    Activity.objects.filter(pk=coffee.pk).update(last_confirmed_at=timezone.now())
    assert services.resync_copies() == 1
    assert _shown(client) == [True, True]
    assert services.resync_copies() == 0  # nothing to change, nothing written


def test_the_migration_fills_the_copies_from_the_place_and_the_activity(world, coffee):
    private = make_activity(world.zwolle_place, title="Elders")
    Place.objects.filter(pk=world.zwolle_place.pk).update(status="gesloten")
    ActivityDate.objects.update(listed=False, confirmed_at=_days_ago(4000))
    migration = importlib.import_module("ontmoet.agenda.migrations.0004_date_public_copies")
    with connection.cursor() as cursor:
        cursor.execute(migration.FILL)
    for activity, listed in [(coffee, True), (private, False)]:
        confirmed = Activity.objects.get(pk=activity.pk).last_confirmed_at
        assert set(ActivityDate.objects.filter(activity=activity).values_list("listed", "confirmed_at")) == {
            (listed, confirmed)}


def test_the_search_reads_the_date_rows_alone_unless_a_filter_needs_the_activity(world):
    today = timezone.localdate()
    near = {"first": today, "last": today + timedelta(days=6), "radius": 10}
    heeten = Point(52.39, 6.29, "Heeten")
    plain = str(selectors.search(near, heeten).dates.values_list("pk", "distance2").query)
    assert "JOIN" not in plain and "agenda_activity\"" not in plain and "places_place" not in plain
    by_kind = str(selectors.search({**near, "kind": kind()}, heeten).dates.values_list("pk").query)
    assert "JOIN \"agenda_activity\"" in by_kind
