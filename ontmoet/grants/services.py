"""Every write of the Sociale Hypotheek, each inside one transaction; mail goes out after it.

Decisions lock the row they change (select_for_update) and check the status the user saw, so two
officers deciding at once cannot both win, and a double click does nothing the second time.
"""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.core.mail import send_templated_mail
from ontmoet.core.pdf import render_pdf
from ontmoet.core.uploads import validate_attachment
from ontmoet.places.selectors import board_emails

from .models import (
    Application,
    Attachment,
    Award,
    AwardQuarter,
    HourEntry,
    Payment,
    PlannedActivity,
    Reminder,
    Round,
    Settlement,
    StatusChange,
)
from .workflow import (
    APPLICANT,
    OFFICER,
    TRANSITIONS,
    ApplicationStatus,
    AwardStatus,
    EntryStatus,
    SettlementOutcome,
)

S = ApplicationStatus
MAX_ATTACHMENTS = 10
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024


class GrantError(Exception):
    """A refused action, with a Dutch message that says what to do instead."""


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# -- eligibility ---------------------------------------------------------------------------------
def eligibility_problems(place, round_: Round, today: date | None = None) -> list[str]:
    """Why this place cannot apply in this round (empty list: it can), in words for the board."""
    today = today or timezone.localdate()
    problems = []
    if round_.province_id != place.municipality.province_id:
        problems.append(_("Deze ronde is voor plekken in een andere provincie."))
    if not round_.is_open_on(today):
        problems.append(_("Aanvragen kan van %(start)s tot en met %(end)s.")
                        % {"start": round_.opens_on.strftime("%d-%m-%Y"), "end": round_.closes_on.strftime("%d-%m-%Y")})
    if place.status != "actief":
        problems.append(_("Uw plek staat in het register niet als actief."))
    facilities = place.facilities.count()
    has_meeting = place.activities.exists()
    if not has_meeting:
        problems.append(_("Uw plek heeft geen ontmoetingsfunctie: er staan geen activiteiten in het register. "
                          "Vul de activiteiten van uw plek aan."))
    if facilities + (1 if has_meeting else 0) < 2:
        problems.append(_("Uw plek heeft minder dan twee maatschappelijke functies: naast ontmoeting staat er "
                          "geen voorziening (zoals bibliotheek, sport of kinderopvang) in het register."))
    if place.legal_form not in ("stichting", "vereniging", "kerkelijk"):
        problems.append(_("Alleen een stichting, vereniging of kerkelijke organisatie kan aanvragen; vul de "
                          "rechtsvorm van uw plek in het register in."))
    return problems


def is_first_timer(place, round_: Round) -> bool:
    return not Application.objects.filter(place=place).exclude(round=round_).exclude(
        status__in=[S.DRAFT, S.WITHDRAWN]).exists() and not Award.objects.filter(place=place).exclude(
        round=round_).exists()


# -- applying ------------------------------------------------------------------------------------
def _log(application, frm, to, user, reason="", note=""):
    StatusChange.objects.create(application=application, from_status=frm, to_status=to, by=user, reason=reason,
                                note=note)


@transaction.atomic
def start_application(round_: Round, place, user) -> Application:
    """The place's open application in this round, or a new draft. Starting twice gives the same one."""
    problems = eligibility_problems(place, round_)
    existing = Application.objects.filter(round=round_, place=place).exclude(status=S.WITHDRAWN).first()
    if existing:
        return existing
    if problems:
        raise GrantError(" ".join(problems))
    application = Application.objects.create(round=round_, place=place, created_by=user,
                                             first_timer=is_first_timer(place, round_))
    _log(application, "", S.DRAFT, user)
    return application


@dataclass
class ActivityData:
    title: str
    description: str = ""
    target_group: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    planned_volunteers: int = 1
    planned_hours: int = 0


def _lock_application(application_id: int) -> Application:
    return Application.objects.select_for_update().select_related("round", "place").get(pk=application_id)


def _require_editable(application: Application):
    if not application.is_editable:
        raise GrantError(_("Deze aanvraag is al ingediend (status: %(status)s) en kan niet meer worden gewijzigd.")
                         % {"status": application.get_status_display()})


