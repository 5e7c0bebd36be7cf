"""Eligibility, drafts, attachments and submitting an application."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ontmoet.core.mail import LaterAttachment, send_templated_mail
from ontmoet.core.pdf import render_pdf
from ontmoet.core.uploads import validate_attachment
from ontmoet.places.selectors import board_emails

from .. import requirements
from ..models import Application, Attachment, Award, PlannedActivity, Round
from ..workflows import APPLICANT, APPLICATION
from .common import ATTACHMENT_MAX_BYTES, MAX_ATTACHMENTS, GrantError, S, _log


# -- eligibility ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """Why a place cannot apply: a code for the program, a message in words for the board.

    Code reads the code, never the message: messages are translated (the review checklist once filtered
    on Dutch words and broke in English).
    """

    code: str
    message: str

    def __str__(self) -> str:
        return str(self.message)


# Problems of the round (its province and dates), not of the place.
ROUND_PROBLEMS = frozenset({"other_province", "round_closed"})


def eligibility_problems(place, round_: Round, today: date | None = None) -> list[Problem]:
    """Why this place cannot apply in this round (empty list: it can)."""
    today = today or timezone.localdate()
    problems = []
    if round_.province_id != place.municipality.province_id:
        problems.append(Problem("other_province", _("Deze ronde is voor plekken in een andere provincie.")))
    if not round_.is_open_on(today):
        problems.append(Problem("round_closed", _("Aanvragen kan van %(start)s tot en met %(end)s.") % {
            "start": date_format(round_.opens_on), "end": date_format(round_.closes_on)}))
    if place.status != "actief":
        problems.append(Problem("not_active", _("Uw plek staat in het register niet als actief.")))
    facilities = place.facilities.count()
    has_meeting = place.activities.exists()
    if not has_meeting:
        problems.append(Problem("no_meeting", _(
            "Uw plek heeft geen ontmoetingsfunctie: er staan geen activiteiten in het register. "
            "Vul de activiteiten van uw plek aan.")))
    if facilities + (1 if has_meeting else 0) < 2:
        problems.append(Problem("too_few_functions", _(
            "Uw plek heeft minder dan twee maatschappelijke functies: naast ontmoeting staat er "
            "geen voorziening (zoals bibliotheek, sport of kinderopvang) in het register.")))
    if place.legal_form not in ("stichting", "vereniging", "kerkelijk"):
        problems.append(Problem("legal_form", _(
            "Alleen een stichting, vereniging of kerkelijke organisatie kan aanvragen; vul de "
            "rechtsvorm van uw plek in het register in.")))
    return problems


def is_first_timer(place, round_: Round) -> bool:
    return not Application.objects.filter(place=place).exclude(round=round_).exclude(
        status__in=[S.DRAFT, S.WITHDRAWN]).exists() and not Award.objects.filter(place=place).exclude(
        round=round_).exists()


@transaction.atomic
def start_application(round_: Round, place, user) -> Application:
    """The place's open application in this round, or a new draft. Starting twice gives the same one."""
    problems = eligibility_problems(place, round_)
    existing = Application.objects.filter(round=round_, place=place).exclude(status=S.WITHDRAWN).first()
    if existing:
        return existing
    if problems:
        raise GrantError(" ".join(problem.message for problem in problems))
    try:
        with transaction.atomic():
            application = Application.objects.create(round=round_, place=place, created_by=user,
                                                     first_timer=is_first_timer(place, round_))
    except IntegrityError:
        # The same start posted twice at the same moment: the other request made it.
        return Application.objects.exclude(status=S.WITHDRAWN).get(round=round_, place=place)
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
    """Everything that must be right before an application can be submitted, in Dutch (grants.requirements)."""
    return requirements.problems(application)


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
            problems = [problem.message for problem in eligibility_problems(application.place,
                                                                            application.round)] + problems
        if application.status == S.INFO_REQUESTED and not answer.strip():
            problems.append(_("Beantwoord de vraag van de provincie."))
        if problems:
            raise GrantError(" ".join(problems))
        frm = application.status
        to = S.SUBMITTED if frm == S.DRAFT else S.IN_REVIEW
        application.submitted_at = application.submitted_at or timezone.now()
        moved = APPLICATION.move(application, to, actor=APPLICANT, by=user, reason=answer.strip(),
                                 fields=["submitted_at"])
        # Queued in the same transaction, delivered after the commit (core.mail); keyed on this move.
        _send_submission_mail(application, user, resubmitted=(frm != S.DRAFT), key=f"grants.submitted:{moved.pk}")
    return application, True


def application_pdf(application: Application) -> bytes:
    return render_pdf("grants/pdf/application.html", {"application": application,
                                                       "activities": application.activities.all(),
                                                       "attachments": application.attachments.all()})


def application_pdf_by_id(application_id: int) -> bytes:
    """The confirmation's PDF, made by the worker when the mail is delivered (core.mail.LaterAttachment)."""
    return application_pdf(Application.objects.get(pk=application_id))


def _send_submission_mail(application, user, resubmitted: bool, key: str):
    send_templated_mail(
        "grants/email/submitted", {"application": application, "resubmitted": resubmitted},
        to=[user.email, *board_emails(application.place)], key=key,
        attachments=[LaterAttachment(f"aanvraag-{application.number}.pdf",
                                     "ontmoet.grants.services.applying.application_pdf_by_id", (application.pk,))])
