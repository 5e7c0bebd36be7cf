"""The questionnaire asks only what it does not know: answers filled in before the respondent starts.

Two sources, the register first (it is what the board keeps up to date):
- a question with `bind::ontmoet:register` (register_fields) takes the place's value from the register,
  read through places' selectors;
- any other question takes the respondent's answer from its most recent earlier wave of the same form
  and respondent kind (comparable waves, as the year-on-year report), where a question has the same name.
A select takes a register value whose code is a choice's name, or whose name is a choice's Dutch label
(case, spaces and punctuation ignored); a value that is no longer a choice is not filled in but named
(`dropped`), so the respondent sees what was known. Everything is checked as a draft would be: a value
the current form refuses, or a question its skip logic hides, is left out.

`register_changes` compares a submitted response with the register, for the offer to update it.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from ontmoet.places import selectors as place_selectors

from . import answers as answer_rules
from .models import Invitation, Response
from .register_fields import FIELDS
from .xlsform import FormDefinition, Question

REGISTER, PREVIOUS = "register", "previous"


@dataclass
class Prefill:
    values: dict = field(default_factory=dict)  # question name -> value, as answers.validate keeps it
    origins: dict = field(default_factory=dict)  # question name -> REGISTER or PREVIOUS
    dropped: dict = field(default_factory=dict)  # question name -> names known before that are no longer a choice

    def origin_of(self, name: str, value) -> str:
        """Where the answer shown came from, while it is still the pre-filled one (changed: no mark)."""
        return self.origins.get(name, "") if name in self.values and self.values[name] == value else ""


def _norm(text) -> str:
    return re.sub(r"[\W_]+", "", str(text or "").casefold())


def _choice_for(question: Question, code: str, name: str) -> str | None:
    """The question's choice that holds a register value: the same name, else the same Dutch label."""
    if question.choice(code) is not None:
        return code
    wanted = {_norm(code), _norm(name)} - {""}
    return next((choice.name for choice in question.choices
                 if _norm(choice.name) in wanted or _norm(choice.label_in("nl")) in wanted), None)


def _from_register(question: Question, facts: dict) -> tuple[object, list]:
    """(value or None, register names that are not a choice) for one question."""
    raw = facts.get(FIELDS[question.register].field)
    if question.type == "select_multiple":
        pairs = [(code, name, _choice_for(question, code, name)) for code, name in raw or []]
        chosen = [choice for _code, _name, choice in pairs if choice]
        return chosen or None, [name for _code, name, choice in pairs if not choice]
    if question.type == "select_one":
        code, name = raw if raw else ("", "")
        if not code:
            return None, []
        choice = _choice_for(question, code, name)
        return choice, [] if choice else [name]
    return raw, []


def previous_response(invitation: Invitation) -> Response | None:
    """The respondent's latest submitted response in an earlier wave of the same form and respondent kind."""
    wave = invitation.wave
    responses = Response.objects.filter(
        submitted_at__isnull=False, wave__province_id=wave.province_id, wave__respondent_kind=wave.respondent_kind,
        wave__questionnaire__form_id=wave.questionnaire.form_id, wave__opens_on__lt=wave.opens_on)
    if invitation.place_id:
        responses = responses.filter(invitation__place_id=invitation.place_id)
    else:
        responses = responses.filter(invitation__municipality_id=invitation.municipality_id,
                                     invitation__place__isnull=True)
    return responses.select_related("wave__questionnaire").order_by("-wave__opens_on", "-submitted_at").first()


def _from_previous(question: Question, before: Question | None, value) -> tuple[object, list]:
    if question.is_select:
        names = value if isinstance(value, list) else [value]
        kept = [name for name in names if question.choice(str(name)) is not None]
        lost = [before.choice_label(str(name), "nl") if before else str(name) for name in names if name not in kept]
        if question.type == "select_one":
            return (kept[0] if kept else None), lost
        return kept or None, lost
    try:
        return answer_rules.parse_value(question, value), []
    except (ValueError, TypeError):
        return None, []


