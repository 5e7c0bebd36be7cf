"""The status of a booking request (core.workflow, ADR 0014).

REQUESTER is whoever holds the personal link (no account); BOARD a board member of the place. A decline
and a cancellation need a reason: the other side receives it by mail.
"""

from django.utils.translation import gettext_lazy as _

from ontmoet.core.workflow import REASON, Workflow, WorkflowError, register, step

from .models import RequestStatus as S

REQUESTER, BOARD = "requester", "board"


class RequestError(WorkflowError):
    """A move the table does not allow, or without its reason; the message is for people."""


CANCEL = _("Annuleren")
REASON_MESSAGE = _("Geef een reden; de ander krijgt die te lezen.")

REQUEST = register(Workflow(
    name="rooms-request", title=_("Boekingsaanvraag voor een ruimte"), model="rooms.BookingRequest", states=S,
    actors={REQUESTER: _("aanvrager"), BOARD: _("bestuur van de plek")},
    history="rooms.RequestStatusChange", subject="request", initial=S.REQUESTED, error=RequestError,
    transitions=[
        step("", S.REQUESTED, REQUESTER, _("Aanvraag indienen")),
        step(S.REQUESTED, S.ACCEPTED, BOARD, _("Alles accepteren")),
        step(S.REQUESTED, S.PARTLY, BOARD, _("Accepteren behalve de gekozen data")),
        step(S.REQUESTED, S.DECLINED, BOARD, _("Afwijzen"), (REASON,), REASON_MESSAGE),
        # A waiting request is withdrawn by its requester; the board declines it instead.
        step(S.REQUESTED, S.CANCELLED, REQUESTER, CANCEL, (REASON,), REASON_MESSAGE),
        step(S.ACCEPTED, S.CANCELLED, {REQUESTER, BOARD}, CANCEL, (REASON,), REASON_MESSAGE),
        step(S.PARTLY, S.CANCELLED, {REQUESTER, BOARD}, CANCEL, (REASON,), REASON_MESSAGE),
    ]))