@transaction.atomic
def save_draft(application_id: int, *, motivation: str, answers: dict, declaration: bool,
               activities: list[ActivityData]) -> Application:
    """Store what the board has typed so far; incomplete is fine, submitting checks the rest."""
    application = _lock_application(application_id)
    _require_editable(application)
    application.motivation = motivation
    application.eligibility_answers = answers
    application.declaration = declaration
    application.activities.all().delete()
    PlannedActivity.objects.bulk_create([PlannedActivity(application=application, **vars(a)) for a in activities])
    application.planned_hours = sum(a.planned_hours for a in activities)
    application.amount = application.planned_hours * application.round.repayment_rate
    application.save()
    return application


@transaction.atomic
def add_attachment(application_id: int, uploaded, user) -> Attachment:
    application = _lock_application(application_id)
    _require_editable(application)
    if application.attachments.count() >= MAX_ATTACHMENTS:
        raise GrantError(_("U kunt hoogstens %(max)s bijlagen toevoegen.") % {"max": MAX_ATTACHMENTS})
    kind = validate_attachment(uploaded, max_bytes=ATTACHMENT_MAX_BYTES)
    return Attachment.objects.create(application=application, file=uploaded, kind=kind,
                                     original_name=uploaded.name[:200], size=uploaded.size, uploaded_by=user)


@transaction.atomic
def delete_attachment(attachment: Attachment) -> None:
    application = _lock_application(attachment.application_id)
    _require_editable(application)
    attachment.file.delete(save=False)
    attachment.delete()


def submission_problems(application: Application) -> list[str]:
    """Everything that must be right before an application can be submitted, in Dutch."""
    round_ = application.round
    problems = []
    activities = list(application.activities.all())
    if not activities:
        problems.append(_("Voeg minstens één extra activiteit toe."))
    for activity in activities:
        if activity.planned_hours <= 0:
            problems.append(_("Activiteit '%(title)s': vul het aantal geplande uren in.") % {"title": activity.title})
        if activity.starts_on and activity.ends_on and activity.ends_on < activity.starts_on:
            problems.append(_("Activiteit '%(title)s': de einddatum ligt voor de begindatum.")
                            % {"title": activity.title})
    if activities and not (round_.min_amount <= application.amount <= round_.max_amount):
        problems.append(_("Het bedrag (€ %(amount)s = %(hours)s uur × € %(rate)s) moet tussen € %(min)s en "
                          "€ %(max)s liggen. Pas het aantal geplande uren aan.")
                        % {"amount": application.amount, "hours": application.planned_hours,
                           "rate": round_.repayment_rate, "min": round_.min_amount, "max": round_.max_amount})
    if not application.motivation.strip():
        problems.append(_("Schrijf een korte motivatie."))
    for number, _question in enumerate(round_.questions()):
        if application.eligibility_answers.get(str(number)) != "ja":
            problems.append(_("Beantwoord elke voorwaarde met ja; anders kunt u niet aanvragen."))
            break
    if not application.declaration:
        problems.append(_("Vink de verklaring aan."))
    return problems


def submit(application_id: int, user, answer: str = "") -> tuple[Application, bool]:
    """Submit a draft (or resubmit after a request for information). Returns (application, done now).

    A second click finds the application already submitted and changes nothing.
    """
    with transaction.atomic():
        application = _lock_application(application_id)
        if application.status in (S.SUBMITTED, S.IN_REVIEW) and application.submitted_at:
            return application, False
        _require_editable(application)
        problems = submission_problems(application)
        if application.status == S.DRAFT:
            problems = eligibility_problems(application.place, application.round) + problems
        if application.status == S.INFO_REQUESTED and not answer.strip():
            problems.append(_("Beantwoord de vraag van de provincie."))
        if problems:
            raise GrantError(" ".join(problems))
        frm = application.status
        to = S.SUBMITTED if frm == S.DRAFT else S.IN_REVIEW
        application.status = to
        application.submitted_at = application.submitted_at or timezone.now()
        application.save(update_fields=["status", "submitted_at", "updated_at"])
        _log(application, frm, to, user, reason=answer.strip())
    _send_submission_mail(application, user, resubmitted=(frm != S.DRAFT))
    return application, True


def application_pdf(application: Application) -> bytes:
    return render_pdf("grants/pdf/application.html", {"application": application,
                                                       "activities": application.activities.all(),
                                                       "attachments": application.attachments.all()})


def _send_submission_mail(application, user, resubmitted: bool):
    send_templated_mail(
        "grants/email/submitted", {"application": application, "resubmitted": resubmitted},
        to=[user.email, *board_emails(application.place)],
        attachments=[(f"aanvraag-{application.number}.pdf", application_pdf(application), "application/pdf")])


