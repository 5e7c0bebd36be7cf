from datetime import date, time

from django.utils import timezone

from ontmoet.agenda import services
from ontmoet.agenda.models import Activity, ActivityDate
from ontmoet.places.models import Activity as ActivityKind


def kind(code="koffiemomenten"):
    found = ActivityKind.objects.filter(code=code).first()
    return found or ActivityKind.objects.create(code=code, name=code.capitalize())


def make_activity(place, *, target_groups=(), confirmed_at=None, **fields) -> Activity:
    """An activity saved through the service, so its dates are materialised as in the product."""
    values = {"title": "Koffieochtend", "kind": kind(), "recurrence": "wekelijks", "weekdays": [1],
              "starts_on": timezone.localdate(), "start_time": time(10), "end_time": time(12)}
    values.update(fields)
    activity = services.save_activity(Activity(place=place, **values), target_groups)
    if confirmed_at is not None:
        # As if confirmed then (the dates' copy with it, as services.save_activity would have written it).
        Activity.objects.filter(pk=activity.pk).update(last_confirmed_at=confirmed_at)
        ActivityDate.objects.filter(activity=activity).update(confirmed_at=confirmed_at)
        activity.refresh_from_db()
    return activity


def world_activity(world):
    existing = Activity.objects.filter(place=world.place).first()
    return existing or make_activity(world.place, starts_on=date.today())
