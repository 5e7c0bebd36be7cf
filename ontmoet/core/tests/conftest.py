"""Fixtures of the overview's tests (test_work_queue, test_kept)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ontmoet.grants import services as grants
from ontmoet.grants.tests.factories import RoundFactory, submitted, world_award, world_entry
from ontmoet.grants.workflows import ApplicationStatus
from ontmoet.helpdesk import services as helpdesk
from ontmoet.helpdesk.models import Question, Status
from ontmoet.helpdesk.selectors import HANDLER
from ontmoet.helpdesk.tests.factories import ExpertFactory, make_question, world_expert
from ontmoet.monitor import services as monitor
from ontmoet.monitor.models import CallOutcome
from ontmoet.monitor.tests.factories import make_wave
from ontmoet.places.tests.factories import PlaceFactory


@pytest.fixture
def work(world):
    """Something in every queue: hours, applications, questions, call-backs, vettings, unconfirmed places."""
    staff, board = world.users["province_staff"], world.users["board_member"]
    award = world_award(world)
    world_entry(world)
    grants.log_hours(award.pk, grants.EntryData(date=award.awarded_on, volunteers=1, hours=Decimal("2"),
                                                activity=award.application.activities.first()), board)
    submitted(world.place, RoundFactory(name="Ronde te behandelen"), board)
    asked = submitted(world.place, RoundFactory(name="Ronde met vraag"), board)
    grants.decide(asked.pk, ApplicationStatus.IN_REVIEW, staff)
    grants.decide(asked.pk, ApplicationStatus.INFO_REQUESTED, staff, reason="Graag de begroting.")

    assigned = make_question(world, title="Lekkage boven de zaal")
    waiting = make_question(world, title="Vraag die op de plek wacht")
    helpdesk.transition(waiting, Status.IN_PROGRESS, staff, HANDLER)
    helpdesk.transition(waiting, Status.WAITING, staff, HANDLER, reason="Stuur een foto.")
    make_question(world, slug="verduurzaming", title="Nieuwe vraag zonder regel", assigned=False)
    Question.objects.filter(pk=assigned.pk).update(resolution_due=timezone.localdate() - timedelta(days=2))
    ExpertFactory(name="Bijna verlopen", vetted_until=timezone.localdate() + timedelta(days=10))
    world_expert(world)

    wave = make_wave(world.overijssel)
    invitation = wave.invitations.get(place=world.place)
    monitor.log_call(invitation, by=staff, outcome=CallOutcome.CALL_BACK, call_back_on=timezone.localdate())
    PlaceFactory(code="RAA-002", name="Dorpshuis Bevestigd", municipality=world.raalte,
                 last_verified_at=timezone.now())
    return world