# -- review and award ----------------------------------------------------------------------------
def _check_move(application: Application, to: str, actor: str, reason: str, expected: str | None):
    if expected and application.status != expected:
        last = application.history.order_by("-at", "-pk").first()
        who = last.by if last and last.by else _("een andere medewerker")
        raise GrantError(_("Deze aanvraag is intussen al behandeld door %(who)s: de status is nu '%(status)s'. "
                           "Bekijk de aanvraag opnieuw.") % {"who": who, "status": application.get_status_display()})
    rule = TRANSITIONS.get((application.status, to))
    if rule is None or rule[0] != actor:
        raise GrantError(_("Dat kan niet: een aanvraag met status '%(status)s' kan niet naar '%(to)s'.")
                         % {"status": application.get_status_display(), "to": S(to).label})
    if rule[1] and not reason.strip():
        raise GrantError(_("Geef een toelichting bij deze stap."))


def awarded_total(round_: Round) -> Decimal:
    return Award.objects.filter(round=round_).aggregate(total=Sum("amount"))["total"] or Decimal(0)


@dataclass
class Outcome:
    application: Application
    message: str
    award: Award | None = None


def decide(application_id: int, to: str, user, reason: str = "", expected: str | None = None) -> Outcome:
    """An officer moves an application: start review, ask for information, award, reject or waitlist."""
    with transaction.atomic():
        application = _lock_application(application_id)
        _check_move(application, to, OFFICER, reason, expected)
        award = None
        message = _("De aanvraag heeft nu de status '%(status)s'.")
        if to == S.AWARDED:
            round_ = Round.objects.select_for_update().get(pk=application.round_id)  # one decision per round
            if application.needs_second_approval and application.first_approval_by_id is None:
                application.first_approval_by, application.first_approval_at = user, timezone.now()
                application.save(update_fields=["first_approval_by", "first_approval_at", "updated_at"])
                _log(application, application.status, application.status, user, reason, note="first_approval")
                return Outcome(application, _("Eerste akkoord vastgelegd. Boven € %(limit)s moet een tweede "
                                              "medewerker de toekenning goedkeuren.")
                               % {"limit": round_.four_eyes_threshold})
            if application.needs_second_approval and application.first_approval_by_id == user.pk:
                raise GrantError(_("U gaf al het eerste akkoord. Een andere medewerker moet het tweede akkoord "
                                   "geven (vier ogen)."))
            if awarded_total(round_) + application.amount > round_.budget:
                if application.status == S.WAITLISTED:
                    raise GrantError(_("Het budget van deze ronde is nog steeds op; de aanvraag blijft op de "
                                       "wachtlijst."))
                to = S.WAITLISTED
                reason = _("Het budget van de ronde is op. %(reason)s") % {"reason": reason}
                message = _("Het budget van deze ronde is op: de aanvraag staat nu op de wachtlijst.")
            else:
                award = _create_award(application, timezone.localdate())
        frm = application.status
        application.status = to
        if to in (S.AWARDED, S.REJECTED, S.WAITLISTED):
            application.decided_at = timezone.now()
        application.save(update_fields=["status", "decided_at", "updated_at"])
        _log(application, frm, to, user, reason)
    if to == S.INFO_REQUESTED:
        send_templated_mail("grants/email/info_requested", {"application": application, "question": reason},
                            to=board_emails(application.place))
    elif to in (S.AWARDED, S.REJECTED, S.WAITLISTED):
        send_templated_mail("grants/email/decision", {"application": application, "reason": reason},
                            to=board_emails(application.place),
                            attachments=[(f"besluit-{application.number}.pdf", decision_letter(application),
                                          "application/pdf")])
    return Outcome(application, message % {"status": application.get_status_display()}, award)


def _create_award(application: Application, today: date) -> Award:
    round_ = application.round
    return Award.objects.create(
        code=application.number, round=round_, place=application.place, application=application,
        amount=application.amount, hours_due=Award.hours_for(application.amount, round_.repayment_rate),
        awarded_on=today, due_date=add_months(today, round_.repayment_months))


def withdraw(application_id: int, user, reason: str = "") -> Application:
    with transaction.atomic():
        application = _lock_application(application_id)
        if application.status == S.WITHDRAWN:
            return application
        _check_move(application, S.WITHDRAWN, APPLICANT, reason, None)
        frm = application.status
        application.status = S.WITHDRAWN
        application.save(update_fields=["status", "updated_at"])
        _log(application, frm, S.WITHDRAWN, user, reason)
    return application


