"""Payments, the hours ledger, progress, reminders and the settlement of an award."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ontmoet.core.mail import send_templated_mail
from ontmoet.core.uploads import validate_attachment
from ontmoet.places.selectors import board_emails

from ..models import Award, AwardQuarter, HourEntry, Payment, PlannedActivity, Reminder, Settlement
from ..workflows import APPLICANT, AWARD, ENTRY, OFFICER, SYSTEM, AwardStatus, EntryStatus, SettlementOutcome
from .common import ATTACHMENT_MAX_BYTES, GrantError, add_months


# -- payments ------------------------------------------------------------------------------------
def _lock_award(award_id: int) -> Award:
    return Award.objects.select_for_update().select_related("round", "place").get(pk=award_id)


@transaction.atomic
def register_payment(award_id: int, *, paid_on: date, amount: Decimal, reference: str, user) -> Payment:
    award = _lock_award(award_id)
    if amount <= 0:
        raise GrantError(_("Vul een bedrag groter dan nul in."))
    # An unknown paid amount (historic import) becomes known from the first payment registered here.
    if (award.amount_paid or 0) + amount > award.amount:
        raise GrantError(_("Dat is meer dan de toekenning: er staat nog € %(open)s open van € %(amount)s.")
                         % {"open": award.amount_unpaid or award.amount, "amount": award.amount})
    if paid_on < award.awarded_on:
        raise GrantError(_("De betaaldatum ligt voor de datum van toekenning (%(date)s).")
                         % {"date": date_format(award.awarded_on)})
    payment = Payment.objects.create(award=award, paid_on=paid_on, amount=amount, reference=reference,
                                     created_by=user)
    award.amount_paid = (award.amount_paid or 0) + amount
    award.save(update_fields=["amount_paid"])
    return payment


# -- the hours ledger ----------------------------------------------------------------------------
def refresh_totals(award: Award) -> None:
    """Recount the award's approved and pending hours, and its approved hours per quarter, from the ledger."""
    totals = award.entries.aggregate(
        approved=Sum("hours", filter=Q(status=EntryStatus.APPROVED)),
        pending=Sum("hours", filter=Q(status=EntryStatus.PENDING)))
    award.hours_approved = totals["approved"] or Decimal(0)
    award.hours_pending = totals["pending"] or Decimal(0)
    award.save(update_fields=["hours_approved", "hours_pending"])
    AwardQuarter.objects.filter(award=award).delete()
    AwardQuarter.objects.bulk_create([
        AwardQuarter(award=award, quarter=row["quarter"], hours=row["hours"])
        for row in award.entries.filter(status=EntryStatus.APPROVED).values("quarter").annotate(hours=Sum("hours"))
        if row["hours"]])


@dataclass
class EntryData:
    date: date
    volunteers: int
    hours: Decimal
    activity: PlannedActivity | None = None
    activity_title: str = ""
    description: str = ""
    evidence: object = None


def entry_problems(award: Award, data: EntryData, today: date | None = None) -> dict[str, str]:
    """Field -> Dutch message for an hour entry that cannot be right."""
    today = today or timezone.localdate()
    problems = {}
    if award.status != AwardStatus.ACTIVE:
        problems["__all__"] = _("Deze toekenning is afgerekend; er kunnen geen uren meer bij.")
    if data.date < award.awarded_on or data.date > award.due_date:
        problems["date"] = _("De datum moet in de aflosperiode liggen: van %(start)s tot en met %(end)s.") % {
            "start": date_format(award.awarded_on), "end": date_format(award.due_date)}
    elif data.date > today:
        problems["date"] = _("Uren kunt u pas invoeren als ze gedaan zijn; de datum ligt in de toekomst.")
    if data.volunteers < 1:
        problems["volunteers"] = _("Vul minstens één vrijwilliger in.")
    if data.hours <= 0:
        problems["hours"] = _("Vul een aantal uren groter dan nul in.")
    elif data.volunteers >= 1 and data.hours > data.volunteers * 24:
        problems["hours"] = _("%(hours)s uur met %(volunteers)s vrijwilliger(s) op één dag kan niet: dat is meer "
                              "dan 24 uur per vrijwilliger.") % {"hours": data.hours, "volunteers": data.volunteers}
    if data.activity is not None and data.activity.application_id != award.application_id:
        problems["activity"] = _("Kies een activiteit van deze toekenning.")
    return problems


