"""The status of a monitor invitation, as a transition table (core.workflow, ADR 0014).

The respondent moves it through the personal link; province staff move it when they take the
questionnaire by phone, import answers, note a refusal or reopen a response for a correction.
"""

from django.utils.translation import gettext_lazy as _

from ontmoet.core.workflow import REASON, Workflow, WorkflowError, register, step

from .models import Status

RESPONDENT, STAFF = "respondent", "staff"
BOTH = {RESPONDENT, STAFF}


class TransitionError(WorkflowError, ValueError):
    """Kept for callers that catch the monitor's own error (or ValueError)."""


INVITATION = register(Workflow(
    name="monitor-invitation", title=_("Uitnodiging voor de monitor"), model="monitor.Invitation", states=Status,
    actors={RESPONDENT: _("respondent"), STAFF: _("provinciemedewerker")},
    history="monitor.InvitationEvent", subject="invitation", initial=Status.INVITED, error=TransitionError,
    transitions=[
        step(Status.INVITED, Status.OPENED, RESPONDENT, _("Link openen")),
        step(Status.INVITED, Status.PARTIAL, BOTH, _("Tussentijds opslaan")),
        step(Status.INVITED, Status.COMPLETE, BOTH, _("Inleveren")),
        step(Status.INVITED, Status.DECLINED, BOTH, _("Afzien")),
        step(Status.OPENED, Status.PARTIAL, BOTH, _("Tussentijds opslaan")),
        step(Status.OPENED, Status.COMPLETE, BOTH, _("Inleveren")),
        step(Status.OPENED, Status.DECLINED, BOTH, _("Afzien")),
        step(Status.PARTIAL, Status.COMPLETE, BOTH, _("Inleveren")),
        step(Status.PARTIAL, Status.DECLINED, BOTH, _("Afzien")),
        # Staff reopen a complete response for a correction by phone.
        step(Status.COMPLETE, Status.PARTIAL, STAFF, _("Heropenen voor correctie"), requires=[REASON]),
        step(Status.DECLINED, Status.PARTIAL, BOTH, _("Toch tussentijds opslaan")),
        step(Status.DECLINED, Status.COMPLETE, BOTH, _("Toch inleveren")),
    ]))
