"""Applications move only through their transition table (core.workflow)."""

import pytest

from ontmoet.core.workflow import WorkflowError
from ontmoet.grants import services
from ontmoet.grants.models import StatusChange
from ontmoet.grants.workflows import APPLICATION, OFFICER, ApplicationStatus

from .factories import world_draft

pytestmark = pytest.mark.django_db


def test_a_move_not_in_the_table_is_refused_and_writes_no_history(world):
    application = world_draft(world)
    rows = StatusChange.objects.filter(application=application).count()
    with pytest.raises(WorkflowError, match="kan niet naar 'Toegekend'") as refused:
        services.decide(application.pk, ApplicationStatus.AWARDED, world.users["province_staff"], reason="mooi")
    assert isinstance(refused.value, services.GrantError)
    with pytest.raises(services.GrantError):  # the applicant's move, not the officer's
        APPLICATION.move(application, ApplicationStatus.SUBMITTED, actor=OFFICER)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert StatusChange.objects.filter(application=application).count() == rows
