from datetime import timedelta

import pytest
from django.utils import timezone

from ontmoet.agenda import privacy
from ontmoet.agenda.models import Activity

from .factories import make_activity

pytestmark = pytest.mark.django_db

CONTACT = {"contact_name": "Jan Jansen", "contact_phone": "0612345678", "contact_email": "jan@example.org"}


def test_contact_is_found_and_erased_on_request(world):
    make_activity(world.place, **CONTACT)
    [(_kind, rows)] = privacy.find("JAN@example.org")
    assert rows[0]["contactpersoon"] == "Jan Jansen"
    assert privacy.erase("jan@example.org")[0][1] == 1
    assert Activity.objects.get().contact_name == ""


def test_contact_is_blanked_a_retention_period_after_the_last_date(world, settings):
    settings.AGENDA_CONTACT_RETENTION_DAYS = 30
    today = timezone.localdate()
    ended = make_activity(world.place, starts_on=today - timedelta(days=100), ends_on=today - timedelta(days=40),
                          **CONTACT)
    recent = make_activity(world.place, starts_on=today - timedelta(days=100), ends_on=today - timedelta(days=10),
                           **CONTACT)
    running = make_activity(world.place, starts_on=today - timedelta(days=400), **CONTACT)
    once = make_activity(world.place, recurrence="eenmalig", starts_on=today - timedelta(days=31), **CONTACT)
    assert privacy.purge(timezone.now())[0][1] == 2
    for activity, blank in [(ended, True), (recent, False), (running, False), (once, True)]:
        activity.refresh_from_db()
        assert (activity.contact_email == "") is blank
        assert activity.title  # the activity itself stays
