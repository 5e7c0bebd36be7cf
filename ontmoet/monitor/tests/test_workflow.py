"""Invitations move only through their transition table (core.workflow)."""

import pytest

from ontmoet.core.workflow import WorkflowError
from ontmoet.monitor import services
from ontmoet.monitor.models import InvitationEvent, Status
from ontmoet.monitor.tests.factories import make_wave
from ontmoet.monitor.workflows import INVITATION, RESPONDENT, STAFF

pytestmark = pytest.mark.django_db


def test_a_move_not_in_the_table_is_refused_and_writes_no_history(world):
    invitation = make_wave(world.overijssel).invitations.get(place=world.place)
    before = InvitationEvent.objects.filter(invitation=invitation).count()
    with pytest.raises(WorkflowError, match="kan niet"):
        INVITATION.move(invitation, Status.INVITED, actor=STAFF)  # invited -> invited is no move
    with pytest.raises(services.TransitionError):
        INVITATION.move(invitation, Status.PARTIAL, actor=STAFF, by=world.users["province_staff"])
        INVITATION.move(invitation, Status.OPENED, actor=RESPONDENT)  # back to opened: not in the table
    invitation.refresh_from_db()
    assert invitation.status == Status.PARTIAL
    assert InvitationEvent.objects.filter(invitation=invitation).count() == before + 1


def test_only_staff_reopen_a_complete_response_and_they_say_why(world):
    invitation = make_wave(world.overijssel).invitations.get(place=world.place)
    services.submit(invitation, {})
    invitation.refresh_from_db()
    with pytest.raises(WorkflowError, match="U mag deze stap niet zetten"):
        INVITATION.check(invitation.status, Status.PARTIAL, RESPONDENT, reason="graag")
    with pytest.raises(WorkflowError, match="Geef een toelichting"):
        INVITATION.check(invitation.status, Status.PARTIAL, STAFF)
    services.reopen(invitation, by=world.users["province_staff"], reason="correctie")
    last = InvitationEvent.objects.filter(invitation=invitation).last()
    assert (last.from_status, last.to_status, last.reason) == (Status.COMPLETE, Status.PARTIAL, "correctie")


def test_many_moves_at_once_are_all_checked_before_any_is_made(world):
    wave = make_wave(world.overijssel)
    invitations = list(wave.invitations.all())
    assert len(invitations) >= 2
    first, rest = invitations[0], invitations[1:]
    events = InvitationEvent.objects.count()
    INVITATION.move(first, Status.PARTIAL, actor=STAFF, by=world.users["province_staff"])
    # partial -> opened is not in the table: the whole batch is refused and nothing is written.
    with pytest.raises(WorkflowError):
        INVITATION.move_many([*rest, first], Status.OPENED, actor=RESPONDENT)
    assert InvitationEvent.objects.count() == events + 1
    assert set(wave.invitations.exclude(pk=first.pk).values_list("status", flat=True)) == {Status.INVITED}
    moved = INVITATION.move_many(invitations, Status.COMPLETE, actor=STAFF, reason="geïmporteerd")
    assert moved == len(invitations)
    assert set(wave.invitations.values_list("status", flat=True)) == {Status.COMPLETE}
    last = InvitationEvent.objects.filter(invitation=first).last()
    assert (last.from_status, last.to_status, last.reason) == (Status.PARTIAL, Status.COMPLETE, "geïmporteerd")
    assert INVITATION.move_many(wave.invitations.all(), Status.COMPLETE, actor=STAFF) == 0  # already there
