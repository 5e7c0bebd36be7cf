"""Checking answers against a form: types, choices, skip logic, required questions and constraints.

The same rules serve the respondent's page, phone entry by staff and the import, so that a value
accepted in one place is accepted in all. Values are kept as JSON: text for select_one, text and
date (ISO), a list of choice names for select_multiple, a number for integer and decimal.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ontmoet.core.textinput import has_control_characters

from . import expressions
from .xlsform import FormDefinition, Question

TEXT_ANSWER_MAX_LENGTH = 10_000  # a long text answer, as the long texts elsewhere


def parse_value(question: Question, raw):
    """The stored value for a raw answer (text from a form or a file), or raise ValueError (Dutch)."""
    if question.type == "select_multiple":
        names = raw if isinstance(raw, list) else str(raw or "").split()
        names = [name for name in (str(name).strip() for name in names) if name]
        unknown = [name for name in names if question.choice(name) is None]
        if unknown:
            raise ValueError(_("onbekende keuze %(names)s; kies uit %(choices)s") % {
                "names": ", ".join(unknown), "choices": ", ".join(c.name for c in question.choices)})
        return sorted(set(names), key=question.choice_position) or None
    text = str(raw if raw is not None else "").strip()
    if not text:
        return None
    if has_control_characters(text):
        raise ValueError(_("bevat een onzichtbaar stuurteken; typ het antwoord opnieuw zonder dat teken"))
    if question.type == "select_one":
        if question.choice(text) is None:
            raise ValueError(_("onbekende keuze '%(name)s'; kies uit %(choices)s") % {
                "name": text, "choices": ", ".join(c.name for c in question.choices)})
        return text
    if question.type == "integer":
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            number = None
        if number is None or number != number.to_integral_value():
            raise ValueError(_("vul een heel getal in"))
        return int(number)
    if question.type == "decimal":
        try:
            return float(Decimal(text.replace(",", ".")))
        except InvalidOperation as exc:
            raise ValueError(_("vul een getal in, zoals 12,5")) from exc
    if question.type == "date":
        try:
            return datetime.date.fromisoformat(text[:10]).isoformat()
        except ValueError as exc:
            raise ValueError(_("vul een datum in als jjjj-mm-dd")) from exc
    if len(text) > TEXT_ANSWER_MAX_LENGTH:
        raise ValueError(_("hoogstens %(max)s tekens (nu %(count)s)") % {
            "max": f"{TEXT_ANSWER_MAX_LENGTH:,}".replace(",", "."), "count": f"{len(text):,}".replace(",", ".")})
    return text


def is_relevant(question: Question, answers: dict) -> bool:
    if not question.relevant:  # most questions: asked for every question of every imported row
        return True
    return all(expressions.check(expression, answers) for expression in question.relevant)


def with_calculations(form: FormDefinition, answers: dict) -> dict:
    """The answers plus every calculation's value, in form order (a calculation may read an earlier one)."""
    context = dict(answers)
    for question in form.calculated:
        context.pop(question.name, None)
        if is_relevant(question, context):
            result = expressions.value(question.calculation, context)
            if result is not None:
                context[question.name] = result
    return context


def allowed_choices(question: Question, context: dict) -> list:
    """The choices a choice_filter leaves, given the answers so far (all of them without a filter)."""
    if not question.choice_filter:
        return question.choices
    return [choice for choice in question.choices
            if expressions.check(question.choice_filter, context, choice=choice.row)]


def _filter_error(question: Question, value, context: dict) -> str:
    allowed = {choice.name for choice in allowed_choices(question, context)}
    chosen = value if isinstance(value, list) else [value]
    wrong = [name for name in chosen if name not in allowed]
    if not wrong:
        return ""
    return _("%(names)s past niet bij een eerder antwoord; kies uit %(choices)s") % {
        "names": ", ".join(f"'{name}'" for name in wrong), "choices": ", ".join(sorted(allowed)) or "-"}


def validate(form: FormDefinition, raw: dict, *, final: bool, language: str = "nl",
             required_names: set | None = None) -> tuple[dict, dict]:
    """Clean `raw` answers. Returns (answers, errors by question name).

    Questions that skip logic hides are dropped; `final` also demands required answers. A
    constraint failure gives the form's own message, or a general Dutch one; a choice that the
    question's choice_filter leaves out is refused. Calculations feed the expressions but are not
    stored. `required_names` limits the required check (an import checks only the columns its file has).
    """
    answers, errors = {}, {}
    for question in form.answerable:
        if question.name not in raw:
            continue
        try:
            value = parse_value(question, raw[question.name])
        except ValueError as exc:
            errors[question.name] = str(exc)
            continue
        if value is not None:
            answers[question.name] = value
    context = with_calculations(form, answers)
    # Each question's skip logic is evaluated once: the checks below reuse what this pass found. Only when a
    # hidden question took an answer away can a later question's relevance (or a calculation) differ, and
    # then the calculations and the relevance are worked out again from the answers that are left.
    shown, removed = set(), False
    for question in form.answerable:
        if is_relevant(question, context):
            shown.add(question.name)
            continue
        removed = removed or question.name in answers
        answers.pop(question.name, None)
        context.pop(question.name, None)
        errors.pop(question.name, None)
    if removed:
        context = with_calculations(form, answers)
    for question in form.answerable:
        if question.name in errors:
            continue
        if not (is_relevant(question, context) if removed else question.name in shown):
            continue
        value = answers.get(question.name)
        if value is None:
            required = question.required or (question.required_if and expressions.check(question.required_if, context))
            if final and required and (required_names is None or question.name in required_names):
                errors[question.name] = _("Deze vraag is verplicht.")
            continue
        if question.choice_filter and (message := _filter_error(question, value, context)):
            errors[question.name] = message
        elif question.constraint and not expressions.check(question.constraint, context, current=value):
            errors[question.name] = question.constraint_message_in(language) or _(
                "Dit antwoord is niet toegestaan.")
    return answers, errors


def answer_rows(form: FormDefinition, answers: dict):
    """(question, choice, number, text) tuples for the Answer table, one per chosen option."""
    for question in form.answerable:
        value = answers.get(question.name)
        if value is None:
            continue
        if question.type == "select_multiple":
            for name in value:
                yield question.name, name, None, ""
        elif question.type == "select_one":
            yield question.name, value, None, ""
        elif question.is_numeric:
            yield question.name, "", Decimal(str(value)), ""
        else:
            yield question.name, "", None, str(value)


def row_maker(form):
    """`answer_rows` for many responses (imports), as whole Answer table rows (response, wave, question,
    choice, number, text): each question's kind is worked out once, not once per response."""
    kinds = [(question.name, "multiple" if question.type == "select_multiple" else
              "one" if question.type == "select_one" else "number" if question.is_numeric else "text")
             for question in form.answerable]

    def rows(response_id: int, wave_id: int, answers: dict):
        for name, kind in kinds:
            value = answers.get(name)
            if value is None:
                continue
            if kind == "multiple":
                for choice in value:
                    yield response_id, wave_id, name, choice, None, ""
            elif kind == "one":
                yield response_id, wave_id, name, value, None, ""
            elif kind == "number":
                yield response_id, wave_id, name, "", Decimal(str(value)), ""
            else:
                yield response_id, wave_id, name, "", None, str(value)

    return rows
