"""The agenda page's narrow query is SQL written per shape of search (selectors.narrow_rows): it must find what
the ORM's Search.dates finds, in the same order and with the same distances, for every shape: each filter on or
off, near a point (with the grid's cells or, for a wide radius, by the box alone) or not, from today or another
day, a window split into its first days and the rest or not, and with the count's cap reached or not."""

import itertools
import random
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ontmoet.agenda import selectors
from ontmoet.agenda.models import Activity, ActivityDate
from ontmoet.places.geocoding import Point
from ontmoet.places.models import TargetGroup
from ontmoet.places.tests.factories import PlaceFactory

from .factories import kind, make_activity

pytestmark = pytest.mark.django_db

ORIGIN = Point(52.4012, 6.3013, "Heeten")
DAYS = 9


@pytest.fixture
def dates(world):
    """Dates of many activities on the first days from today, with the facts the filters and the search ask
    about drawn at random (fixed seed), and many equal start times and places, so that the order's ties count."""
    chance = random.Random(12)
    kinds = [kind("koffiemomenten"), kind("spelletjes")]
    groups = list(TargetGroup.objects.all()[:3])
    places = [PlaceFactory(municipality=world.raalte, name=f"Plek {n}", wheelchair_accessible=chance.random() < .5,
                           latitude=Decimal(f"{ORIGIN.latitude + chance.uniform(-.2, .2):.6f}"),
                           longitude=Decimal(f"{ORIGIN.longitude + chance.uniform(-.3, .3):.6f}"))
              for n in range(6)]
    today = timezone.localdate()
    for n in range(14):
        make_activity(chance.choice(places), title=f"Activiteit {n}", kind=chance.choice(kinds),
                      target_groups=chance.sample(groups, chance.randint(0, 2)),
                      cost=chance.choice([Decimal(0), Decimal("2.50")]), walk_in=chance.random() < .5,
                      weekdays=list(range(7)), starts_on=today)
    ActivityDate.objects.filter(date__gte=today + timedelta(days=DAYS)).delete()
    zone = timezone.get_current_timezone()
    for row in ActivityDate.objects.all():
        start = datetime.combine(row.date, time(chance.choice([0, 9, 10, 14, 23])), zone)
        row.starts_at, row.ends_at = start, start + timedelta(minutes=chance.choice([30, 120, 59 * 24]))
        if chance.random() < .2:  # a place without coordinates
            row.latitude = row.longitude = row.cell = None
        row.listed = chance.random() < .85
        row.confirmed_at = timezone.now() - timedelta(days=chance.choice([3, 30, 4000]))
        row.save()
    assert ActivityDate.objects.count() > 100
    return kinds, groups


@pytest.mark.parametrize("cap", [7, selectors.COUNT_LIMIT])
def test_the_narrow_sql_finds_what_the_queryset_finds_for_every_shape(dates, monkeypatch, cap):
    kinds, groups = dates
    monkeypatch.setattr(selectors, "COUNT_LIMIT", cap)
    today = timezone.localdate()
    on = {"kind": kinds[1], "target_group": groups[0], "free": True, "walk_in": True, "wheelchair": True}
    seen, capped = set(), 0
    for chosen in itertools.product([False, True], repeat=len(on)):
        for radius, first, days in itertools.product([None, 3, 10, 120], [today, today + timedelta(days=1)],
                                                     [0, 1, 6]):
            filters = {name: value for (name, value), wanted in zip(on.items(), chosen, strict=True) if wanted}
            filters.update(first=first, last=first + timedelta(days=days), radius=radius or 10)
            result = selectors.search(filters, None if radius is None else ORIGIN)
            expected = list(result.dates.values_list("pk", "distance2")[:cap + 1])
            assert selectors.narrow_rows(result) == expected, (filters, radius)
            seen.add(len(expected) > 0)
            capped += len(expected) > cap
    assert seen == {True, False} and (capped > 0) == (cap < 100)  # empty, found and (with 7) capped searches


def test_the_sql_is_written_once_per_shape_and_reused(dates, django_assert_num_queries):
    today = timezone.localdate()
    selectors._NARROW_SQL.clear()
    for first in [today + timedelta(days=1), today + timedelta(days=2)]:
        result = selectors.search({"first": first, "last": first + timedelta(days=6), "radius": 10}, ORIGIN)
        selectors.narrow_rows(result)
    # One shape for the first days and one for the rest: the second search wrote no SQL of its own.
    assert len(selectors._NARROW_SQL) == 2


def test_the_kept_sql_is_bounded(dates, monkeypatch):
    monkeypatch.setattr(selectors, "NARROW_SHAPES", 3)
    written, write = [], selectors._narrow_sql
    monkeypatch.setattr(selectors, "_narrow_sql", lambda *shape: written.append(shape) or write(*shape))
    selectors._NARROW_SQL.clear()
    first = timezone.localdate() + timedelta(days=1)
    for radius in [3, 5, 10, 20, 40]:  # as many cell counts, so as many shapes
        result = selectors.search({"first": first, "last": first, "radius": radius}, ORIGIN)
        found = list(result.dates.values_list("pk", "distance2")[:selectors.COUNT_LIMIT + 1])
        assert selectors.narrow_rows(result) == found
        assert len(selectors._NARROW_SQL) <= 3
    assert len(set(written)) == 5


def test_the_page_builds_no_queryset(dates, monkeypatch):
    """The page (count, narrow rows, its own rows) leaves the ORM's search queryset unbuilt: the feed and the
    API ask for it, the page does not."""
    today = timezone.localdate()
    monkeypatch.setattr(selectors, "public_dates", lambda now=None: pytest.fail("the page built the queryset"))
    result = selectors.search({"first": today, "last": today + timedelta(days=6), "radius": 10}, ORIGIN)
    page, rows = selectors.page(result, 1)
    assert page.paginator.count == len(rows) or page.has_next()
    assert rows and all(row["distance2"] <= 100 for row in rows)
    assert set(Activity.objects.values_list("title", flat=True)) >= {row["title"] for row in rows}
