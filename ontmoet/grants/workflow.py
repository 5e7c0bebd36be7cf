"""Statuses and the explicit transition tables of the Sociale Hypotheek.

Who may make a move is part of the table: the applicant (the place's board) or an officer (province
staff). A move not in the table does not exist; services refuse it with a Dutch message.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SUBMITTED = "submitted", _("Ingediend")
    IN_REVIEW = "in_review", _("In behandeling")
    INFO_REQUESTED = "info_requested", _("Informatie gevraagd")
    AWARDED = "awarded", _("Toegekend")
    REJECTED = "rejected", _("Afgewezen")
    WAITLISTED = "waitlisted", _("Op de wachtlijst")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class AwardStatus(models.TextChoices):
    ACTIVE = "active", _("Lopend")
    SETTLEMENT_PROPOSED = "proposed", _("Afrekening voorgesteld")
    SETTLED = "settled", _("Afgerond")


class EntryStatus(models.TextChoices):
    PENDING = "pending", _("Te beoordelen")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgekeurd")


class SettlementOutcome(models.TextChoices):
    PROPOSED = "proposed", _("Voorstel")
    SETTLED = "settled", _("Afgelost in uren")
    CONFIRMED = "confirmed", _("Terugbetaling bevestigd")
    REDUCED = "reduced", _("Terugbetaling verlaagd")
    WRITTEN_OFF = "written_off", _("Kwijtgescholden")


APPLICANT, OFFICER = "applicant", "officer"
S = ApplicationStatus

# (from, to) -> (who may do it, reason required)
TRANSITIONS = {
    (S.DRAFT, S.SUBMITTED): (APPLICANT, False),
    (S.SUBMITTED, S.IN_REVIEW): (OFFICER, False),
    (S.IN_REVIEW, S.INFO_REQUESTED): (OFFICER, True),
    (S.INFO_REQUESTED, S.IN_REVIEW): (APPLICANT, True),  # the answer, with the resubmitted application
    (S.IN_REVIEW, S.AWARDED): (OFFICER, True),
    (S.IN_REVIEW, S.REJECTED): (OFFICER, True),
    (S.IN_REVIEW, S.WAITLISTED): (OFFICER, True),
    (S.WAITLISTED, S.AWARDED): (OFFICER, True),
    (S.WAITLISTED, S.REJECTED): (OFFICER, True),
    (S.DRAFT, S.WITHDRAWN): (APPLICANT, False),
    (S.SUBMITTED, S.WITHDRAWN): (APPLICANT, False),
    (S.IN_REVIEW, S.WITHDRAWN): (APPLICANT, False),
    (S.INFO_REQUESTED, S.WITHDRAWN): (APPLICANT, False),
    (S.WAITLISTED, S.WITHDRAWN): (APPLICANT, False),
}

# The officer's decisions, as offered on the review page.
DECISIONS = [S.AWARDED, S.REJECTED, S.WAITLISTED]


def allowed_moves(status: str, actor: str) -> list[str]:
    return [to for (frm, to), (who, _reason) in TRANSITIONS.items() if frm == status and who == actor]


def reason_required(frm: str, to: str) -> bool:
    return TRANSITIONS[(frm, to)][1]
