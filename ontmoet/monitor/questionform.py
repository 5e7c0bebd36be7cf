"""Turning a FormDefinition and answers into what the questionnaire template shows, and back.

Used by the respondent's page and by staff entering answers taken by phone. The page shows every
question; skiplogic.js hides those whose `relevant` is false, and the server drops their answers
again on saving (answers.validate), so the page also works without JavaScript.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language

from .xlsform import FormDefinition


@dataclass
class Item:
    name: str
    type: str
    label: str
    hint: str
    required: bool
    relevant: str
    value: object
    error: str = ""
    options: list = field(default_factory=list)  # (name, label, checked)

    @property
    def input_id(self) -> str:
        return f"vraag-{self.name}"


@dataclass
class Section:
    name: str
    label: str
    items: list


def language() -> str:
    return (get_language() or "nl")[:2]


def raw_from_post(form: FormDefinition, post) -> dict:
    raw = {}
    for question in form.answerable:
        if question.type == "select_multiple":
            if question.name in post:
                raw[question.name] = post.getlist(question.name)
        elif question.name in post:
            raw[question.name] = post.get(question.name, "")
    return raw


def sections(form: FormDefinition, values: dict, errors: dict | None = None) -> list[Section]:
    lang = language()
    errors = errors or {}
    result: list[Section] = []
    for question in form.questions:
        if not result or result[-1].name != question.group:
            result.append(Section(question.group, question.group_label_in(lang), []))
        value = values.get(question.name)
        if question.type == "select_multiple":
            chosen = value if isinstance(value, list) else str(value or "").split()
        else:
            chosen = [str(value)] if value not in (None, "") else []
        options = [(c.name, c.label_in(lang), c.name in chosen) for c in question.choices]
        result[-1].items.append(Item(
            name=question.name, type=question.type, label=question.label_in(lang), hint=question.hint_in(lang),
            required=question.required, relevant=question.relevant_expression,
            value="" if value is None or isinstance(value, list) else value, error=errors.get(question.name, ""),
            options=options))
    return result
