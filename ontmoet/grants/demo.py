"""Demo data for the Sociale Hypotheek: rounds, awards, payments and hours in every state (all fictional).

Idempotent: nothing is added when the 2024 demo round already exists.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ontmoet.accounts.models import User
from ontmoet.places.models import Activity, Facility, Place
from ontmoet.regions.models import Province

from . import services
from .models import (
    Application,
    Attachment,
    Award,
    HourEntry,
    HourEntryChange,
    Payment,
    PlannedActivity,
    Round,
    StatusChange,
)
from .workflows import AWARD, ENTRY, OFFICER, ApplicationStatus, AwardStatus, EntryStatus

ACTIVITY_IDEAS = [("Koffieochtend voor nieuwe inwoners", "Nieuwkomers"), ("Repaircafé", "Alle inwoners"),
                  ("Samen koken met ouderen", "Ouderen"), ("Huiswerkklas", "Kinderen"),
                  ("Wandelgroep", "Volwassenen"), ("Jongerensoos op vrijdag", "Jongeren")]
DEMO_PLAN = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"  # a minimal PDF: the plan of a demo application
QUESTIONS = "De activiteiten zijn nieuw en komen bovenop wat de plek al doet\nDe plek is voor iedereen toegankelijk"


def _make_eligible(place):
    """Complete a demo place so that it may apply. Written directly (no history row): this is how the demo
    place was generated, not a change someone made."""
    if place.legal_form not in ("stichting", "vereniging", "kerkelijk"):
        Place.objects.filter(pk=place.pk).update(legal_form="stichting")
    if not place.facilities.exists():
        Place.facilities.through.objects.create(place_id=place.pk, facility=Facility.objects.order_by("pk").first())
    if not place.activities.exists():
        Place.activities.through.objects.create(place_id=place.pk, activity=Activity.objects.order_by("pk").first())


def _at(day: date, days_before: int = 0):
    """A moment on the award's timeline (the demo's history is dated as it would have happened)."""
    return timezone.make_aware(timezone.datetime.combine(day - timedelta(days=days_before),
                                                         timezone.datetime.min.time()) + timedelta(hours=10))


def _award(round_, place, officer, awarded_on, hours_planned, rng, status_note="Goed onderbouwd plan."):
    application = Application.objects.create(
        round=round_, place=place, status=ApplicationStatus.AWARDED, motivation="Meer ontmoeting in de buurt.",
        eligibility_answers={"0": "ja", "1": "ja"}, declaration=True, planned_hours=sum(hours_planned),
        amount=sum(hours_planned) * round_.repayment_rate, created_by=officer,
        submitted_at=_at(awarded_on, 40), decided_at=_at(awarded_on))
    for (title, group), hours in zip(rng.sample(ACTIVITY_IDEAS, len(hours_planned)), hours_planned, strict=True):
        PlannedActivity.objects.create(application=application, title=title, target_group=group,
                                       planned_volunteers=rng.randint(3, 12), planned_hours=hours)
    for (frm, to), days_before in zip([("", "draft"), ("draft", "submitted"), ("submitted", "in_review"),
                                       ("in_review", "awarded")], [45, 40, 30, 0], strict=True):
        StatusChange.objects.create(application=application, from_status=frm, to_status=to, by=officer,
                                    reason=status_note if to == "awarded" else "", at=_at(awarded_on, days_before))
    award = Award(
        code=application.number, round=round_, place=place, application=application, amount=application.amount,
        hours_due=Award.hours_for(application.amount, round_.repayment_rate), awarded_on=awarded_on,
        due_date=services.add_months(awarded_on, round_.repayment_months), status="")
    AWARD.move(award, AwardStatus.ACTIVE, actor=OFFICER, by=officer, at=_at(awarded_on))
    return award


def _pay(award, share, officer, reference):
    """The award paid out (in full or a first part) two weeks after it was made: hours repay money received."""
    amount = (award.amount * share).quantize(Decimal("0.01"))
    Payment.objects.create(award=award, paid_on=award.awarded_on + timedelta(days=14), created_by=officer,
                           amount=amount, reference=reference)
    Award.objects.filter(pk=award.pk).update(amount_paid=amount)


def _hours(award, share, officer, board, rng, today, pending=2, rejected=1):
    """Entries for about `share` of the hours due, spread over the months since the award."""
    activities = list(award.application.activities.all())
    target = Decimal(award.hours_due) * Decimal(str(share))
    end = min(today, award.due_date)
    days = max((end - award.awarded_on).days, 1)
    logged = Decimal(0)
    entries = []
    while logged < target:
        volunteers = rng.randint(2, 8)
        hours = Decimal(min(volunteers * rng.choice([2, 3, 4]), int(target - logged) + 1))
        activity = rng.choice(activities)
        entries.append(HourEntry(award=award, activity=activity, activity_title=activity.title,
                                 date=award.awarded_on + timedelta(days=rng.randrange(days)), volunteers=volunteers,
                                 hours=hours, description="Met vaste vrijwilligers", status=EntryStatus.APPROVED,
                                 created_by=board, decided_by=officer, decided_at=timezone.now()))
        logged += hours
    for _n in range(pending):
        activity = rng.choice(activities)
        entries.append(HourEntry(award=award, activity=activity, activity_title=activity.title,
                                 date=end - timedelta(days=rng.randint(1, 20)), volunteers=3, hours=Decimal(9),
                                 description="Nog te beoordelen", created_by=board))
    for _n in range(rejected):
        activity = rng.choice(activities)
        entries.append(HourEntry(award=award, activity=activity, activity_title=activity.title,
                                 date=end - timedelta(days=rng.randint(21, 60)), volunteers=2, hours=Decimal(6),
                                 description="Bestaande bingoavond", status=EntryStatus.REJECTED,
                                 reason="Dit is geen nieuwe activiteit.", created_by=board, decided_by=officer,
                                 decided_at=timezone.now()))
    now = timezone.now()
    for entry in entries:
        entry.quarter = HourEntry.quarter_of(entry.date)
        if entry.decided_at is not None:  # decided some days after the work, never in the future
            entry.decided_at = min(_at(entry.date + timedelta(days=10)), now)
    HourEntry.objects.bulk_create(entries)
    # Their history, set-based like the entries: logged by the board, decided by the officer.
    history = [ENTRY.history_row(entry, "", EntryStatus.PENDING, by=board, at=min(_at(entry.date), now))
               for entry in entries]
    history += [ENTRY.history_row(entry, EntryStatus.PENDING, entry.status, by=officer, reason=entry.reason,
                                  at=entry.decided_at) for entry in entries if entry.status != EntryStatus.PENDING]
    HourEntryChange.objects.bulk_create(history)
    services.refresh_totals(award)


@transaction.atomic
def load_demo():
    province = Province.objects.filter(code="PV23").first()
    if province is None or Round.objects.filter(province=province, name="Sociale Hypotheek 2024").exists():
        return None
    rng = random.Random(2024)  # noqa: S311 - demo data, not security
    today = timezone.localdate()
    officer = User.objects.filter(email="beleid@demo.ontmoet.nl").first()
    board = User.objects.filter(email="bestuur@demo.ontmoet.nl").first()
    round_2023 = Round.objects.create(
        province=province, name="Sociale Hypotheek 2023", year=2023, budget=Decimal("300000"),
        opens_on=date(2023, 3, 1), closes_on=date(2023, 6, 30), eligibility_questions=QUESTIONS)
    round_2024 = Round.objects.create(
        province=province, name="Sociale Hypotheek 2024", year=2024, budget=Decimal("250000"), repayment_months=36,
        opens_on=date(2024, 3, 1), closes_on=date(2024, 6, 30), eligibility_questions=QUESTIONS,
        first_timer_priority=True)
    Round.objects.create(
        province=province, name=f"Sociale Hypotheek {today.year}", year=today.year, budget=Decimal("400000"),
        opens_on=today - timedelta(days=60), closes_on=today + timedelta(days=60), eligibility_questions=QUESTIONS,
        first_timer_priority=True)
    places = list(Place.objects.filter(is_demo=True, municipality__province=province).order_by("code")[1:40])
    own = Place.objects.filter(is_demo=True, municipality__code="GM0177").order_by("code").first()
    if own is not None:
        _make_eligible(own)  # so that the demo board member can apply in the open round
    awards = 0
    # One overdue award from 2023: due date passed, hours not complete, settlement still to be made.
    overdue = _award(round_2023, places[0], officer, date(2023, 9, 1), [300, 200], rng)
    _pay(overdue, Decimal("1"), officer, "FIN-2023-001")
    _hours(overdue, 0.6, officer, board, rng, today, pending=0, rejected=1)
    # Its due date passed: the nightly settlement made a proposal for the province to decide.
    services.settle(overdue.pk, today)
    awards += 1
    for number, place in enumerate(places[1:13]):
        award = _award(round_2024, place, officer, date(2024, 9, 1) + timedelta(days=number * 7),
                       [rng.choice([120, 200, 260]), rng.choice([100, 160, 300])], rng)
        _hours(award, [0.2, 0.45, 0.6, 0.75][number % 4], officer, board, rng, today)
        _pay(award, Decimal("1") if number % 3 else Decimal("0.5"), officer, f"FIN-2024-{number + 1:03d}")
        awards += 1
    if own is not None:
        # The demo board's place has an award of its own, half repaid, so its ledger is not empty.
        award = _award(round_2024, own, officer, date(2024, 10, 1), [150, 150], rng)
        _pay(award, Decimal("1"), officer, "FIN-2024-100")
        _hours(award, 0.5, officer, board, rng, today)
        awards += 1
    # A few applications waiting for the province.
    for place, status in [(places[20], ApplicationStatus.SUBMITTED), (places[21], ApplicationStatus.IN_REVIEW)]:
        _make_eligible(place)
        application = Application.objects.create(
            round=round_2024, place=place, status=status, motivation="Nieuwe activiteiten voor jong en oud.",
            eligibility_answers={"0": "ja", "1": "ja"}, declaration=True, planned_hours=400,
            amount=400 * round_2024.repayment_rate, submitted_at=timezone.now(), created_by=officer)
        PlannedActivity.objects.create(application=application, title="Buurtmaaltijd", target_group="Ouderen",
                                       planned_volunteers=6, planned_hours=400)
        # Complete as grants.requirements asks, so that the province can award it in the demo.
        Attachment.objects.create(application=application, file=ContentFile(DEMO_PLAN, name="plan.pdf"), kind="pdf",
                                  original_name="plan-buurtmaaltijd.pdf", size=len(DEMO_PLAN))
        StatusChange.objects.create(application=application, from_status="draft", to_status="submitted")
    return f"{awards} toekenningen met betalingen en uren, 3 rondes (één open), 2 aanvragen in behandeling"
