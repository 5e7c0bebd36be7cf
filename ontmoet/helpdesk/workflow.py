"""The status machine of a question as an explicit table: (from, to) -> who may make that move.

Actors: HANDLER (province staff of the place's province, or the assigned expert or team member),
PLACE (a board member of the place) and SYSTEM (commands such as auto-close). Services check this
table; views only offer the moves it allows.
"""

from django.utils.translation import gettext_lazy as _

from .models import Status

HANDLER, PLACE, SYSTEM = "handler", "place", "system"

TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (Status.NEW, Status.TRIAGED): frozenset({HANDLER}),
    (Status.NEW, Status.IN_PROGRESS): frozenset({HANDLER}),
    (Status.NEW, Status.WAITING): frozenset({HANDLER}),  # e.g. asking for a photo straight away
    (Status.NEW, Status.DUPLICATE): frozenset({HANDLER}),
    (Status.TRIAGED, Status.IN_PROGRESS): frozenset({HANDLER}),
    (Status.TRIAGED, Status.WAITING): frozenset({HANDLER}),
    (Status.TRIAGED, Status.DUPLICATE): frozenset({HANDLER}),
    (Status.IN_PROGRESS, Status.WAITING): frozenset({HANDLER}),
    (Status.IN_PROGRESS, Status.RESOLVED): frozenset({HANDLER}),
    (Status.IN_PROGRESS, Status.DUPLICATE): frozenset({HANDLER}),
    # The place answering a question resumes the clock.
    (Status.WAITING, Status.IN_PROGRESS): frozenset({HANDLER, PLACE, SYSTEM}),
    (Status.WAITING, Status.RESOLVED): frozenset({HANDLER}),
    (Status.REOPENED, Status.IN_PROGRESS): frozenset({HANDLER}),
    (Status.REOPENED, Status.WAITING): frozenset({HANDLER}),
    (Status.REOPENED, Status.RESOLVED): frozenset({HANDLER}),
    (Status.RESOLVED, Status.CLOSED): frozenset({HANDLER, PLACE, SYSTEM}),
    (Status.RESOLVED, Status.REOPENED): frozenset({HANDLER, PLACE}),
    (Status.CLOSED, Status.REOPENED): frozenset({HANDLER, PLACE}),
    (Status.DUPLICATE, Status.REOPENED): frozenset({HANDLER}),
}

# Labels for the buttons that make each move (what the person does, not where it ends up).
ACTION_LABELS = {
    Status.TRIAGED: _("Beoordeeld"),
    Status.IN_PROGRESS: _("In behandeling nemen"),
    Status.WAITING: _("Wacht op de plek"),
    Status.RESOLVED: _("Oplossen"),
    Status.CLOSED: _("Sluiten"),
    Status.REOPENED: _("Heropenen"),
    Status.DUPLICATE: _("Markeren als dubbel"),
}


class TransitionError(Exception):
    """A move the table does not allow, or that lacks what it requires; the message is for people."""


def can_move(from_status: str, to_status: str, actor: str) -> bool:
    return actor in TRANSITIONS.get((from_status, to_status), frozenset())


def next_statuses(from_status: str, actor: str) -> list[str]:
    return [to for (start, to), actors in TRANSITIONS.items() if start == from_status and actor in actors]
