"""Two tabs (two connections) submitting the same response at the same moment keep exactly one."""

import threading

import pytest
from django.db import connection

from ontmoet.monitor import services
from ontmoet.monitor.models import Answer, Response, Status

from .factories import make_wave

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_submissions_keep_one_response(world):
    wave = make_wave(world.overijssel)
    invitation = wave.invitations.get(place=world.place)
    barrier = threading.Barrier(2)
    outcomes = []

    def tab(staffing):
        try:
            barrier.wait(timeout=10)
            services.submit(invitation, {"soort": "mfa", "bemensing": staffing})
            outcomes.append("saved")
        except services.AlreadySubmitted:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=tab, args=(staffing,)) for staffing in ("vrijwilligers", "betaald")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["refused", "saved"]
    assert Response.objects.count() == 1
    assert Answer.objects.filter(question="bemensing").count() == 1
    invitation.refresh_from_db()
    assert invitation.status == Status.COMPLETE
    assert invitation.events.filter(to_status=Status.COMPLETE).count() == 1
