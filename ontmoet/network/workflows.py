"""The status of an event registration, as a transition table (core.workflow, ADR 0014).

Members register and cancel while logged in; the public register with a form and confirm or cancel
through the link in their mail; a seat that comes free moves the first on the waitlist up by itself.
"""

from django.utils.translation import gettext_lazy as _

from ontmoet.core.workflow import Workflow, WorkflowError, register, step

from .models import RegistrationStatus as S

MEMBER, PUBLIC, SYSTEM = "member", "public", "system"


class RegistrationError(WorkflowError):
    """A refusal with a Dutch message that tells the person what is going on."""


REGISTRATION = register(Workflow(
    name="network-registration", title=_("Aanmelding voor een bijeenkomst"), model="network.Registration",
    states=S, actors={MEMBER: _("lid"), PUBLIC: _("bezoeker via e-maillink"), SYSTEM: _("systeem")},
    history="network.RegistrationChange", subject="registration", error=RegistrationError,
    refused_message=_("Deze aanmelding kan niet van '%(from)s' naar '%(to)s'."),
    transitions=[
        step("", S.CONFIRMED, MEMBER, _("Aanmelden")),
        step("", S.WAITLISTED, MEMBER, _("Aanmelden (vol)")),
        step("", S.PENDING, PUBLIC, _("Aanmelden via het formulier")),
        step(S.PENDING, S.CONFIRMED, PUBLIC, _("Bevestigen")),
        step(S.PENDING, S.WAITLISTED, PUBLIC, _("Bevestigen (vol)")),
        step(S.PENDING, S.CANCELLED, {MEMBER, PUBLIC}, _("Afmelden")),
        step(S.CONFIRMED, S.CANCELLED, {MEMBER, PUBLIC}, _("Afmelden")),
        step(S.WAITLISTED, S.CONFIRMED, SYSTEM, _("Doorschuiven van de wachtlijst")),
        step(S.WAITLISTED, S.CANCELLED, {MEMBER, PUBLIC}, _("Afmelden")),
    ]))
