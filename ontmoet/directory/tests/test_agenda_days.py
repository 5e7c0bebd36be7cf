"""The kaart's "open op dag" filter also finds places with an activity in the agenda that day (through the
agenda's seam, ontmoet.agenda.directory), and follows the agenda when activities change."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ontmoet.agenda import services as agenda
from ontmoet.agenda.tests.factories import make_activity
from ontmoet.directory import selectors, services
from ontmoet.directory.models import SearchEntry
from ontmoet.places.tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db

THURSDAY, FRIDAY = 3, 4


@pytest.fixture
def quiet(world):
    """A public place without opening hours: the day filter finds it only through its activities."""
    return PlaceFactory(code="RAA-010", name="Dorpshuis Stilte", municipality=world.raalte, opening_hours={})


def found(day: str) -> set[str]:
    return {place.name for place in selectors.load_places(selectors.search_places({"day": day}).entries)}


def test_a_weekly_activity_adds_its_days_and_leaves_with_it(quiet, client):
    assert "Dorpshuis Stilte" not in found("do")
    activity = make_activity(quiet, weekdays=[THURSDAY])
    assert "Dorpshuis Stilte" in found("do")
    assert "Dorpshuis Stilte" not in found("vr")
    assert "Dorpshuis Stilte" in client.get("/kaart/?day=do").content.decode()  # the page, not a stale cache
    activity.weekdays = [FRIDAY]
    agenda.save_activity(activity, [])
    assert "Dorpshuis Stilte" not in found("do") and "Dorpshuis Stilte" in found("vr")
    agenda.delete_activity(activity)
    assert "Dorpshuis Stilte" not in found("vr")
    assert "Dorpshuis Stilte" not in client.get("/kaart/?day=vr").content.decode()


def test_opening_hours_and_activities_together(world, quiet):
    world.place.opening_hours = {"di": ["19:00-23:00"]}
    world.place.save()
    make_activity(world.place, weekdays=[THURSDAY])
    entry = SearchEntry.objects.get(place=world.place)
    assert entry.open_days == " di do "
    assert services.rebuild_index() == SearchEntry.objects.count()  # a full rebuild keeps the agenda's days
    assert SearchEntry.objects.get(place=world.place).open_days == " di do "


def test_a_monthly_activity_counts_on_its_weekday(quiet):
    make_activity(quiet, recurrence="maandelijks", weekdays=[], month_week=-1, month_weekday=FRIDAY)
    assert "Dorpshuis Stilte" in found("vr")
    assert "Dorpshuis Stilte" not in found("ma")


def test_every_date_cancelled_or_hidden_for_want_of_confirmation(quiet):
    activity = make_activity(quiet, weekdays=[THURSDAY])
    thursdays = [day for day in activity.dates.values_list("date", flat=True)
                 if day < timezone.localdate() + timedelta(days=35)]
    for day in thursdays:
        agenda.cancel_date(activity, day)
    assert "Dorpshuis Stilte" not in found("do")
    agenda.restore_date(activity, thursdays[0])
    assert "Dorpshuis Stilte" in found("do")
    # Not confirmed for more than a year: hidden from the agenda, so from the day filter after the night.
    type(activity).objects.filter(pk=activity.pk).update(last_confirmed_at=timezone.now() - timedelta(days=400))
    agenda.extend()
    assert "Dorpshuis Stilte" not in found("do")
    agenda.confirm_place(quiet)
    assert "Dorpshuis Stilte" in found("do")


def test_places_without_activities_keep_their_opening_days(world, quiet):
    world.place.opening_hours = {"wo": ["09:00-12:00"]}
    world.place.save()
    assert services.refresh_open_days() == 0  # nothing to change, so cached pages stay valid
    assert SearchEntry.objects.get(place=world.place).open_days == " wo "
    assert SearchEntry.objects.get(place=quiet).open_days == "  "