def decision_letter(application: Application) -> bytes:
    award = Award.objects.filter(application=application).first()
    decision = application.history.filter(to_status=application.status).order_by("-at", "-pk").first()
    return render_pdf("grants/pdf/decision.html", {"application": application, "award": award,
                                                    "decision": decision, "today": timezone.localdate()})


def waitlist(round_: Round):
    """Waitlisted applications in priority order: first-timers first (if the round says so), then oldest."""
    order = ["-first_timer", "submitted_at", "pk"] if round_.first_timer_priority else ["submitted_at", "pk"]
    return round_.applications.filter(status=S.WAITLISTED).select_related("place").order_by(*order)


# -- payments ------------------------------------------------------------------------------------
def _lock_award(award_id: int) -> Award:
    return Award.objects.select_for_update().select_related("round", "place").get(pk=award_id)


@transaction.atomic
def register_payment(award_id: int, *, paid_on: date, amount: Decimal, reference: str, user) -> Payment:
    award = _lock_award(award_id)
    if amount <= 0:
        raise GrantError(_("Vul een bedrag groter dan nul in."))
    if award.amount_paid + amount > award.amount:
        raise GrantError(_("Dat is meer dan de toekenning: er staat nog € %(open)s open van € %(amount)s.")
                         % {"open": award.amount_unpaid, "amount": award.amount})
    if paid_on < award.awarded_on:
        raise GrantError(_("De betaaldatum ligt voor de datum van toekenning (%(date)s).")
                         % {"date": award.awarded_on.strftime("%d-%m-%Y")})
    payment = Payment.objects.create(award=award, paid_on=paid_on, amount=amount, reference=reference,
                                     created_by=user)
    award.amount_paid += amount
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
            "start": award.awarded_on.strftime("%d-%m-%Y"), "end": award.due_date.strftime("%d-%m-%Y")}
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
    entry = HourEntry.objects.create(
        award=award, activity=data.activity, activity_title=(data.activity.title if data.activity
                                                             else data.activity_title)[:150],
        date=data.date, volunteers=data.volunteers, hours=data.hours, description=data.description,
        evidence=data.evidence or "", evidence_kind=evidence_kind, created_by=user)
    refresh_totals(award)
    return entry


@transaction.atomic
def decide_entry(entry_id: int, *, approve: bool, reason: str, user) -> HourEntry:
    entry = HourEntry.objects.select_for_update().get(pk=entry_id)
    award = _lock_award(entry.award_id)
    if entry.status != EntryStatus.PENDING:
        raise GrantError(_("Deze uren zijn al beoordeeld (%(status)s) door %(who)s.")
                         % {"status": entry.get_status_display(), "who": entry.decided_by or "–"})
    if not approve and not reason.strip():
        raise GrantError(_("Geef een reden waarom u deze uren afkeurt; het bestuur ziet die reden."))
    entry.status = EntryStatus.APPROVED if approve else EntryStatus.REJECTED
    entry.reason, entry.decided_by, entry.decided_at = reason.strip(), user, timezone.now()
    entry.save(update_fields=["status", "reason", "decided_by", "decided_at"])
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
    reversal = HourEntry.objects.create(
        award=award, activity=entry.activity, activity_title=entry.activity_title, date=entry.date,
        volunteers=entry.volunteers, hours=-entry.hours,
        description=(_("Correctie: %(reason)s") % {"reason": reason.strip()})[:300],
        status=EntryStatus.APPROVED, reason=reason.strip(), reverses=entry,
        created_by=user, decided_by=user, decided_at=timezone.now())
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
def settle(award_id: int, today: date | None = None) -> Settlement | None:
    """At the due date: settled when the hours are done, otherwise a proposal. Idempotent."""
    today = today or timezone.localdate()
    award = _lock_award(award_id)
    if award.due_date > today or Settlement.objects.filter(award=award).exists():
        return None
    remaining = award.hours_remaining
    if remaining == 0:
        settlement = Settlement.objects.create(award=award, remaining_hours=0, proposed_amount=0, final_amount=0,
                                               outcome=SettlementOutcome.SETTLED, decided_at=timezone.now())
        award.status = AwardStatus.SETTLED
    else:
        proposed = (remaining * award.round.repayment_rate).quantize(Decimal("0.01"))
        settlement = Settlement.objects.create(award=award, remaining_hours=remaining, proposed_amount=proposed)
        award.status = AwardStatus.SETTLEMENT_PROPOSED
    award.save(update_fields=["status"])
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
    award.status = AwardStatus.SETTLED
    award.save(update_fields=["status"])
    return settlement
