"""The board's form and services: every bad input refused next to its field with nothing written; the dates
materialised on save, on cancelling one, and by the nightly extension."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from ontmoet.agenda import services
from ontmoet.agenda.forms import ActivityForm
from ontmoet.agenda.models import Activity, ActivityDate, CancelledDate
from ontmoet.places.models import TargetGroup

from .factories import kind, make_activity

pytestmark = pytest.mark.django_db


def _data(**overrides):
    data = {"title": "Koffieochtend", "kind": kind().pk, "recurrence": "wekelijks", "weekdays": ["1"],
            "starts_on": "2027-04-06", "ends_on": "2027-06-29", "start_time": "10:00", "end_time": "12:00",
            "cost": "0", "skip_public_holidays": "on", "walk_in": "on"}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def _url(world, suffix="nieuw/"):
    return f"/plekken/{world.place.code}/agenda/{suffix}"


def test_board_adds_a_weekly_walk_in_coffee_morning(world, client_for):
    client = client_for(world.users["board_member"])
    groups = list(TargetGroup.objects.all()[:2])
    response = client.post(_url(world), _data(target_groups=[group.pk for group in groups]))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.place == world.place and activity.walk_in and activity.weekdays == [1]
    assert set(activity.target_groups.all()) == set(groups)
    days = list(activity.dates.values_list("date", flat=True))
    if days:  # dates before today are not materialised; the series is in 2027
        assert date(2027, 4, 27) not in days
    page = client.get(_url(world, "")).content.decode()
    assert "Koffieochtend" in page and "elke dinsdag" in page


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"ends_on": "2027-03-01"}, "ends_on", "vóór de eerste datum"),
    ({"end_time": "09:00"}, "end_time", "niet na de begintijd"),
    ({"cost": "-1"}, "cost", "niet negatief"),
    ({"weekdays": None}, "weekdays", "Kies op welke dag"),
    ({"weekdays": ["0", "1", "2"], "starts_on": "2027-01-01", "ends_on": "2031-06-01"}, "ends_on", "hoogstens 500"),
    ({"starts_on": "2027-01-01", "ends_on": "2033-01-01"}, "ends_on", "hoogstens 5 jaar"),
    # 28 March 2027 is both the start of summer time and Easter Sunday: only without skipping holidays.
    ({"recurrence": "eenmalig", "starts_on": "2027-03-28", "start_time": "02:30", "end_time": "04:00",
      "skip_public_holidays": None}, "start_time", "bestaat niet op"),
    ({"weekdays": ["6"], "starts_on": "2027-03-01", "start_time": "02:15", "end_time": "05:00",
      "skip_public_holidays": None}, "start_time", "28 maart 2027"),
    ({"recurrence": "maandelijks", "month_week": None, "month_weekday": "1"}, "month_week", "welke week"),
    ({"start_time": "25:00"}, "start_time", "uu:mm"),
])
def test_bad_input_is_refused_next_to_the_field_and_nothing_is_written(world, client_for, overrides, field, message):
    client = client_for(world.users["board_member"])
    response = client.post(_url(world), _data(**overrides))
    assert response.status_code == 400
    form = response.context["form"]
    assert message in " ".join(form.errors.get(field, [])), form.errors
    assert not Activity.objects.exists() and not ActivityDate.objects.exists()


def test_second_tuesday_monthly_through_the_form():
    form = ActivityForm(_data(recurrence="maandelijks", month_week="2", month_weekday="1", weekdays=None))
    assert form.is_valid(), form.errors
    activity = form.save_rule()
    assert (activity.weekdays, activity.month_week, activity.month_weekday) == ([], 2, 1)
    assert activity.schedule == "elke tweede dinsdag van de maand"


def test_dates_are_materialised_up_to_the_horizon(world, settings):
    settings.AGENDA_HORIZON_DAYS = 60
    today = timezone.localdate()
    activity = make_activity(world.place, weekdays=[0, 1, 2, 3, 4, 5, 6], starts_on=today - timedelta(days=10))
    days = list(activity.dates.values_list("date", flat=True))
    assert days[0] == today and days[-1] == today + timedelta(days=60) and len(days) == 61
    row = activity.dates.first()
    assert row.latitude == float(world.place.latitude)
    assert timezone.localtime(row.starts_at).time() == time(10)


def test_cancelling_one_date_removes_it_and_can_be_undone(world, client_for):
    activity = make_activity(world.place, weekdays=[0, 1, 2, 3, 4, 5, 6])
    day = timezone.localdate() + timedelta(days=3)
    client = client_for(world.users["board_member"])
    client.post(_url(world, f"{activity.pk}/afzeggen/"), {"date": day.isoformat()})
    assert not activity.dates.filter(date=day).exists()
    assert CancelledDate.objects.filter(activity=activity, date=day).exists()
    services.save_activity(activity, [])  # saving again keeps the cancellation
    assert not activity.dates.filter(date=day).exists()
    client.post(_url(world, f"{activity.pk}/terugzetten/"), {"date": day.isoformat()})
    assert activity.dates.filter(date=day).exists()


def test_nightly_extension_adds_only_the_new_days_and_drops_the_past(world, settings):
    settings.AGENDA_HORIZON_DAYS = 30
    today = timezone.localdate()
    activity = make_activity(world.place, weekdays=[0, 1, 2, 3, 4, 5, 6], starts_on=today)
    removed, added = services.extend(today + timedelta(days=2))
    assert (removed, added) == (2, 2)
    days = list(activity.dates.values_list("date", flat=True))
    assert days[0] == today + timedelta(days=2) and days[-1] == today + timedelta(days=32)
    assert services.extend(today + timedelta(days=2)) == (0, 0)


def test_moving_a_place_moves_its_dates(world):
    activity = make_activity(world.place)
    world.place.latitude, world.place.longitude = 52.5, 6.5
    world.place.save()
    assert set(activity.dates.values_list("latitude", "longitude")) == {(52.5, 6.5)}


def test_delete_and_confirm(world, client_for):
    old = timezone.now() - timedelta(days=400)
    activity = make_activity(world.place, confirmed_at=old)
    client = client_for(world.users["municipal_officer"])
    client.post(_url(world, "bevestigen/"))
    activity.refresh_from_db()
    assert activity.last_confirmed_at > old
    client.post(_url(world, f"{activity.pk}/verwijderen/"))
    assert not Activity.objects.exists() and not ActivityDate.objects.exists()


def test_another_board_cannot_touch_the_activity(world, client_for):
    activity = make_activity(world.place)
    client = client_for(world.users["other_board_member"])
    assert client.post(_url(world, f"{activity.pk}/verwijderen/")).status_code == 404
    assert client.post(_url(world, f"{activity.pk}/"), _data(title="Gekaapt")).status_code == 404
    activity.refresh_from_db()
    assert activity.title == "Koffieochtend"