def prefill(invitation: Invitation) -> Prefill:
    form: FormDefinition = invitation.wave.questionnaire.form
    result = Prefill()
    found, dropped = {}, {}
    previous = previous_response(invitation)
    if previous is not None:
        before = previous.wave.questionnaire.form
        for question in form.answerable:
            if question.name in previous.data and not question.register:
                value, lost = _from_previous(question, before.question(question.name), previous.data[question.name])
                found[question.name], dropped[question.name] = (value, PREVIOUS), lost
    facts = place_selectors.register_facts(invitation.place_id) if invitation.place_id else None
    if facts is not None:
        for question in form.answerable:
            if question.register:
                value, lost = _from_register(question, facts)
                found[question.name], dropped[question.name] = (value, REGISTER), lost
    raw = {name: value for name, (value, _origin) in found.items() if value is not None}
    cleaned, errors = answer_rules.validate(form, raw, final=False)
    for name, value in cleaned.items():
        if name not in errors:
            result.values[name], result.origins[name] = value, found[name][1]
    result.dropped = {name: lost for name, lost in dropped.items() if lost}
    return result


@dataclass
class RegisterChange:
    question: Question
    spec: object  # register_fields.RegisterField
    register: object  # the register's value, shown
    answer: object  # the answer, shown
    new_value: object  # what the register field would become (a code, a number, or vocabulary ids)


def register_changes(invitation: Invitation, data: dict, language: str = "nl") -> list[RegisterChange]:
    """The register fields whose answer in `data` differs from the register and that the register can hold.

    A list keeps what the form cannot ask (entries not in its choices), so only the form's part changes.
    """
    if not invitation.place_id:
        return []
    facts = place_selectors.register_facts(invitation.place_id)
    form = invitation.wave.questionnaire.form
    changes = []
    for question in form.answerable:
        if not question.register or data.get(question.name) in (None, "", []):
            continue
        spec, answer = FIELDS[question.register], data[question.name]
        current, _lost = _from_register(question, facts)
        if current == answer:
            continue
        shown = ", ".join(question.choice_label(name, language) for name in answer) if isinstance(answer, list) else (
            question.choice_label(answer, language) if question.is_select else answer)
        new_value = _register_value(question, spec, facts, answer)
        if new_value is not None and _register_accepts(spec, new_value):
            changes.append(RegisterChange(question, spec, _shown_register(spec, facts), shown, new_value))
    return changes


def _register_accepts(spec, value) -> bool:
    """Whether the register's own field rules take the value: a form's constraint may be looser than the
    register's (an uploaded form with no upper bound), and a link holder must not write what an officer could not."""
    if spec.is_list:
        return True  # vocabulary ids, found in the vocabulary itself
    from ontmoet.places.models import Place

    try:
        Place._meta.get_field(spec.field).clean(value, None)
    except ValidationError:
        return False
    return True


def _shown_register(spec, facts) -> str:
    raw = facts.get(spec.field)
    if spec.is_list:
        return ", ".join(name for _code, name in raw)
    if isinstance(raw, tuple):
        return raw[1] if raw[0] else ""
    return "" if raw is None else str(raw)


def _register_value(question: Question, spec, facts: dict, answer):
    """The register's value for an answer, or None when the register has no entry for a chosen option."""
    if question.type == "integer":
        return answer
    if question.type == "select_one":
        from ontmoet.places.models import Place

        codes = [(code, str(label)) for code, label in Place._meta.get_field(spec.field).choices]
        return next((code for code, label in codes if _choice_for(question, code, label) == answer), None)
    vocabulary = place_selectors.vocabulary_items(spec.field)
    chosen = {pk for pk, code, name in vocabulary if _choice_for(question, code, name) in answer}
    if len({_choice_for(question, code, name) for pk, code, name in vocabulary if pk in chosen}) < len(answer):
        return None  # an option the register's list does not have
    outside = {pk for pk, code, name in vocabulary if _choice_for(question, code, name) is None}
    kept = {pk for pk, code, _name in vocabulary if code in {c for c, _n in facts[spec.field]}} & outside
    return sorted(chosen | kept)
