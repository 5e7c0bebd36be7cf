"""Turning a FormDefinition and answers into what the questionnaire template shows, and back.

Used by the respondent's page and by staff entering answers taken by phone. The page shows every
question; skiplogic.js hides those whose `relevant` is false, computes calculations and leaves out
the options a `choice_filter` excludes; the server drops hidden answers and refuses excluded
choices again on saving (answers.validate), so the page also works without JavaScript.

Labels and hints may hold the Markdown the XLSForm specification allows (bold, italics, links);
it is rendered and cleaned against an inline allowlist, as ontmoet.core.markdown does for text.
"""

import json
import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.translation import get_language

from ontmoet.core.markdown import SLOT, fill_slots
from ontmoet.core.markdown import render_inline_markdown as inline_markdown

from . import answers as answer_rules
from . import expressions
from .xlsform import FormDefinition

REFERENCE = re.compile(r"\$\{([A-Za-z_][\w.\-]*)\}")
UNKNOWN = "…"  # a ${name} not answered yet: never the raw reference


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
    choice_filter: str = ""
    choice_rows: dict = field(default_factory=dict)  # option name -> its choice row as JSON, for the filter
    calculation: str = ""
    origin: str = ""  # prefill.REGISTER or PREVIOUS while the answer shown is the pre-filled one
    dropped: list = field(default_factory=list)  # known before, but no longer a choice

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


def _default(question, fresh: bool):
    """A question's default, on a response nobody has saved yet."""
    if not fresh or not question.default or not question.has_answer:
        return None
    try:
        return expressions.value(question.default, {}) if any(c in question.default for c in "${(") else (
            question.default)
    except expressions.ExpressionError:
        return question.default


def _shown(form: FormDefinition, name: str, value, lang: str) -> str:
    question = form.question(name)
    if question is not None and question.is_select:
        names = value if isinstance(value, list) else str(value).split()
        return ", ".join(question.choice_label(choice, lang) for choice in names)
    return str(value)


def live_references(text: str, form: FormDefinition, context: dict, lang: str):
    """A label or hint as inline HTML, each `${name}` as an element the page's script updates while the
    respondent types (skiplogic.js); what the server fills in stays the answer without JavaScript."""
    if "${" not in text:
        return inline_markdown(text)
    names = []

    def slot(match):
        names.append(match.group(1))
        return SLOT.format(len(names) - 1)

    def fill(index: int):
        value = context.get(names[index])
        shown = UNKNOWN if value in (None, "", []) else _shown(form, names[index], value, lang)
        return render_to_string("monitor/includes/reference.html", {"name": names[index], "value": shown})

    return fill_slots(inline_markdown(REFERENCE.sub(slot, text)), fill)


def _context(form: FormDefinition, values: dict) -> dict:
    try:
        return answer_rules.with_calculations(form, values)
    except (expressions.ExpressionError, TypeError, ValueError):  # a draft may hold half-typed values
        return dict(values)


def sections(form: FormDefinition, values: dict, errors: dict | None = None, *, fresh: bool | None = None,
             origins: dict | None = None, dropped: dict | None = None) -> list[Section]:
    """`fresh`: nobody saved answers yet (defaults apply); `origins` and `dropped` come from prefill.Prefill."""
    lang = language()
    errors, origins, dropped = errors or {}, origins or {}, dropped or {}
    fresh = not values if fresh is None else fresh
    context = _context(form, values)
    result: list[Section] = []
    for question in form.questions:
        if not result or result[-1].name != question.group:
            result.append(Section(question.group, inline_markdown(question.group_label_in(lang)), []))
        value = values.get(question.name, _default(question, fresh))
        if question.type == "select_multiple":
            chosen = value if isinstance(value, list) else str(value or "").split()
        else:
            chosen = [str(value)] if value not in (None, "") else []
        options = [(c.name, inline_markdown(c.label_in(lang)), c.name in chosen) for c in question.choices]
        rows = {c.name: json.dumps(c.row) for c in question.choices} if question.choice_filter else {}
        result[-1].items.append(Item(
            name=question.name, type=question.type,
            label=live_references(question.label_in(lang), form, context, lang),
            hint=live_references(question.hint_in(lang), form, context, lang),
            required=question.required,
            relevant=question.relevant_expression,
            value="" if value is None or isinstance(value, list) else value, error=errors.get(question.name, ""),
            options=options, choice_filter=question.choice_filter, choice_rows=rows,
            calculation=question.calculation, origin=origins.get(question.name, ""),
            dropped=dropped.get(question.name, [])))
    return result


def read_back(form: FormDefinition, data: dict) -> list[tuple[str, str, str]]:
    """(group, question, answer) of every answered question in form order: the answers read back as text."""
    lang = language()
    rows = []
    for question in form.answerable:
        value = data.get(question.name)
        if value in (None, "", []):
            continue
        shown = _shown(form, question.name, value, lang) if question.is_select else str(value)
        rows.append((question.group_label_in(lang), question.label_in(lang), shown))
    return rows
