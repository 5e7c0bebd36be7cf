"""Awards and hour entries move only through their transition tables (core.workflow), with history."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ontmoet.core.workflow import WorkflowError
from ontmoet.grants import services
from ontmoet.grants.models import Award, AwardChange, HourEntry, HourEntryChange
from ontmoet.grants.workflows import (
    APPLICANT,
    AWARD,
    ENTRY,
    OFFICER,
    SYSTEM,
    AwardStatus,
    EntryStatus,
    SettlementOutcome,
)

from .factories import RoundFactory, awarded


def _log(award, board, hours=6):
    data = services.EntryData(date=award.awarded_on, volunteers=2, hours=Decimal(hours),
                              activity=award.application.activities.first())
    return services.log_hours(award.pk, data, board)


def _moves(history):
    return list(history.order_by("at", "pk").values_list("from_status", "to_status", "by", "reason"))


@pytest.fixture
def people(world):
    return world.users["board_member"], world.users["province_staff"]


@pytest.mark.django_db
def test_an_entry_move_not_in_the_table_is_refused_and_writes_no_history(world, people):
    board, officer = people
    award = awarded(world.place, RoundFactory(), board, officer)
    entry = _log(award, board)
    rows = HourEntryChange.objects.count()
    with pytest.raises(services.GrantError, match="niet"):  # the board does not approve its own hours
        ENTRY.move(entry, EntryStatus.APPROVED, actor=APPLICANT, by=board)
    with pytest.raises(WorkflowError, match="reden"):  # a rejection says why
        services.decide_entry(entry.pk, approve=False, reason=" ", user=officer)
    services.decide_entry(entry.pk, approve=True, reason="", user=officer)
    rows = HourEntryChange.objects.count()
    entry.refresh_from_db()
    with pytest.raises(WorkflowError, match="kan niet"):  # approved is final: a correction is a new entry
        ENTRY.move(entry, EntryStatus.REJECTED, actor=OFFICER, by=officer, reason="toch niet")
    with pytest.raises(services.GrantError, match="al beoordeeld"):
        services.decide_entry(entry.pk, approve=False, reason="toch niet", user=officer)
    entry.refresh_from_db()
    assert entry.status == EntryStatus.APPROVED
    assert HourEntryChange.objects.count() == rows


@pytest.mark.django_db
def test_logging_deciding_and_correcting_hours_write_one_row_each(world, people):
    board, officer = people
    award = awarded(world.place, RoundFactory(), board, officer)
    approved, rejected = _log(award, board), _log(award, board, hours=3)
    assert _moves(approved.history) == [("", "pending", board.pk, "")]
    services.decide_entry(approved.pk, approve=True, reason="", user=officer)
    services.decide_entry(rejected.pk, approve=False, reason="Geen nieuwe activiteit", user=officer)
    reversal = services.reverse_entry(approved.pk, reason="Dubbel ingevoerd", user=officer)
    assert _moves(approved.history) == [("", "pending", board.pk, ""), ("pending", "approved", officer.pk, "")]
    assert _moves(rejected.history)[-1] == ("pending", "rejected", officer.pk, "Geen nieuwe activiteit")
    assert _moves(reversal.history) == [("", "approved", officer.pk, "Dubbel ingevoerd")]
    approved.refresh_from_db()
    assert approved.history.last().at == approved.decided_at  # the entry's quick read matches its history


@pytest.mark.django_db
def test_an_award_move_not_in_the_table_is_refused_and_writes_no_history(world, people):
    board, officer = people
    award = awarded(world.place, RoundFactory(), board, officer)
    rows = AwardChange.objects.filter(award=award).count()
    with pytest.raises(WorkflowError, match="kan niet"):
        AWARD.move(award, AwardStatus.ACTIVE, actor=OFFICER, by=officer)
    services.settle(award.pk, award.due_date)
    award.refresh_from_db()
    rows = AwardChange.objects.filter(award=award).count()
    with pytest.raises(services.GrantError):  # the system proposes; only an officer decides
        AWARD.move(award, AwardStatus.SETTLED, actor=SYSTEM)
    with pytest.raises(services.GrantError):
        services.decide_settlement(award.pk, outcome=SettlementOutcome.WRITTEN_OFF, amount=None, reason="",
                                   user=officer)
    assert Award.objects.get(pk=award.pk).status == AwardStatus.SETTLEMENT_PROPOSED
    assert AwardChange.objects.filter(award=award).count() == rows


@pytest.mark.django_db
def test_awarding_proposing_and_deciding_write_one_row_each(world, people):
    board, officer = people
    award = awarded(world.place, RoundFactory(), board, officer)
    assert _moves(award.history) == [("", "active", officer.pk, "")]
    services.settle(award.pk, award.due_date)  # the nightly command: no user
    services.decide_settlement(award.pk, outcome=SettlementOutcome.WRITTEN_OFF, amount=None,
                               reason="Vrijwilligers gestopt", user=officer)
    assert _moves(award.history) == [("", "active", officer.pk, ""), ("active", "proposed", None, ""),
                                     ("proposed", "settled", officer.pk, "Vrijwilligers gestopt")]
    done = awarded(world.place, RoundFactory(name="Tweede"), board, officer)
    for hours in (done.hours_due // 2 + 1, done.hours_due // 2 + 1):
        entry = services.log_hours(done.pk, services.EntryData(
            date=done.awarded_on, volunteers=hours // 24 + 1, hours=Decimal(hours)), board)
        services.decide_entry(entry.pk, approve=True, reason="", user=officer)
    services.settle(done.pk, done.due_date, user=officer)  # asked for on the page
    assert _moves(done.history)[1:] == [("active", "settled", officer.pk, "")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_derives_the_history_the_services_write(world, people):
    board, officer = people
    award = awarded(world.place, RoundFactory(), board, officer)
    pending, approved, rejected = _log(award, board), _log(award, board, hours=4), _log(award, board, hours=2)
    services.decide_entry(approved.pk, approve=True, reason="", user=officer)
    services.decide_entry(rejected.pk, approve=False, reason="Geen nieuwe activiteit", user=officer)
    reversal = services.reverse_entry(approved.pk, reason="Dubbel", user=officer)
    services.settle(award.pk, award.due_date)
    services.decide_settlement(award.pk, outcome=SettlementOutcome.REDUCED, amount=Decimal("10"), reason="Ziekte",
                               user=officer)
    entries = [pending, approved, rejected, reversal]
    written = {entry.pk: _moves(entry.history) for entry in entries}
    written_award = _moves(award.history)
    decided_at = HourEntry.objects.get(pk=approved.pk).decided_at
    try:
        _migrate(("grants", "0002_statuschange_status_history"))  # the history tables go
    finally:
        new = _migrate(("grants", "0004_history_from_existing_rows"))
    entry_changes = new.get_model("grants", "HourEntryChange").objects
    derived = {entry.pk: _moves(entry_changes.filter(entry_id=entry.pk)) for entry in entries}
    assert derived == written
    assert entry_changes.get(entry_id=approved.pk, to_status="approved").at == decided_at
    assert _moves(new.get_model("grants", "AwardChange").objects.filter(award_id=award.pk)) == written_award
