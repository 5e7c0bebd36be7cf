"""The one adapter between XLSForm files and the monitor: pyxform parses, we keep our own model.

`parse_xlsform(data)` reads an .xlsx workbook (sheets survey / choices / settings), lets pyxform
check and parse the structure, checks what pyxform leaves to the form runner (question types we
support, expressions we can evaluate, references to existing questions), and returns a
`FormDefinition`: plain dataclasses that are stored as JSON on the questionnaire. Problems are
collected as `FormProblem(sheet, row, column, message)` so that a person can find them in Excel.
"""

import io
import re
import zipfile
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from . import expressions

SUPPORTED_TYPES = {"select_one", "select_multiple", "integer", "decimal", "text", "date", "note"}
GROUP_TYPES = {"begin_group", "begin group", "end_group", "end group"}
IGNORED_TYPES = {"start", "end", "today"}  # metadata that Kobo forms often carry; nothing to ask
PYXFORM_TYPES = {"select one": "select_one", "select all that apply": "select_multiple", "integer": "integer",
                 "decimal": "decimal", "text": "text", "date": "date", "note": "note"}
LANGUAGE_NAMES = {"nederlands": "nl", "dutch": "nl", "english": "en", "engels": "en"}
DEFAULT_LANGUAGE = "nl"


@dataclass(frozen=True)
class FormProblem:
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}" + (f", rij {self.row}" if self.row else "") + (
            f", kolom {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class FormError(Exception):
    def __init__(self, problems: list[FormProblem]):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass
class Choice:
    name: str
    label: dict

    def label_in(self, language: str) -> str:
        return _text_in(self.label, language) or self.name


@dataclass
class Question:
    name: str
    type: str
    label: dict
    hint: dict = field(default_factory=dict)
    required: bool = False
    relevant: list = field(default_factory=list)  # the group's conditions first, then the question's own
    constraint: str = ""
    constraint_message: dict = field(default_factory=dict)
    choices: list = field(default_factory=list)
    group: str = ""
    group_label: dict = field(default_factory=dict)
    other_of: str = ""  # the select question whose "other" this text question explains

    @property
    def is_select(self) -> bool:
        return self.type in {"select_one", "select_multiple"}

    @property
    def is_numeric(self) -> bool:
        return self.type in {"integer", "decimal"}

    @property
    def has_answer(self) -> bool:
        return self.type != "note"

    @property
    def relevant_expression(self) -> str:
        return " and ".join(f"({expression})" for expression in self.relevant)

    def label_in(self, language: str) -> str:
        return _text_in(self.label, language) or self.name

    def hint_in(self, language: str) -> str:
        return _text_in(self.hint, language)

    def group_label_in(self, language: str) -> str:
        return _text_in(self.group_label, language)

    def constraint_message_in(self, language: str) -> str:
        return _text_in(self.constraint_message, language)

    def choice(self, name: str):
        index = self.__dict__.get("_choice_index")
        if index is None:  # built once per question: imports look up choices for every cell
            index = self.__dict__["_choice_index"] = {choice.name: choice for choice in self.choices}
        return index.get(name)

    def choice_label(self, name: str, language: str) -> str:
        choice = self.choice(name)
        return choice.label_in(language) if choice else name


@dataclass
class FormDefinition:
    title: str
    form_id: str
    version: str
    languages: list
    questions: list

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "FormDefinition":
        questions = [Question(**{**q, "choices": [Choice(**c) for c in q["choices"]]}) for q in data["questions"]]
        return cls(data["title"], data["form_id"], data["version"], data["languages"], questions)

    def question(self, name: str):
        return self.by_name.get(name)

    @property
    def by_name(self) -> dict:
        cached = getattr(self, "_by_name", None)
        if cached is None:
            cached = {question.name: question for question in self.questions}
            self._by_name = cached
        return cached

    @property
    def answerable(self) -> list:
        cached = self.__dict__.get("_answerable")
        if cached is None:
            cached = self.__dict__["_answerable"] = [question for question in self.questions if question.has_answer]
        return cached


