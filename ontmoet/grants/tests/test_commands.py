"""The periodic commands and the officer's settlement page."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command

from ontmoet.grants.models import Award, Settlement
from ontmoet.grants.workflows import AwardStatus, SettlementOutcome

from .factories import RoundFactory, awarded

pytestmark = pytest.mark.django_db


def test_reminder_and_settlement_commands_are_idempotent(world):
    award = awarded(world.place, RoundFactory(), world.users["board_member"], world.users["province_staff"])
    later = award.awarded_on + timedelta(days=400)
    mail.outbox.clear()
    with mock.patch("django.utils.timezone.localdate", return_value=later):
        call_command("grant_reminders")
        call_command("grant_reminders")
    assert len(mail.outbox) == 1 and "achter" in mail.outbox[0].subject
    with mock.patch("django.utils.timezone.localdate", return_value=award.due_date):
        call_command("grant_settlements")
        call_command("grant_settlements")
    assert Settlement.objects.filter(award=award).count() == 1
    assert Award.objects.get(pk=award.pk).status == AwardStatus.SETTLEMENT_PROPOSED


def test_officer_confirms_reduces_or_writes_off_on_the_settlement_page(world, client_for):
    award = awarded(world.place, RoundFactory(), world.users["board_member"], world.users["province_staff"])
    Award.objects.filter(pk=award.pk).update(due_date=award.awarded_on, awarded_on=award.awarded_on - timedelta(
        days=730))
    client = client_for(world.users["province_staff"])
    url = f"/sociale-hypotheek/toekenningen/{award.pk}/afrekening/"
    client.post(url, {"voorstellen": "1"})
    settlement = Settlement.objects.get(award=award)
    assert settlement.proposed_amount == award.hours_due * award.round.repayment_rate
    response = client.post(url, {"outcome": "written_off", "reason": ""})
    assert response.status_code == 400 and "Geef een reden" in response.content.decode()
    response = client.post(url, {"outcome": "written_off", "reason": "Bestuur viel weg door ziekte"})
    assert response.status_code == 302
    settlement.refresh_from_db()
    assert settlement.outcome == SettlementOutcome.WRITTEN_OFF and settlement.final_amount == 0
    assert client_for(world.users["municipal_officer"]).get(url).status_code == 403
