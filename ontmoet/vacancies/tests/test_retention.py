"""Issue 19's privacy promise, through the periodic commands as they run at night: a response's personal
data is blanked a set time after its vacancy ended (also when it simply expired at its end date), and an
'ik wil helpen' sign-up lapses after a year unless renewed through its personal link."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ontmoet.vacancies.models import HelpOffer, Response, Status, Vacancy

from .factories import make_offer, make_response, make_vacancy

pytestmark = pytest.mark.django_db


def test_an_expired_vacancy_loses_its_responders_details_after_the_retention_period(world, settings):
    settings.VACANCIES_RESPONSE_RETENTION_DAYS = 90
    vacancy = make_vacancy(world.place)
    response = make_response(vacancy)
    Vacancy.objects.filter(pk=vacancy.pk).update(ends_on=timezone.localdate() - timedelta(days=1))
    call_command("vacancies_daily", verbosity=0)
    vacancy.refresh_from_db()
    assert vacancy.status == Status.EXPIRED
    call_command("privacy_purge", verbosity=0)
    response.refresh_from_db()
    assert response.email == "jan@voorbeeld.nl"  # not yet: the board may still answer

    Vacancy.objects.filter(pk=vacancy.pk).update(closed_at=timezone.now() - timedelta(days=91))
    call_command("privacy_purge", verbosity=0)
    response.refresh_from_db()
    assert (response.name, response.email, response.phone, response.message) == ("", "", "", "")
    # What the counts need stays: the response, its vacancy, its date and its status.
    assert Response.objects.filter(vacancy=vacancy).count() == 1 and response.created_at is not None


def test_a_help_offer_lapses_after_a_year_unless_renewed_through_its_link(world, settings, client):
    settings.VACANCIES_HELP_OFFER_DAYS = 365
    forgotten = make_offer(world.raalte, days_ago=366, email="weg@voorbeeld.nl")
    renewed = make_offer(world.raalte, days_ago=340, email="blijft@voorbeeld.nl")
    page = client.get(renewed.get_renew_url())
    assert page.status_code == 200
    client.post(renewed.get_renew_url(), {"action": "renew"})
    # A year after the original sign-up, only the renewal keeps it.
    HelpOffer.objects.filter(pk=renewed.pk).update(created_at=timezone.now() - timedelta(days=400))
    call_command("privacy_purge", verbosity=0)
    assert list(HelpOffer.objects.values_list("email", flat=True)) == ["blijft@voorbeeld.nl"]
    assert not HelpOffer.objects.filter(pk=forgotten.pk).exists()
