"""Statuses and the explicit transition tables of the Sociale Hypotheek (core.workflow, ADR 0014).

Who may make a move is part of the table: the applicant (the place's board) or an officer (province
staff). A move not in the table does not exist; services refuse it with a Dutch message.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.core.workflow import REASON, Workflow, WorkflowError, register, step


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
    HISTORIC = "historic", _("Historisch, niet afrekenen")  # imported from before Ontmoet: never settled here


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
_REASON = [REASON]


class GrantError(WorkflowError):
    """A refused action, with a Dutch message that says what to do instead."""


_REFUSED = _("Dat kan niet: een aanvraag met status '%(from)s' kan niet naar '%(to)s'.")

APPLICATION = register(Workflow(
    name="grants-application", title=_("Aanvraag voor de Sociale Hypotheek"), model="grants.Application",
    states=S, actors={APPLICANT: _("aanvrager (bestuur)"), OFFICER: _("provinciemedewerker")},
    history="grants.StatusChange", subject="application", initial=S.DRAFT, error=GrantError,
    refused_message=_REFUSED, actor_message=_REFUSED,
    transitions=[
        step(S.DRAFT, S.SUBMITTED, APPLICANT, _("Indienen")),
        step(S.SUBMITTED, S.IN_REVIEW, OFFICER, _("In behandeling nemen")),
        step(S.IN_REVIEW, S.INFO_REQUESTED, OFFICER, _("Informatie vragen"), _REASON),
        # The answer, with the resubmitted application.
        step(S.INFO_REQUESTED, S.IN_REVIEW, APPLICANT, _("Opnieuw indienen"), _REASON),
        step(S.IN_REVIEW, S.AWARDED, OFFICER, _("Toekennen"), _REASON),
        step(S.IN_REVIEW, S.REJECTED, OFFICER, _("Afwijzen"), _REASON),
        step(S.IN_REVIEW, S.WAITLISTED, OFFICER, _("Op de wachtlijst zetten"), _REASON),
        step(S.WAITLISTED, S.AWARDED, OFFICER, _("Toekennen"), _REASON),
        step(S.WAITLISTED, S.REJECTED, OFFICER, _("Afwijzen"), _REASON),
        step(S.DRAFT, S.WITHDRAWN, APPLICANT, _("Intrekken")),
        step(S.SUBMITTED, S.WITHDRAWN, APPLICANT, _("Intrekken")),
        step(S.IN_REVIEW, S.WITHDRAWN, APPLICANT, _("Intrekken")),
        step(S.INFO_REQUESTED, S.WITHDRAWN, APPLICANT, _("Intrekken")),
        step(S.WAITLISTED, S.WITHDRAWN, APPLICANT, _("Intrekken")),
    ]))

# (from, to) -> (who may do it, reason required), for callers that read the table that way.
TRANSITIONS = {(t.source, t.target): (next(iter(t.actors)), t.reason_required) for t in APPLICATION.transitions}

# The officer's decisions, as offered on the review page.
DECISIONS = [S.AWARDED, S.REJECTED, S.WAITLISTED]


def allowed_moves(status: str, actor: str) -> list[str]:
    return APPLICATION.targets(status, actor)


def reason_required(frm: str, to: str) -> bool:
    return APPLICATION.transition(frm, to).reason_required


# -- awards and the hours ledger ------------------------------------------------------------------
SYSTEM = "system"
A, E = AwardStatus, EntryStatus

# An award starts when an officer awards an application (or imports an old one, then possibly already
# settled); at the due date the settlement service proposes what is left to repay, or closes it when the
# hours are done; an officer decides on a proposal. The outcome itself is kept on the Settlement.
AWARD = register(Workflow(
    name="grants-award", title=_("Toekenning van de Sociale Hypotheek"), model="grants.Award",
    states=A, actors={OFFICER: _("provinciemedewerker"), SYSTEM: _("systeem (einddatum)")},
    history="grants.AwardChange", subject="award", error=GrantError,
    transitions=[
        step("", A.ACTIVE, OFFICER, _("Toekennen")),
        step("", A.SETTLED, OFFICER, _("Importeren (afgelost)")),
        step("", A.HISTORIC, OFFICER, _("Importeren (historisch, niet afrekenen)")),
        step(A.ACTIVE, A.SETTLEMENT_PROPOSED, {OFFICER, SYSTEM}, _("Afrekening voorstellen")),
        step(A.ACTIVE, A.SETTLED, {OFFICER, SYSTEM}, _("Afronden (uren gedaan)")),
        step(A.SETTLEMENT_PROPOSED, A.SETTLED, OFFICER, _("Over de afrekening besluiten")),
    ]))

# The board logs hours; province staff approve or reject them (a rejection says why). A correction is a
# new, approved reversing entry, made by staff with a reason; an import is approved on arrival too.
ENTRY = register(Workflow(
    name="grants-hour-entry", title=_("Vrijwilligersuren van een toekenning"), model="grants.HourEntry",
    states=E, actors={APPLICANT: _("aanvrager (bestuur)"), OFFICER: _("provinciemedewerker")},
    history="grants.HourEntryChange", subject="entry", error=GrantError,
    transitions=[
        step("", E.PENDING, APPLICANT, _("Uren invoeren")),
        step("", E.APPROVED, OFFICER, _("Correctie of import boeken"), _REASON),
        step(E.PENDING, E.APPROVED, OFFICER, _("Goedkeuren")),
        step(E.PENDING, E.REJECTED, OFFICER, _("Afkeuren"), _REASON,
             missing_message=_("Geef een reden waarom u deze uren afkeurt; het bestuur ziet die reden.")),
    ]))