def _text_in(texts: dict, language: str) -> str:
    return texts.get(language) or texts.get(DEFAULT_LANGUAGE) or next(iter(texts.values()), "") if texts else ""


def language_code(column_suffix: str) -> str:
    """'Nederlands (nl)' -> 'nl'; 'English' -> 'en'; an unknown name stays itself."""
    match = re.search(r"\(([A-Za-z]{2,3}(?:-[A-Za-z]+)?)\)\s*$", column_suffix)
    if match:
        return match.group(1).lower()
    return LANGUAGE_NAMES.get(column_suffix.strip().lower(), column_suffix.strip().lower() or DEFAULT_LANGUAGE)


def _texts(value) -> dict:
    if not value:
        return {}
    if isinstance(value, str):
        return {DEFAULT_LANGUAGE: value}
    return {language_code(key) if key != "default" else DEFAULT_LANGUAGE: text for key, text in value.items() if text}


# -- reading the workbook ourselves, for row numbers ---------------------------------------------
def _sheet_rows(workbook, name: str) -> list[tuple[int, dict]]:
    sheet = next((workbook[title] for title in workbook.sheetnames if title.strip().lower() == name), None)
    if sheet is None:
        return []
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        return []
    header = [str(value).strip() if value is not None else "" for value in rows[0]]
    result = []
    for number, values in enumerate(rows[1:], start=2):
        record = {column: str(value).strip() for column, value in zip(header, values, strict=False)
                  if column and value is not None and str(value).strip()}
        if record:
            result.append((number, record))
    return result


def _check_rows(workbook) -> list[FormProblem]:
    problems = []
    survey = _sheet_rows(workbook, "survey")
    choices = _sheet_rows(workbook, "choices")
    lists = {record.get("list_name") for _row, record in choices}
    names = {record.get("name") for _row, record in survey if record.get("name")}
    for row, record in survey:
        raw_type = " ".join(record.get("type", "").split())
        if not raw_type:
            if record.get("name"):
                problems.append(FormProblem("survey", row, "type", _("type ontbreekt")))
            continue
        base, *rest = raw_type.split(" ")
        base_lower = base.lower()
        if raw_type.lower() in GROUP_TYPES or base_lower in IGNORED_TYPES:
            continue
        if base_lower not in SUPPORTED_TYPES:
            problems.append(FormProblem("survey", row, "type", _("onbekend vraagtype '%(type)s'; gebruik één van: "
                                                                 "%(types)s") % {
                "type": base, "types": ", ".join(sorted(SUPPORTED_TYPES))}))
            continue
        if base_lower in {"select_one", "select_multiple"}:
            if not rest:
                problems.append(FormProblem("survey", row, "type", _("keuzelijst ontbreekt na %(type)s") % {
                    "type": base}))
            elif rest[0] not in lists:
                problems.append(FormProblem("survey", row, "type", _("keuzelijst '%(list)s' staat niet op het "
                                                                     "blad choices") % {"list": rest[0]}))
        for column in ("relevant", "constraint"):
            expression = record.get(column)
            if not expression:
                continue
            try:
                parsed = expressions.parse(expression)
            except expressions.ExpressionError as exc:
                problems.append(FormProblem("survey", row, column, _("expressie niet te lezen: %(error)s") % {
                    "error": exc}))
                continue
            missing = sorted(expressions.references(parsed) - names)
            if missing:
                problems.append(FormProblem("survey", row, column, _("verwijst naar onbekende vraag %(names)s") % {
                    "names": ", ".join(missing)}))
    return problems


