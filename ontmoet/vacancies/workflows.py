"""The status machines of a vacancy and of a response to it (core.workflow, ADR 0014).

A vacancy is opened, filled, withdrawn (and reopened) by its place's BOARD; SYSTEM expires it after its
end date (the `vacancies_expire` command). A response starts as new when a VISITOR sends it; the BOARD
answers it (through Ontmoet or by marking it answered).
"""

from django.utils.translation import gettext_lazy as _

from ontmoet.core.workflow import Workflow, WorkflowError, register, step

from .models import ResponseStatus, Status

BOARD, SYSTEM, VISITOR = "board", "system", "visitor"


class TransitionError(WorkflowError):
    """A move the table does not allow; the message is for people."""


VACANCY = register(Workflow(
    name="vacancies-vacancy", title=_("Vacature"), model="vacancies.Vacancy", states=Status,
    actors={BOARD: _("bestuur van de plek"), SYSTEM: _("systeem")},
    history="vacancies.VacancyStatusChange", subject="vacancy", initial=Status.OPEN, error=TransitionError,
    transitions=[
        step("", Status.OPEN, BOARD, _("Plaatsen")),
        step(Status.OPEN, Status.FILLED, BOARD, _("Vervuld")),
        step(Status.OPEN, Status.WITHDRAWN, BOARD, _("Intrekken")),
        step(Status.OPEN, Status.EXPIRED, SYSTEM, _("Verlopen")),
        # Someone dropped out, or the end date was too early: the board opens it again (with a new end date).
        step(Status.FILLED, Status.OPEN, BOARD, _("Opnieuw openzetten")),
        step(Status.WITHDRAWN, Status.OPEN, BOARD, _("Opnieuw openzetten")),
        step(Status.EXPIRED, Status.OPEN, BOARD, _("Opnieuw openzetten")),
    ]))

RESPONSE = register(Workflow(
    name="vacancies-response", title=_("Reactie op een vacature"), model="vacancies.Response",
    states=ResponseStatus, actors={BOARD: _("bestuur van de plek"), VISITOR: _("bezoeker")},
    history="vacancies.ResponseStatusChange", subject="response", initial=ResponseStatus.NEW,
    error=TransitionError,
    transitions=[
        step("", ResponseStatus.NEW, VISITOR, _("Reageren")),
        step(ResponseStatus.NEW, ResponseStatus.ANSWERED, BOARD, _("Beantwoord")),
    ]))
