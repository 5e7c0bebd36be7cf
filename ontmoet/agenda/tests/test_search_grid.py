"""The agenda's search near a point on the grid (grid.py): results at the edge of the radius and across cell
borders are the same as by distance alone, in time then distance order; the count stops at COUNT_LIMIT."""

import math
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ontmoet.agenda import grid, selectors, services
from ontmoet.agenda.models import ActivityDate
from ontmoet.places.models import Place
from ontmoet.places.tests.factories import PlaceFactory

from .factories import make_activity

pytestmark = pytest.mark.django_db

ORIGIN = (52.4012, 6.3013)  # not on a cell border, so that a 10 km circle crosses several
KM_LON = selectors.KM_PER_DEGREE_LAT * math.cos(math.radians(ORIGIN[0]))


def _at(world, km_north: float, km_east: float, name: str) -> Place:
    latitude = ORIGIN[0] + km_north / selectors.KM_PER_DEGREE_LAT
    longitude = ORIGIN[1] + km_east / KM_LON
    return PlaceFactory(municipality=world.raalte, name=name, latitude=Decimal(f"{latitude:.6f}"),
                        longitude=Decimal(f"{longitude:.6f}"))


def test_the_edge_of_the_radius_and_cell_borders(client, world):
    tomorrow = timezone.localdate() + timedelta(days=1)
    inside = {"noord 9,9": (9.9, 0), "oost 9,9": (0, 9.9), "zuidwest 9,9": (-7, -7), "midden": (0.2, 0.1),
              "west 5": (0, -5)}
    outside = {"noord 10,2": (10.2, 0), "hoek van het vak": (9, 9), "oost 10,1": (0, 10.1)}
    for name, (north, east) in {**inside, **outside}.items():
        place = _at(world, north, east, name)
        make_activity(place, title=name, recurrence="eenmalig", starts_on=tomorrow)
    make_activity(_at(world, 3, 3, "vroeg"), title="vroeg", recurrence="eenmalig", starts_on=tomorrow,
                  start_time=time(8), end_time=time(9))
    cells = {row.cell for row in ActivityDate.objects.all()}
    assert len(cells) > 4  # the test crosses cell borders, or it proves nothing
    assert all(row.cell == grid.cell(row.latitude, row.longitude) for row in ActivityDate.objects.all())
    response = client.get(f"/kaart/agenda/?wanneer=morgen&near={ORIGIN[0]},{ORIGIN[1]}&radius=10")
    titles = [card["title"] for card in response.context["cards"]]
    # Time first, then distance: the 08:00 date, then the 10:00 dates from near to far.
    assert titles[0] == "vroeg" and set(titles[1:]) == set(inside)
    assert titles[1:3] == ["midden", "west 5"]
    distances = [card["distance_km"] for card in response.context["cards"][1:]]
    assert distances == sorted(distances) and distances[-1] <= 10


def test_a_place_that_moves_takes_its_cell_along(world):
    place = _at(world, 0, 0, "verhuizer")
    make_activity(place)
    place.latitude, place.longitude = Decimal("53.200000"), Decimal("5.800000")
    place.save()
    assert {row.cell for row in ActivityDate.objects.filter(place=place)} == {grid.cell(53.2, 5.8)}


def test_a_wide_radius_searches_by_the_box_alone(world):
    assert grid.cells_in_box(50.0, 54.0, 3.0, 7.5) is None  # thousands of cells: not listed
    assert len(grid.cells_in_box(52.3, 52.5, 6.1, 6.4)) <= 40


def test_the_count_stops_at_the_limit(client, world, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_LIMIT", 3)
    make_activity(world.place, title="Elke dag", weekdays=[0, 1, 2, 3, 4, 5, 6], start_time=time(23, 0),
                  end_time=time(23, 59))
    response = client.get("/kaart/agenda/?wanneer=week")
    page = response.context["page"]
    assert page.paginator.count == 3 and page.paginator.more
    assert "Meer dan 3 activiteiten" in response.content.decode()
    monkeypatch.setattr(selectors, "COUNT_LIMIT", 500)
    response = client.get("/kaart/agenda/?wanneer=week")
    assert not response.context["page"].paginator.more
    assert response.context["page"].paginator.count == ActivityDate.objects.filter(
        date__lte=timezone.localdate() + timedelta(days=6), ends_at__gte=timezone.now()).count()


def test_kept_cards_follow_changes_to_the_place_the_activity_and_the_kind(client, world):
    activity = make_activity(world.place, title="Koffie", weekdays=[0, 1, 2, 3, 4, 5, 6], start_time=time(23, 0),
                             end_time=time(23, 59))
    query = "/kaart/agenda/?wanneer=week"
    assert "Koffie" in client.get(query).content.decode()  # now kept
    world.place.name = "Dorpshuis Nieuwe Naam"
    world.place.save()
    activity.kind.name = "Koffie en thee"
    activity.kind.save()
    activity.description = "Met appeltaart."
    services.save_activity(activity, [])
    page = client.get(query).content.decode()
    assert "Dorpshuis Nieuwe Naam" in page and "Koffie en thee" in page and "Met appeltaart." in page
