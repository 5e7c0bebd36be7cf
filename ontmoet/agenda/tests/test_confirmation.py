"""Activities in the yearly "gegevens kloppen nog": confirming the place confirms its activities, the place's page
lists them to end or alter, and a board is mailed once before one is hidden."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ontmoet.agenda import selectors, services
from ontmoet.agenda.models import Activity, ActivityDate

from .factories import make_activity

pytestmark = pytest.mark.django_db


def _days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_confirming_the_place_confirms_its_activities_and_only_its_own(world, client_for):
    own = make_activity(world.place, confirmed_at=_days_ago(340))
    other = make_activity(world.zwolle_place, confirmed_at=_days_ago(340))
    response = client_for(world.users["board_member"]).post(f"/plekken/{world.place.code}/bevestigen/")
    assert response.status_code == 302
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.last_confirmed_at > _days_ago(1) and other.last_confirmed_at < _days_ago(300)
    assert not selectors.stale_activities([world.place.pk]).exists()


def test_the_place_page_lists_the_activities_to_confirm_end_or_alter(world, client_for):
    make_activity(world.place, title="Koersbal", confirmed_at=_days_ago(340))
    make_activity(world.place, title="Al voorbij", starts_on=timezone.localdate() - timedelta(days=60),
                  ends_on=timezone.localdate() - timedelta(days=7))
    page = client_for(world.users["board_member"]).get(f"/plekken/{world.place.code}/").content.decode()
    assert "Koersbal beëindigen" in page and "Koersbal wijzigen" in page and "bevestigen" in page
    assert "Al voorbij" not in page  # an ended activity needs no confirmation


def test_ending_a_running_activity_keeps_it_without_dates_and_removes_one_not_yet_begun(world, client_for):
    today = timezone.localdate()
    running = make_activity(world.place, title="Loopt", starts_on=today - timedelta(days=30))
    future = make_activity(world.place, title="Nog niet begonnen", starts_on=today + timedelta(days=10))
    client = client_for(world.users["board_member"])
    response = client.post(f"/plekken/{world.place.code}/agenda/{running.pk}/beeindigen/", {"terug": "plek"})
    assert response.status_code == 302 and response.url == f"/plekken/{world.place.code}/"
    running.refresh_from_db()
    assert running.ends_on == today - timedelta(days=1)
    assert not ActivityDate.objects.filter(activity=running).exists()
    client.post(f"/plekken/{world.place.code}/agenda/{future.pk}/beeindigen/")
    assert not Activity.objects.filter(pk=future.pk).exists()


def test_the_board_is_mailed_once_before_an_activity_is_hidden(world, settings):
    settings.AGENDA_CONFIRM_WARN_DAYS = 30
    soon = make_activity(world.place, title="Bijna verborgen", confirmed_at=_days_ago(350))
    make_activity(world.place, title="Pas bevestigd", confirmed_at=_days_ago(10))
    make_activity(world.place, title="Al verborgen", confirmed_at=_days_ago(400))
    mail.outbox.clear()
    call_command("extend_agenda", stdout=open("/dev/null", "w"))  # noqa: SIM115
    (message,) = mail.outbox
    assert message.to == ["board.member@test.example"]
    assert "Bijna verborgen" in message.body and "Pas bevestigd" not in message.body
    assert "Al verborgen" not in message.body and f"/plekken/{world.place.code}/" in message.body
    mail.outbox.clear()
    assert services.remind_confirmations() == 0  # once
    # Confirmed after that mail, and nearly a year later again due: the next (single) reminder.
    Activity.objects.filter(pk=soon.pk).update(last_confirmed_at=_days_ago(1))
    assert services.remind_confirmations() == 0
    Activity.objects.filter(pk=soon.pk).update(confirm_reminder_sent_at=_days_ago(370),
                                               last_confirmed_at=_days_ago(340))
    assert services.remind_confirmations() == 1


def test_the_warning_period_is_a_setting(world, settings):
    make_activity(world.place, confirmed_at=_days_ago(300))
    settings.AGENDA_CONFIRM_WARN_DAYS = 30
    assert services.remind_confirmations() == 0
    settings.AGENDA_CONFIRM_WARN_DAYS = 90
    assert services.remind_confirmations() == 1
