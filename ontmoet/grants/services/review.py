"""The officers' decisions on applications, withdrawal and the waiting list."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.core.mail import send_templated_mail
from ontmoet.core.pdf import render_pdf
from ontmoet.places.selectors import board_emails

from .. import requirements
from ..models import Application, Award, Round
from ..workflows import APPLICANT, APPLICATION, AWARD, OFFICER, AwardStatus
from .applying import _lock_application
from .common import GrantError, S, _log, add_months


# -- review and award ----------------------------------------------------------------------------
def _check_move(application: Application, to: str, actor: str, reason: str, expected: str | None):
    if expected and application.status != expected:
        last = application.history.order_by("-at", "-pk").first()
        who = last.by if last and last.by else _("een andere medewerker")
        raise GrantError(_("Deze aanvraag is intussen al behandeld door %(who)s: de status is nu '%(status)s'. "
                           "Bekijk de aanvraag opnieuw.") % {"who": who, "status": application.get_status_display()})
    APPLICATION.check(application.status, to, actor, reason=reason)


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
            missing = requirements.problems(application)  # the same list that submitting checked
            if missing:
                raise GrantError(_("Toekennen kan niet: de aanvraag is niet compleet. %(problems)s")
                                 % {"problems": " ".join(missing)})
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
                award = _create_award(application, timezone.localdate(), user)
        if to in (S.AWARDED, S.REJECTED, S.WAITLISTED):
            application.decided_at = timezone.now()
        APPLICATION.move(application, to, actor=OFFICER, by=user, reason=reason, fields=["decided_at"])
    if to == S.INFO_REQUESTED:
        send_templated_mail("grants/email/info_requested", {"application": application, "question": reason},
                            to=board_emails(application.place))
    elif to in (S.AWARDED, S.REJECTED, S.WAITLISTED):
        send_templated_mail("grants/email/decision", {"application": application, "reason": reason},
                            to=board_emails(application.place),
                            attachments=[(f"besluit-{application.number}.pdf", decision_letter(application),
                                          "application/pdf")])
    return Outcome(application, message % {"status": application.get_status_display()}, award)


def _create_award(application: Application, today: date, user) -> Award:
    round_ = application.round
    award = Award(
        code=application.number, round=round_, place=application.place, application=application,
        amount=application.amount, hours_due=Award.hours_for(application.amount, round_.repayment_rate),
        awarded_on=today, due_date=add_months(today, round_.repayment_months), status="")
    AWARD.move(award, AwardStatus.ACTIVE, actor=OFFICER, by=user)
    return award


def withdraw(application_id: int, user, reason: str = "") -> Application:
    with transaction.atomic():
        application = _lock_application(application_id)
        if application.status == S.WITHDRAWN:
            return application
        _check_move(application, S.WITHDRAWN, APPLICANT, reason, None)
        APPLICATION.move(application, S.WITHDRAWN, actor=APPLICANT, by=user, reason=reason)
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