@transaction.atomic
def log_hours(award_id: int, data: EntryData, user) -> HourEntry:
    award = _lock_award(award_id)
    problems = entry_problems(award, data)
    if problems:
        raise GrantError(" ".join(problems.values()))
    evidence_kind = ""
    if data.evidence:
        evidence_kind = validate_attachment(data.evidence, max_bytes=ATTACHMENT_MAX_BYTES)
    entry = HourEntry(
        award=award, activity=data.activity, activity_title=(data.activity.title if data.activity
                                                             else data.activity_title)[:150],
        date=data.date, volunteers=data.volunteers, hours=data.hours, description=data.description,
        evidence=data.evidence or "", evidence_kind=evidence_kind, created_by=user, status="")
    ENTRY.move(entry, EntryStatus.PENDING, actor=APPLICANT, by=user)
    refresh_totals(award)
    return entry


@transaction.atomic
def decide_entry(entry_id: int, *, approve: bool, reason: str, user) -> HourEntry:
    entry = HourEntry.objects.select_for_update().get(pk=entry_id)
    award = _lock_award(entry.award_id)
    if entry.status != EntryStatus.PENDING:
        raise GrantError(_("Deze uren zijn al beoordeeld (%(status)s) door %(who)s.")
                         % {"status": entry.get_status_display(), "who": entry.decided_by or "–"})
    # The entry keeps who decided and when, for the award page; the history row records the move.
    entry.reason, entry.decided_by, entry.decided_at = reason.strip(), user, timezone.now()
    ENTRY.move(entry, EntryStatus.APPROVED if approve else EntryStatus.REJECTED, actor=OFFICER, by=user,
               reason=entry.reason, fields=["reason", "decided_by", "decided_at"], at=entry.decided_at)
    refresh_totals(award)
    return entry


@transaction.atomic
def reverse_entry(entry_id: int, *, reason: str, user) -> HourEntry:
    """Correct an approved entry by adding its opposite; the original stays as it was."""
    entry = HourEntry.objects.select_for_update().get(pk=entry_id)
    award = _lock_award(entry.award_id)
    if entry.status != EntryStatus.APPROVED or entry.reverses_id is not None:
        raise GrantError(_("Alleen goedgekeurde uren kunnen worden gecorrigeerd."))
    if HourEntry.objects.filter(reverses=entry).exists():
        raise GrantError(_("Deze uren zijn al gecorrigeerd."))
    if not reason.strip():
        raise GrantError(_("Geef een reden voor de correctie."))
    now = timezone.now()
    reversal = HourEntry(
        award=award, activity=entry.activity, activity_title=entry.activity_title, date=entry.date,
        volunteers=entry.volunteers, hours=-entry.hours,
        description=(_("Correctie: %(reason)s") % {"reason": reason.strip()})[:300],
        status="", reason=reason.strip(), reverses=entry, created_by=user, decided_by=user, decided_at=now)
    ENTRY.move(reversal, EntryStatus.APPROVED, actor=OFFICER, by=user, reason=reversal.reason, at=now)
    refresh_totals(award)
    return reversal


# -- progress, reminders and settlement ---------------------------------------------------------
def expected_hours(award: Award, today: date) -> Decimal:
    """Hours that should be approved by `today` on a straight line from award to due date."""
    total_days = (award.due_date - award.awarded_on).days or 1
    elapsed = min(max((today - award.awarded_on).days, 0), total_days)
    return (Decimal(award.hours_due) * elapsed / total_days).quantize(Decimal("0.01"))


def on_track(award: Award, today: date) -> bool:
    return award.hours_approved + award.hours_pending >= expected_hours(award, today) * Decimal("0.9")