def _walk(children, out: list, group=None, group_relevant=()):
    for child in children:
        kind = child.get("type")
        if kind == "group":
            if child.get("name") == "meta":
                continue
            relevant = child.get("bind", {}).get("relevant")
            _walk(child.get("children", []), out, child, (*group_relevant, relevant) if relevant else group_relevant)
            continue
        if kind not in PYXFORM_TYPES:
            continue
        bind = child.get("bind", {})
        own_relevant = bind.get("relevant")
        other_of = ""
        label = _texts(child.get("label"))
        if own_relevant and child.get("name", "").endswith("_other") and "'other'" in own_relevant:
            other_of = child["name"][: -len("_other")]
            label = {"nl": _("Anders, namelijk:"), "en": "Other, namely:"}
        choices = [Choice(choice["name"], _texts(choice.get("label"))) for choice in child.get("choices", [])]
        # pyxform names the or_other choice in English only; our forms speak Dutch first.
        choices = [Choice(c.name, {"nl": "Anders", "en": "Other"}) if c.name == "other" and
                   set(c.label.values()) <= {"Other"} else c for c in choices]
        out.append(Question(
            name=child["name"], type=PYXFORM_TYPES[kind], label=label, hint=_texts(child.get("hint")),
            required=str(bind.get("required", "")).lower() in {"yes", "true", "true()", "1"},
            relevant=[*group_relevant, own_relevant] if own_relevant else list(group_relevant),
            constraint=bind.get("constraint", ""), constraint_message=_texts(bind.get("jr:constraintMsg")),
            choices=choices, group=group.get("name", "") if group else "",
            group_label=_texts(group.get("label")) if group else {}, other_of=other_of,
        ))


def parse_xlsform(data: bytes, filename: str = "form.xlsx") -> FormDefinition:
    """Parse an XLSForm workbook, or raise FormError naming sheet, row and column of each problem."""
    from openpyxl import load_workbook
    from pyxform.errors import PyXFormError
    from pyxform.xls2json import workbook_to_json
    from pyxform.xls2json_backends import get_xlsform

    if not data or data[:4] != b"PK\x03\x04":
        raise FormError([FormProblem(filename, None, "", _("dit is geen Excel-bestand (.xlsx)"))])
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise FormError([FormProblem(filename, None, "", _("het Excel-bestand is beschadigd"))]) from exc
    sheet_names = {title.strip().lower() for title in workbook.sheetnames}
    missing = [name for name in ("survey", "choices") if name not in sheet_names]
    if missing:
        workbook.close()
        raise FormError([FormProblem(name, None, "", _("het blad '%(sheet)s' ontbreekt") % {"sheet": name})
                         for name in missing])
    problems = _check_rows(workbook)
    settings = dict(_sheet_rows(workbook, "settings")[:1] and _sheet_rows(workbook, "settings")[0][1] or {})
    workbook.close()
    if problems:
        raise FormError(problems)
    try:
        parsed = workbook_to_json(get_xlsform(xlsform=io.BytesIO(data)), form_name="data",
                                  default_language=settings.get("default_language") or "default")
    except PyXFormError as exc:
        message = str(exc)
        match = re.match(r"\[row : (\d+)\]\s*(.*)", message, re.DOTALL)
        row, text = (int(match.group(1)), match.group(2)) if match else (None, message)
        raise FormError([FormProblem("survey", row, "", text)]) from exc
    except Exception as exc:  # pyxform raises plain errors for some malformed sheets
        raise FormError([FormProblem(filename, None, "", str(exc))]) from exc
    questions: list[Question] = []
    _walk(parsed.get("children", []), questions)
    if not any(question.has_answer for question in questions):
        raise FormError([FormProblem("survey", None, "", _("het formulier bevat geen vragen"))])
    languages = sorted({language for question in questions for language in question.label}) or [DEFAULT_LANGUAGE]
    return FormDefinition(
        title=str(parsed.get("title") or settings.get("form_title") or parsed.get("id_string") or "formulier"),
        form_id=str(settings.get("form_id") or parsed.get("id_string") or "formulier"),
        version=str(settings.get("version") or parsed.get("version") or "1"),
        languages=languages, questions=questions,
    )
