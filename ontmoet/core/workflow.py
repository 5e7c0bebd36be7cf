"""One mechanism for every status workflow (ADR 0014).

A `Workflow` is a table of `Transition`s on one status field: from, to, who may make the move (actor
kinds such as "officer" or "place"), what must be given (a reason) and the label of the button that
makes it. A move not in the table does not exist. Services call `Workflow.move` inside their own
transaction: it checks the move, sets and saves the status and appends one row to the workflow's
history table (a concrete subclass of `core.models.StatusHistory`). Every refusal is a `WorkflowError`
(or a subclass an app keeps for its callers) with a Dutch message for people.

Apps declare their workflows in `<app>/workflows.py` and `register` them; `all_workflows()` imports
those modules, like the menu and dashboard hooks do, and the `workflow_diagrams` command writes each
table as a Mermaid diagram into docs/workflows/. Core knows no domain app.
"""

import dataclasses
from dataclasses import dataclass
from functools import cache, cached_property

from django.apps import apps
from django.db import transaction
from django.dispatch import Signal
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ontmoet.core.discovery import app_modules

REASON = "reason"
moved_many = Signal()  # sender: the subject model, after `move_many` changed the status of many subjects


class WorkflowError(Exception):
    """A move the table does not allow, by someone who may not make it, or without what it needs."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    actors: frozenset[str]
    label: str = ""
    requires: tuple[str, ...] = ()
    # The message when a required field is missing, if this step needs its own words.
    missing_message: str = ""

    def __post_init__(self):
        object.__setattr__(self, "actors", frozenset(self.actors))
        object.__setattr__(self, "requires", tuple(self.requires))

    @property
    def reason_required(self) -> bool:
        return REASON in self.requires


def step(source, target, actors, label="", requires=(), missing_message="") -> Transition:
    """A row of a table; `actors` may be one kind or several."""
    actors = {actors} if isinstance(actors, str) else set(actors)
    return Transition(str(source), str(target), frozenset(actors), label, tuple(requires), missing_message)


@dataclass
class Workflow:
    """The transition table of one status field, and how its moves are recorded."""

    name: str  # the diagram's file name: docs/workflows/<name>.md
    title: str
    model: str  # "app_label.Model" that holds the status
    states: type  # the TextChoices of the status field
    transitions: list[Transition]
    actors: dict[str, str]  # actor kind -> label
    history: str  # "app_label.Model", a subclass of core.models.StatusHistory
    subject: str  # the history model's foreign key to the subject
    field: str = "status"
    initial: str = ""
    error: type = WorkflowError
    refused_message: str = _("Van '%(from)s' naar '%(to)s' kan niet.")
    actor_message: str = _("U mag deze stap niet zetten: van '%(from)s' naar '%(to)s'.")
    missing_message: str = _("Geef een toelichting bij deze stap.")
    _index: dict = dataclasses.field(default_factory=dict, init=False, repr=False)

    def __post_init__(self):
        assert issubclass(self.error, WorkflowError), self.error
        for transition in self.transitions:
            key = (transition.source, transition.target)
            assert key not in self._index, f"{self.name}: {key} twice"
            assert transition.actors <= set(self.actors), f"{self.name}: unknown actor in {key}"
            self._index[key] = transition

    # -- the table ---------------------------------------------------------------------------------
    def transition(self, source: str, target: str) -> Transition | None:
        return self._index.get((str(source), str(target)))

    def allowed(self, source: str, actor: str) -> list[Transition]:
        """The moves `actor` may make from `source`, in table order (the order of the buttons)."""
        return [t for t in self.transitions if t.source == str(source) and actor in t.actors]

    def targets(self, source: str, actor: str | None = None) -> list[str]:
        return [t.target for t in self.transitions if t.source == str(source) and (actor is None or actor in t.actors)]

    def can(self, source: str, target: str, actor: str) -> bool:
        transition = self.transition(source, target)
        return transition is not None and actor in transition.actors

    def label(self, state: str) -> str:
        if not state:
            return str(_("(nieuw)"))
        try:
            return str(self.states(state).label)
        except ValueError:
            return str(state)

    def check(self, source: str, target: str, actor: str, **given) -> Transition:
        """The transition, or the workflow's error with a message that says why not."""
        transition = self.transition(source, target)
        if transition is None:
            raise self.error(self.refused_message % self._names(source, target))
        if actor not in transition.actors:
            raise self.error(self.actor_message % self._names(source, target))
        for name in transition.requires:
            if not str(given.get(name) or "").strip():
                raise self.error(transition.missing_message or self.missing_message)
        return transition

    def _names(self, source: str, target: str) -> dict:
        # Only for a refusal's message: translating the labels costs more than the check itself (imports).
        return {"from": self.label(source), "to": self.label(target)}

    # -- moves and history --------------------------------------------------------------------------
    @cached_property
    def history_model(self):
        return apps.get_model(self.history)

    @cached_property
    def subject_model(self):
        return apps.get_model(self.model)

    def history_row(self, subject, source: str, target: str, *, by=None, reason: str = "", **extra):
        """An unsaved history row, for bulk_create by services that move many subjects at once."""
        key = self.subject + ("_id" if isinstance(subject, int) else "")
        return self.history_model(**{key: subject}, from_status=str(source), to_status=str(target),
                                  by=by, reason=reason, **extra)

    def record(self, subject, source: str, target: str, *, by=None, reason: str = "", **extra):
        """Append a history row without a move: the start of a subject, or a note on its current status."""
        row = self.history_row(subject, source, target, by=by, reason=reason, **extra)
        row.save()
        return row

    def move(self, subject, target: str, *, actor: str, by=None, reason: str = "", fields=(), **extra):
        """Check, set the status, save it (with `fields` the caller changed too; None: every field) and
        append the history.

        Runs inside the caller's transaction (a savepoint if there is none), so a refused or failed
        move leaves neither the status nor a history row behind. A subject not yet saved starts with an
        empty status: the table's rows from "" say in which status it may be created, and by whom.
        """
        source = getattr(subject, self.field) or ""
        self.check(source, target, actor, reason=reason)
        with transaction.atomic():
            setattr(subject, self.field, str(target))
            if subject._state.adding or fields is None:  # new, or the caller changed much: save it all
                subject.save()
            else:
                auto = [f.name for f in subject._meta.concrete_fields if getattr(f, "auto_now", False)]
                subject.save(update_fields=list(dict.fromkeys([self.field, *fields, *auto])))
            return self.record(subject, source, target, by=by, reason=reason, **extra)

    def move_many(self, subjects, target: str, *, actor: str, by=None, reason: str = "", updates=None,
                  **extra) -> int:
        """`move` for many subjects at once (imports): every move is checked first, then one UPDATE of
        the status (and `updates`, e.g. a timestamp) and one bulk insert of the history rows. Subjects
        already in `target` are left alone. Returns how many moved."""
        moving = [subject for subject in subjects if getattr(subject, self.field) != str(target)]
        for source in dict.fromkeys(getattr(subject, self.field) or "" for subject in moving):  # once per source
            self.check(source, target, actor, reason=reason)
        with transaction.atomic():
            self.history_model.objects.bulk_create(
                [self.history_row(subject, getattr(subject, self.field) or "", target, by=by, reason=reason, **extra)
                 for subject in moving], batch_size=1000)
            self.subject_model.objects.filter(pk__in=[subject.pk for subject in moving]).update(
                **{self.field: str(target)}, **(updates or {}))
            # An UPDATE sends no post_save: say so, for what is kept per content stamp (core.stamps).
            moved_many.send(sender=self.subject_model)
        return len(moving)

    # -- the diagram ---------------------------------------------------------------------------------
    def diagram(self) -> str:
        """The table as a Mermaid state diagram, in the Dutch source language."""
        with translation.override(None):
            lines = [f"# {self.title}", "",
                     f"Generated from the transition table `{self.name}` (`{self.model}.{self.field}`) by "
                     "`python -m ontmoet workflow_diagrams`; do not edit by hand.", "",
                     f"History: `{self.history}` (who, when, from, to, why).", "",
                     "```mermaid", "stateDiagram-v2"]
            for value, label in self.states.choices:
                lines.append(f'    state "{label}" as {value}')
            if self.initial:
                lines.append(f"    [*] --> {self.initial}")
            for t in self.transitions:
                source = t.source or "[*]"
                who = ", ".join(str(self.actors[a]) for a in sorted(t.actors))
                text = f"{t.label} ({who})" if t.label else f"({who})"
                if t.requires:
                    text += " · " + ", ".join(_REQUIRED.get(r, r) for r in t.requires) + " verplicht"
                lines.append(f"    {source} --> {t.target}: {text.replace(':', '')}")
            lines += ["```", ""]
        return "\n".join(lines)


_REQUIRED = {REASON: "toelichting"}

_registry: dict[str, Workflow] = {}


def register(workflow: Workflow) -> Workflow:
    _registry[workflow.name] = workflow
    return workflow


@cache
def for_history(history_label: str) -> "Workflow | None":
    """The workflow whose history table is `history_label` ("app_label.model", lower case)."""
    return next((w for w in all_workflows() if w.history.lower() == history_label), None)


def all_workflows() -> list[Workflow]:
    """Every registered workflow, after importing each Ontmoet app's `workflows` module."""
    app_modules("workflows")  # importing a workflows module registers its workflows
    return sorted(_registry.values(), key=lambda w: w.name)
