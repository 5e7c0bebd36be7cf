"""Registrations move only through their transition table (core.workflow)."""

import pytest

from ontmoet.core.workflow import WorkflowError
from ontmoet.network.models import RegistrationChange, RegistrationStatus
from ontmoet.network.services import events as services
from ontmoet.network.workflows import MEMBER, REGISTRATION, SYSTEM

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_a_move_not_in_the_table_is_refused_and_writes_no_history(world):
    registration = services.register_member(EventFactory(), world.users["board_member"])
    services.cancel(registration, by=world.users["board_member"])
    registration.refresh_from_db()
    rows = RegistrationChange.objects.filter(registration=registration).count()
    with pytest.raises(WorkflowError, match="kan niet van 'Afgemeld' naar 'Aangemeld'") as refused:
        REGISTRATION.move(registration, RegistrationStatus.CONFIRMED, actor=SYSTEM)
    assert isinstance(refused.value, services.RegistrationError)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert RegistrationChange.objects.filter(registration=registration).count() == rows


def test_only_the_system_moves_someone_up_from_the_waitlist(world):
    event = EventFactory(capacity=1)
    services.register_member(event, world.users["board_member"])
    waiting = services.register_member(event, world.users["other_board_member"])
    with pytest.raises(WorkflowError, match="U mag deze stap niet zetten"):
        REGISTRATION.move(waiting, RegistrationStatus.CONFIRMED, actor=MEMBER)


def test_purging_forgets_who_but_keeps_the_moves(world):
    registration = services.register_member(EventFactory(), world.users["board_member"])
    RegistrationChange.objects.filter(registration=registration).forget_people()
    assert list(registration.changes.values_list("by", "to_status")) == [(None, RegistrationStatus.CONFIRMED)]
