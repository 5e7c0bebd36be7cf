"""What an application must have: one definition for the form, submission, the reviewer's checklist and the award.

Each requirement names the form field it belongs to (the form marks those "verplicht"), a label for the
checklist and the problems it finds, in words for the board. Submitting refuses while any is unmet, the
checklist shows each one, and awarding checks them again, so no step can skip what another asks.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class Requirement:
    code: str
    label: str  # for the checklist and the form's list of what is needed
    field: str  # the form field it belongs to ("" when it has none, such as the attachments)
    problems: Callable  # application -> list of messages (empty: met)

    def check(self, application) -> list[str]:
        return self.problems(application)


def _activities(application):
    return [] if list(application.activities.all()) else [_("Voeg minstens één extra activiteit toe.")]


def _activity_details(application):
    problems = []
    for activity in application.activities.all():
        if activity.planned_hours <= 0:
            problems.append(_("Activiteit '%(title)s': vul het aantal geplande uren in.") % {"title": activity.title})
        if activity.starts_on and activity.ends_on and activity.ends_on < activity.starts_on:
            problems.append(_("Activiteit '%(title)s': de einddatum ligt voor de begindatum.")
                            % {"title": activity.title})
    return problems


def _amount(application):
    round_ = application.round
    if not application.activities.exists() or round_.min_amount <= application.amount <= round_.max_amount:
        return []
    return [_("Het bedrag (€ %(amount)s = %(hours)s uur × € %(rate)s) moet tussen € %(min)s en € %(max)s liggen. "
              "Pas het aantal geplande uren aan.")
            % {"amount": application.amount, "hours": application.planned_hours, "rate": round_.repayment_rate,
               "min": round_.min_amount, "max": round_.max_amount}]


def _motivation(application):
    return [] if application.motivation.strip() else [_("Schrijf een korte motivatie.")]


def _conditions(application):
    answers = application.eligibility_answers or {}
    if all(answers.get(str(n)) == "ja" for n in range(len(application.round.questions()))):
        return []
    return [_("Beantwoord elke voorwaarde met ja; anders kunt u niet aanvragen.")]


def _declaration(application):
    return [] if application.declaration else [_("Vink de verklaring aan.")]


def _attachment(application):
    return [] if application.attachments.exists() else [
        _("Voeg minstens één bijlage toe, bijvoorbeeld een plan, een foto of een brief van partners.")]


REQUIREMENTS = [
    Requirement("activities", gettext_lazy("Er is minstens één extra activiteit"), "", _activities),
    Requirement("activity_details", gettext_lazy("Elke activiteit heeft geplande uren en een kloppende periode"),
                "planned_hours", _activity_details),
    Requirement("amount", gettext_lazy("Het bedrag ligt tussen het minimum en het maximum van de ronde"), "",
                _amount),
    Requirement("motivation", gettext_lazy("Er is een motivatie"), "motivation", _motivation),
    Requirement("conditions", gettext_lazy("Alle voorwaarden zijn met ja beantwoord"), "vraag_", _conditions),
    Requirement("declaration", gettext_lazy("De verklaring is ondertekend"), "declaration", _declaration),
    Requirement("attachment", gettext_lazy("Er is minstens één bijlage"), "", _attachment),
]


def problems(application) -> list[str]:
    """Every unmet requirement, in words for the board (empty: complete)."""
    return [problem for requirement in REQUIREMENTS for problem in requirement.check(application)]


def checklist(application) -> list[tuple[str, bool]]:
    """Each requirement with whether it is met, for the reviewer."""
    return [(str(requirement.label), not requirement.check(application)) for requirement in REQUIREMENTS]


def required_fields() -> set[str]:
    """The form fields that must be filled in before submitting ("vraag_" stands for every condition)."""
    return {requirement.field for requirement in REQUIREMENTS if requirement.field}