def send_reminders(today: date | None = None) -> int:
    """Remind boards that fall behind (at most monthly) and three months before the due date (once)."""
    today = today or timezone.localdate()
    sent = 0
    awards = Award.objects.filter(status=AwardStatus.ACTIVE, is_historic=False, due_date__gte=today
                                  ).select_related("place", "round")
    for award in awards.iterator():
        kinds = []
        if award.hours_remaining > 0 and today >= add_months(award.due_date, -3):
            kinds.append(("due_soon", "-"))
        if not on_track(award, today):
            kinds.append(("behind", f"{today:%Y-%m}"))
        for kind, period in kinds:
            with transaction.atomic():
                _reminder, created = Reminder.objects.get_or_create(award=award, kind=kind, period=period)
                if not created:
                    continue
                sent += send_templated_mail(
                    f"grants/email/reminder_{kind}",
                    {"award": award, "expected": expected_hours(award, today)},
                    to=board_emails(award.place) or [award.place.email])
    return sent


@transaction.atomic
def settle(award_id: int, today: date | None = None, user=None) -> Settlement | None:
    """At the due date: settled when the hours are done, otherwise a proposal. Idempotent.

    Made by the nightly command (no user: the system) or by an officer who asks for it on the page."""
    today = today or timezone.localdate()
    award = _lock_award(award_id)
    if award.due_date > today or Settlement.objects.filter(award=award).exists():
        return None
    remaining = award.hours_remaining
    if remaining == 0:
        settlement = Settlement.objects.create(award=award, remaining_hours=0, proposed_amount=0, final_amount=0,
                                               outcome=SettlementOutcome.SETTLED, decided_at=timezone.now())
        to = AwardStatus.SETTLED
    else:
        proposed = (remaining * award.round.repayment_rate).quantize(Decimal("0.01"))
        settlement = Settlement.objects.create(award=award, remaining_hours=remaining, proposed_amount=proposed)
        to = AwardStatus.SETTLEMENT_PROPOSED
    AWARD.move(award, to, actor=OFFICER if user is not None else SYSTEM, by=user, at=settlement.created_at)
    return settlement


def settle_due(today: date | None = None) -> int:
    today = today or timezone.localdate()
    ids = Award.objects.filter(status=AwardStatus.ACTIVE, due_date__lte=today, settlement__isnull=True
                               ).values_list("pk", flat=True)
    return sum(1 for award_id in list(ids) if settle(award_id, today) is not None)


@transaction.atomic
def decide_settlement(award_id: int, *, outcome: str, amount: Decimal | None, reason: str, user) -> Settlement:
    award = _lock_award(award_id)
    settlement = Settlement.objects.select_for_update().filter(award=award).first()
    if settlement is None or settlement.outcome != SettlementOutcome.PROPOSED:
        raise GrantError(_("Er is geen open afrekeningsvoorstel voor deze toekenning."))
    if outcome == SettlementOutcome.CONFIRMED:
        amount = settlement.proposed_amount
    elif outcome == SettlementOutcome.WRITTEN_OFF:
        amount = Decimal(0)
    elif outcome == SettlementOutcome.REDUCED:
        if amount is None or amount < 0 or amount >= settlement.proposed_amount:
            raise GrantError(_("Een verlaagd bedrag ligt tussen € 0 en het voorgestelde bedrag van € %(amount)s.")
                             % {"amount": settlement.proposed_amount})
    else:
        raise GrantError(_("Kies bevestigen, verlagen of kwijtschelden."))
    if outcome != SettlementOutcome.CONFIRMED and not reason.strip():
        raise GrantError(_("Geef een reden als u het bedrag verlaagt of kwijtscheldt."))
    settlement.outcome, settlement.final_amount, settlement.reason = outcome, amount, reason.strip()
    settlement.decided_by, settlement.decided_at = user, timezone.now()
    settlement.save()
    AWARD.move(award, AwardStatus.SETTLED, actor=OFFICER, by=user, reason=settlement.reason,
               at=settlement.decided_at)
    return settlement
