"""The status machines of a question and of a knowledge-base article (core.workflow, ADR 0014).

Actors of a question: HANDLER (province staff of the place's province, or the assigned expert or team
member), PLACE (a board member of the place) and SYSTEM (commands such as auto-close). Articles are
moved by EDITOR (province staff who keep the knowledge base). Services move through these tables;
views only offer the moves they allow.
"""

from django.utils.translation import gettext_lazy as _

from ontmoet.core.workflow import Workflow, WorkflowError, register, step

from .models import ArticleStatus, Status

HANDLER, PLACE, SYSTEM, EDITOR = "handler", "place", "system", "editor"


class TransitionError(WorkflowError):
    """A move the table does not allow, or that lacks what it requires; the message is for people."""


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


# What a move needs besides the status, one definition for the service, the form and the page (which
# shows these fields only for their status): field name -> the message when it is missing.
STATUS_FIELDS = {
    Status.RESOLVED: {
        "summary": _("Vul een korte samenvatting van de oplossing in."),
        "tags": _("Vul minstens één trefwoord in."),
    },
    Status.DUPLICATE: {
        "original": _("Kies de oorspronkelijke vraag waarvan dit een dubbele is."),
    },
}


def _q(source, target, actors):
    return step(source, target, actors, ACTION_LABELS[target])


QUESTION = register(Workflow(
    name="helpdesk-question", title=_("Vraag aan het meldpunt"), model="helpdesk.Question", states=Status,
    actors={HANDLER: _("behandelaar"), PLACE: _("plek"), SYSTEM: _("systeem")},
    history="helpdesk.StatusChange", subject="question", initial=Status.NEW, error=TransitionError,
    transitions=[
        _q(Status.NEW, Status.TRIAGED, HANDLER),
        _q(Status.NEW, Status.IN_PROGRESS, HANDLER),
        _q(Status.NEW, Status.WAITING, HANDLER),  # e.g. asking for a photo straight away
        _q(Status.NEW, Status.DUPLICATE, HANDLER),
        # A handler resolves in one step from any open status: a quick answer needs no detour.
        _q(Status.NEW, Status.RESOLVED, HANDLER),
        _q(Status.TRIAGED, Status.RESOLVED, HANDLER),
        _q(Status.TRIAGED, Status.IN_PROGRESS, HANDLER),
        _q(Status.TRIAGED, Status.WAITING, HANDLER),
        _q(Status.TRIAGED, Status.DUPLICATE, HANDLER),
        _q(Status.IN_PROGRESS, Status.WAITING, HANDLER),
        _q(Status.IN_PROGRESS, Status.RESOLVED, HANDLER),
        _q(Status.IN_PROGRESS, Status.DUPLICATE, HANDLER),
        # The place answering a question resumes the clock.
        _q(Status.WAITING, Status.IN_PROGRESS, {HANDLER, PLACE, SYSTEM}),
        _q(Status.WAITING, Status.RESOLVED, HANDLER),
        _q(Status.REOPENED, Status.IN_PROGRESS, HANDLER),
        _q(Status.REOPENED, Status.WAITING, HANDLER),
        _q(Status.REOPENED, Status.RESOLVED, HANDLER),
        _q(Status.RESOLVED, Status.CLOSED, {HANDLER, PLACE, SYSTEM}),
        _q(Status.RESOLVED, Status.REOPENED, {HANDLER, PLACE}),
        _q(Status.CLOSED, Status.REOPENED, {HANDLER, PLACE}),
        _q(Status.DUPLICATE, Status.REOPENED, HANDLER),
    ]))

ARTICLE = register(Workflow(
    name="helpdesk-article", title=_("Artikel in de kennisbank"), model="helpdesk.Article", states=ArticleStatus,
    actors={EDITOR: _("redacteur")}, history="helpdesk.ArticleStatusChange", subject="article",
    initial=ArticleStatus.DRAFT, error=TransitionError,
    transitions=[
        step(ArticleStatus.DRAFT, ArticleStatus.PUBLISHED, EDITOR, _("Publiceren")),
        step(ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED, EDITOR, _("Archiveren")),
        step(ArticleStatus.PUBLISHED, ArticleStatus.DRAFT, EDITOR, _("Terug naar concept")),
        step(ArticleStatus.ARCHIVED, ArticleStatus.DRAFT, EDITOR, _("Terug naar concept")),
    ]))

# The question's table as (from, to) -> actors, for callers that read it that way.
TRANSITIONS = {(t.source, t.target): t.actors for t in QUESTION.transitions}


def can_move(from_status: str, to_status: str, actor: str) -> bool:
    return QUESTION.can(from_status, to_status, actor)


def next_statuses(from_status: str, actor: str) -> list[str]:
    return QUESTION.targets(from_status, actor)
