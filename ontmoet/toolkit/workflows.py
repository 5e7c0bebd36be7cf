"""The status of a Quickscan, as a transition table (core.workflow, ADR 0014).

The initiative's team (its owner and partners) decide go or no-go and may reopen a decision.
The initiative's free-text log (toolkit.Event) still tells the story; the moves are kept here.
"""

from django.utils.translation import gettext_lazy as _

from ontmoet.core.workflow import Workflow, WorkflowError, register, step

from .models import Quickscan

TEAM = "team"
S = Quickscan.Status


class QuickscanError(WorkflowError, ValueError):
    """ValueError as before, for callers that caught that."""


QUICKSCAN = register(Workflow(
    name="toolkit-quickscan", title=_("Quickscan"), model="toolkit.Quickscan", states=S,
    actors={TEAM: _("initiatiefnemer of partner")}, history="toolkit.QuickscanStatusChange", subject="quickscan",
    initial=S.DRAFT, error=QuickscanError,
    transitions=[
        step(S.DRAFT, S.DECIDED, TEAM, _("Quickscan afronden")),
        step(S.DECIDED, S.DRAFT, TEAM, _("Besluit heropenen")),
    ]))
