"""The rules of the Sociale Hypotheek, through the services that every page uses."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ontmoet.grants import services
from ontmoet.grants.models import Application, Award, HourEntry, Payment, Reminder, StatusChange
from ontmoet.grants.workflows import TRANSITIONS, ApplicationStatus, AwardStatus, EntryStatus, SettlementOutcome

from .factories import RoundFactory, awarded, complete_draft, make_eligible, submitted

S = ApplicationStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def board(world):
    return world.users["board_member"]


@pytest.fixture
def officer(world):
    return world.users["province_staff"]


@pytest.fixture
def second_officer(world):
    return world.users["province_admin"]


def test_transition_table_has_the_statuses_of_the_issue():
    targets = {to for _frm, to in TRANSITIONS}
    assert targets == {S.SUBMITTED, S.IN_REVIEW, S.INFO_REQUESTED, S.AWARDED, S.REJECTED, S.WAITLISTED, S.WITHDRAWN}
    assert (S.DRAFT, S.AWARDED) not in TRANSITIONS


def test_eligibility_is_explained_in_dutch(world):
    round_ = RoundFactory()
    problems = services.eligibility_problems(world.place, round_)
    assert any(p.code == "too_few_functions" and "minder dan twee maatschappelijke functies" in p.message
               for p in problems)
    make_eligible(world.place)
    assert services.eligibility_problems(world.place, round_) == []
    with pytest.raises(services.GrantError, match="andere provincie"):
        services.start_application(RoundFactory(province=world.gelderland), world.place, world.users["board_member"])


def test_amount_follows_from_planned_hours_and_must_be_within_limits(world, board):
    round_ = RoundFactory(min_amount=1000, max_amount=15000)
    application = complete_draft(world.place, round_, board, hours=(40, 60))
    assert application.planned_hours == 100 and application.amount == Decimal("1500")
    too_big = complete_draft(world.zwolle_place, round_, world.users["other_board_member"], hours=(1001,))
    assert too_big.amount == Decimal("15015")
    with pytest.raises(services.GrantError, match="moet tussen € 1000.00 en € 15000.00 liggen"):
        services.submit(too_big.pk, world.users["other_board_member"])
    assert Application.objects.get(pk=too_big.pk).status == S.DRAFT


@pytest.mark.storage
def test_submit_sends_confirmation_with_pdf_and_double_click_is_idempotent(world, board):
    application = complete_draft(world.place, RoundFactory(), board)
    mail.outbox.clear()
    _app, done = services.submit(application.pk, board)
    _app, again = services.submit(application.pk, board)
    assert done and not again
    assert StatusChange.objects.filter(application=application, to_status=S.SUBMITTED).count() == 1
    assert len(mail.outbox) == 1
    name, content, mimetype = mail.outbox[0].attachments[0]
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")


def test_editing_after_submission_is_refused(world, board):
    application = submitted(world.place, RoundFactory(), board)
    with pytest.raises(services.GrantError, match="al ingediend"):
        services.save_draft(application.pk, motivation="anders", answers={}, declaration=True, activities=[])
    assert Application.objects.get(pk=application.pk).activities.count() == 2


@pytest.mark.storage
def test_disguised_upload_is_refused_and_nothing_stored(world, board):
    application = complete_draft(world.place, RoundFactory(), board, attachment=False)
    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf at all")
    with pytest.raises(Exception, match="geen PDF"):
        services.add_attachment(application.pk, fake, board)
    assert application.attachments.count() == 0
    big = SimpleUploadedFile("groot.pdf", b"%PDF-" + b"0" * (services.ATTACHMENT_MAX_BYTES + 1))
    with pytest.raises(Exception, match="te groot"):
        services.add_attachment(application.pk, big, board)


def test_info_request_answer_and_resubmit(world, board, officer):
    application = submitted(world.place, RoundFactory(), board)
    services.decide(application.pk, S.IN_REVIEW, officer)
    mail.outbox.clear()
    with pytest.raises(services.GrantError, match="toelichting"):
        services.decide(application.pk, S.INFO_REQUESTED, officer, reason="")
    services.decide(application.pk, S.INFO_REQUESTED, officer, reason="Hoeveel vrijwilligers doen mee?")
    assert "Hoeveel vrijwilligers" in mail.outbox[0].body
    with pytest.raises(services.GrantError, match="Beantwoord de vraag"):
        services.submit(application.pk, board, answer="")
    services.submit(application.pk, board, answer="Acht vrijwilligers.")
    application.refresh_from_db()
    assert application.status == S.IN_REVIEW
    assert list(application.history.values_list("to_status", flat=True)) == [
        S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.INFO_REQUESTED, S.IN_REVIEW]
    assert application.history.last().reason == "Acht vrijwilligers."


def test_award_fixes_amount_hours_due_rounded_up_and_due_date(world, board, officer):
    round_ = RoundFactory(repayment_rate=Decimal("15"), repayment_months=24)
    application = complete_draft(world.place, round_, board, hours=(67,))
    services.save_draft(application.pk, motivation="x", answers={"0": "ja", "1": "ja"}, declaration=True,
                        activities=[services.ActivityData(title="A", planned_hours=67)])
    services.submit(application.pk, board)
    services.decide(application.pk, S.IN_REVIEW, officer)
    outcome = services.decide(application.pk, S.AWARDED, officer, reason="Goed")
    award = outcome.award
    assert award.amount == Decimal("1005") and award.hours_due == 67
    assert Award.hours_for(Decimal("1000"), Decimal("15")) == 67  # 66.67 rounded up
    assert award.due_date == services.add_months(timezone.localdate(), 24)
    assert services.decision_letter(award.application).startswith(b"%PDF")


def test_two_officers_deciding_at_once_one_wins(world, board, officer, second_officer):
    application = submitted(world.place, RoundFactory(), board)
    services.decide(application.pk, S.IN_REVIEW, officer)
    services.decide(application.pk, S.REJECTED, officer, reason="Geen nieuwe activiteiten", expected=S.IN_REVIEW)
    with pytest.raises(services.GrantError, match="intussen al behandeld"):
        services.decide(application.pk, S.AWARDED, second_officer, reason="Mooi", expected=S.IN_REVIEW)
    assert not Award.objects.filter(application=application).exists()


def test_four_eyes_above_threshold(world, board, officer, second_officer):
    round_ = RoundFactory(four_eyes_threshold=Decimal("1000"))
    application = submitted(world.place, round_, board)  # €1,500
    services.decide(application.pk, S.IN_REVIEW, officer)
    first = services.decide(application.pk, S.AWARDED, officer, reason="Akkoord")
    assert first.award is None and "tweede" in first.message
    with pytest.raises(services.GrantError, match="vier ogen"):
        services.decide(application.pk, S.AWARDED, officer, reason="Nog eens")
    second = services.decide(application.pk, S.AWARDED, second_officer, reason="Ook akkoord")
    assert second.award is not None


def test_budget_used_up_goes_to_waitlist_in_priority_order(world, board, officer):
    round_ = RoundFactory(budget=Decimal("2000"), first_timer_priority=True)
    first = awarded(world.place, round_, board, officer)
    assert first.amount == Decimal("1500")
    other = submitted(world.zwolle_place, round_, world.users["other_board_member"])
    services.decide(other.pk, S.IN_REVIEW, officer)
    outcome = services.decide(other.pk, S.AWARDED, officer, reason="Goed plan")
    assert outcome.award is None and outcome.application.status == S.WAITLISTED
    assert "wachtlijst" in outcome.message
    assert list(services.waitlist(round_)) == [outcome.application]


def test_payments_never_exceed_the_award(world, board, officer):
    award = awarded(world.place, RoundFactory(), board, officer)
    services.register_payment(award.pk, paid_on=award.awarded_on, amount=Decimal("1000"), reference="B1", user=officer)
    with pytest.raises(services.GrantError, match="meer dan de toekenning"):
        services.register_payment(award.pk, paid_on=award.awarded_on, amount=Decimal("500.01"), reference="B2",
                                  user=officer)
    award.refresh_from_db()
    assert award.amount_paid == Decimal("1000") and Payment.objects.filter(award=award).count() == 1


@pytest.mark.parametrize(("change", "message"), [
    ({"hours": Decimal("49"), "volunteers": 2}, "meer dan 24 uur per vrijwilliger"),
    ({"hours": Decimal("-3")}, "groter dan nul"),
    ({"date_offset": -1}, "aflosperiode"),
    ({"date_offset": 1}, "toekomst"),
])
def test_impossible_hours_are_refused(world, board, officer, change, message):
    award = awarded(world.place, RoundFactory(), board, officer)
    day = award.awarded_on + timedelta(days=change.get("date_offset", 0))
    data = services.EntryData(date=day, volunteers=change.get("volunteers", 1), hours=change.get("hours", Decimal(2)),
                              activity=award.application.activities.first())
    with pytest.raises(services.GrantError, match=message):
        services.log_hours(award.pk, data, board)
    assert not HourEntry.objects.filter(award=award).exists()


def test_entry_on_someone_elses_activity_is_refused(world, board, officer):
    award = awarded(world.place, RoundFactory(), board, officer)
    other = awarded(world.zwolle_place, RoundFactory(), world.users["other_board_member"], officer)
    data = services.EntryData(date=award.awarded_on, volunteers=1, hours=Decimal(2),
                              activity=other.application.activities.first())
    with pytest.raises(services.GrantError, match="activiteit van deze toekenning"):
        services.log_hours(award.pk, data, board)


def test_ledger_approve_reject_and_reversal(world, board, officer):
    award = awarded(world.place, RoundFactory(), board, officer)
    activity = award.application.activities.first()
    entries = [services.log_hours(award.pk, services.EntryData(date=award.awarded_on, volunteers=3, hours=Decimal(h),
                                                               activity=activity), board) for h in (10, 5, 2)]
    award.refresh_from_db()
    assert award.hours_pending == 17 and award.hours_approved == 0
    services.decide_entry(entries[0].pk, approve=True, reason="", user=officer)
    services.decide_entry(entries[1].pk, approve=True, reason="", user=officer)
    with pytest.raises(services.GrantError, match="reden"):
        services.decide_entry(entries[2].pk, approve=False, reason="", user=officer)
    services.decide_entry(entries[2].pk, approve=False, reason="Geen nieuwe activiteit", user=officer)
    with pytest.raises(services.GrantError, match="al beoordeeld"):
        services.decide_entry(entries[0].pk, approve=False, reason="toch niet", user=officer)
    award.refresh_from_db()
    assert award.hours_approved == 15 and award.hours_pending == 0
    reversal = services.reverse_entry(entries[1].pk, reason="Dubbel ingevoerd", user=officer)
    assert reversal.hours == -5 and reversal.status == EntryStatus.APPROVED
    entries[1].refresh_from_db()
    assert entries[1].status == EntryStatus.APPROVED and entries[1].hours == 5  # the original is untouched
    with pytest.raises(services.GrantError, match="al gecorrigeerd"):
        services.reverse_entry(entries[1].pk, reason="nog eens", user=officer)
    award.refresh_from_db()
    assert award.hours_approved == 10
    assert award.hours_remaining == award.hours_due - 10


def test_on_track_against_straight_line(world, board, officer):
    award = awarded(world.place, RoundFactory(), board, officer)
    halfway = award.awarded_on + (award.due_date - award.awarded_on) / 2
    assert abs(services.expected_hours(award, halfway) - Decimal(award.hours_due) / 2) < 1
    assert not services.on_track(award, halfway)
    assert services.on_track(award, award.awarded_on)


def test_reminders_are_sent_once(world, board, officer):
    award = awarded(world.place, RoundFactory(), board, officer)
    later = award.awarded_on + timedelta(days=200)
    mail.outbox.clear()
    assert services.send_reminders(later) == 1
    assert services.send_reminders(later) == 0
    near_end = services.add_months(award.due_date, -2)
    assert services.send_reminders(near_end) == 2  # behind (new month) and three months before the due date
    assert services.send_reminders(near_end) == 0
    assert Reminder.objects.filter(award=award, kind="due_soon").count() == 1
    assert "loopt achter" in mail.outbox[0].subject or "achter" in mail.outbox[0].subject


def test_settlement_proposal_and_decision(world, board, officer):
    award = awarded(world.place, RoundFactory(), board, officer)
    assert services.settle(award.pk, award.due_date - timedelta(days=1)) is None
    Award.objects.filter(pk=award.pk).update(hours_approved=40)
    settlement = services.settle(award.pk, award.due_date)
    assert settlement.outcome == SettlementOutcome.PROPOSED
    assert settlement.remaining_hours == award.hours_due - 40
    assert settlement.proposed_amount == (award.hours_due - 40) * award.round.repayment_rate
    assert services.settle(award.pk, award.due_date) is None  # idempotent
    with pytest.raises(services.GrantError, match="reden"):
        services.decide_settlement(award.pk, outcome=SettlementOutcome.WRITTEN_OFF, amount=None, reason="",
                                   user=officer)
    with pytest.raises(services.GrantError, match="tussen"):
        services.decide_settlement(award.pk, outcome=SettlementOutcome.REDUCED, amount=Decimal("99999"),
                                   reason="x", user=officer)
    done = services.decide_settlement(award.pk, outcome=SettlementOutcome.REDUCED, amount=Decimal("100"),
                                      reason="Corona", user=officer)
    assert done.final_amount == 100
    award.refresh_from_db()
    assert award.status == AwardStatus.SETTLED


def test_settled_when_hours_are_done(world, board, officer):
    award = awarded(world.place, RoundFactory(), board, officer)
    Award.objects.filter(pk=award.pk).update(hours_approved=award.hours_due)
    assert services.settle_due(award.due_date) == 1
    award.refresh_from_db()
    assert award.status == AwardStatus.SETTLED and award.settlement.outcome == SettlementOutcome.SETTLED


def test_add_months_clamps_to_month_end():
    assert services.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert services.add_months(date(2024, 5, 15), -3) == date(2024, 2, 15)
