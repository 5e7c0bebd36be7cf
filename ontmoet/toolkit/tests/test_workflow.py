"""The Quickscan moves only through its transition table; its history came over from the log."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ontmoet.core.workflow import WorkflowError
from ontmoet.toolkit import services
from ontmoet.toolkit.models import Quickscan, QuickscanStatusChange
from ontmoet.toolkit.workflows import QUICKSCAN, TEAM

from .factories import QuickscanFactory, world_initiative


@pytest.mark.django_db
def test_a_move_not_in_the_table_is_refused_and_writes_no_history(world):
    quickscan = QuickscanFactory(initiative=world_initiative(world))
    with pytest.raises(WorkflowError, match="kan niet") as refused:
        QUICKSCAN.move(quickscan, Quickscan.Status.DRAFT, actor=TEAM)  # draft -> draft is no move
    assert isinstance(refused.value, ValueError)  # callers that caught ValueError still do
    with pytest.raises(WorkflowError):
        services.reopen_quickscan(quickscan, world.users["initiator"])
    assert not QuickscanStatusChange.objects.exists()


@pytest.mark.django_db
def test_deciding_and_reopening_leave_history(world):
    quickscan = QuickscanFactory(initiative=world_initiative(world), decision="go", decision_reasons="Er is vraag.")
    initiator = world.users["initiator"]
    services.save_quickscan(quickscan, initiator, submit=True)
    services.save_quickscan(quickscan, initiator, submit=True)  # deciding again only saves the text
    services.reopen_quickscan(quickscan, initiator)
    assert list(quickscan.history.values_list("from_status", "to_status", "by", "reason")) == [
        ("concept", "besloten", initiator.pk, "Er is vraag."), ("besloten", "concept", initiator.pk, "")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_decisions_over_from_the_log(world):
    old = _migrate(("toolkit", "0001_initial"))
    try:
        initiative = old.get_model("toolkit", "Initiative").objects.create(
            name="Oud", municipality_id=world.raalte.pk, owner_id=world.users["initiator"].pk)
        old.get_model("toolkit", "Quickscan").objects.create(initiative=initiative, status="besloten")
        event = old.get_model("toolkit", "Event")
        event.objects.create(initiative=initiative, actor_id=world.users["initiator"].pk,
                             action="Quickscan besloten: Go", note="Er is vraag.")
        event.objects.create(initiative=initiative, action="Quickscan opgeslagen")
        event.objects.create(initiative=initiative, action="Quickscan reopened")
        event.objects.create(initiative=initiative, action="Quickscan decided: No-go")
    finally:
        new = _migrate(("toolkit", "0002_quickscan_status_history"))
    rows = new.get_model("toolkit", "QuickscanStatusChange").objects.order_by("at", "pk")
    assert [(r.from_status, r.to_status, r.reason) for r in rows] == [
        ("concept", "besloten", "Er is vraag."), ("besloten", "concept", ""), ("concept", "besloten", "")]
    assert rows[0].by_id == world.users["initiator"].pk
