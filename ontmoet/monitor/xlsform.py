"""The one adapter between XLSForm files and the monitor: pyxform reads, we check what it produced.

`parse_xlsform(data, filename)` hands the file (.xlsx or .xls) to pyxform, which reads every
spelling it accepts (old type names, `list name`, `bind:relevant`, `label:English`, no choices
sheet when there are no selects, ...). We then walk pyxform's parsed form and check what pyxform
leaves to the form runner: which question types the monitor can ask (xlsform_types), and every
expression wherever it appears (relevant, constraint, required, choice_filter, calculation,
default). Problems name the sheet, row and column of the original file. The result is a
`FormDefinition` (xlsform_model), stored as JSON on the questionnaire.
"""

import re
from pathlib import PurePath

from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import expressions, register_fields
from .xlsform_model import (
    DEFAULT_LANGUAGE,
    Choice,
    FormDefinition,
    FormError,
    FormProblem,
    Question,
    language_code,
    language_name,
)
from .xlsform_types import SUPPORTED_WORDS, classify

__all__ = ["Choice", "FormDefinition", "FormError", "FormProblem", "Question", "language_code", "parse_xlsform",
           "version_clash"]

HEADER_ALIASES = {"relevance": "relevant", "calculate": "calculation", "constraining_message": "constraint_message",
                  "command": "type", "tag": "name", "value": "name", "list name": "list_name",
                  "set_form_id": "form_id", "set_form_title": "form_title"}
OR_OTHER = re.compile(r"\s(or specify other|or_other|or other)\s*$", re.IGNORECASE)
YES_NO = {"yes": True, "true": True, "true()": True, "no": False, "false": False, "false()": False}
CHOICE_KEYS = {"name", "label", "media", "image", "audio", "video", "big-image", "__row"}


def canonical(header: str) -> str:
    """The column a header means: 'bind:relevant' -> 'relevant', 'label::English (en)' -> 'label'."""
    parts = [part.strip() for part in re.split(r"::|:", str(header).strip().lower())]
    if parts[0] == "bind" and len(parts) > 1:
        parts = parts[1:]
    first = HEADER_ALIASES.get(parts[0], parts[0]).replace(" ", "_")
    return HEADER_ALIASES.get(first, first)


class _Sheets:
    """The rows as pyxform read them (empty rows kept, so index + 2 is the row number in Excel)."""

    def __init__(self, workbook, filename: str):
        self.survey = list(workbook.survey or [])
        self.choices = list(workbook.choices or [])
        self.settings = dict((workbook.settings or [{}])[0] or {})
        self.filename = filename
        self.rows_by_name: dict[str, list[int]] = {}
        for index, row in enumerate(self.survey):
            name = self.cell(row, "name")
            if name:
                self.rows_by_name.setdefault(str(name).strip(), []).append(index + 2)
        self.choice_names: dict[str, set] = {}
        for row in self.choices:
            self.choice_names.setdefault(str(self.cell(row, "list_name") or ""), set()).add(str(self.cell(row, "name")))

    @staticmethod
    def cell(row: dict, column: str):
        return next((value for header, value in row.items() if canonical(header) == column), None)

    def column(self, row: int | None, column: str) -> str:
        """The header as the author wrote it, e.g. 'bind:relevant' for 'relevant'."""
        if row and 0 <= row - 2 < len(self.survey):
            for header in self.survey[row - 2]:
                if canonical(header) == column:
                    return header
        return column

    def setting(self, *names: str) -> tuple[str, str]:
        """(value, header) of the first of `names` on the settings sheet."""
        for name in names:
            for header, value in self.settings.items():
                if canonical(header) == name and str(value).strip():
                    return str(value).strip(), header
        return "", ""


class _Reader:
    def __init__(self, parsed: dict, sheets: _Sheets, skip_unsupported: bool):
        self.sheets = sheets
        self.skip = skip_unsupported
        self.default = language_code(sheets.setting("default_language")[0]) if sheets.setting(
            "default_language")[0] else DEFAULT_LANGUAGE
        self.problems: list[FormProblem] = []
        self.skipped: list[FormProblem] = []
        self.questions: list[Question] = []
        self.names: dict[str, int | None] = {}
        self.skipped_names: set[str] = set()
        self.language_names: dict[str, str] = {}
        self.expressions: list[tuple] = []  # (row, column, text, choice columns or None, list name)
        self.generated: set[str] = set()  # names pyxform made up (the "_other" text of or_other)
        self._walk(parsed.get("children", []), [], [])

    # -- texts ---------------------------------------------------------------------------------
    def texts(self, value) -> dict:
        if not value:
            return {}
        if isinstance(value, str):
            return {self.default: value}
        result = {}
        for key, text in value.items():
            if not isinstance(text, str) or not text:
                continue
            code = self.default if key == "default" else language_code(key)
            if key != "default":
                self.language_names.setdefault(code, language_name(key))
            result[code] = text
        return result

    # -- walking pyxform's tree -----------------------------------------------------------------
    def row_of(self, name: str) -> int | None:
        rows = self.sheets.rows_by_name.get(name)
        return rows.pop(0) if rows else None

    def refuse(self, row, feature: str, name: str):
        column = self.sheets.column(row, "type")
        if self.skip:
            self.skipped.append(FormProblem("survey", row, column, _("%(feature)s '%(name)s' overgeslagen") % {
                "feature": feature, "name": name}))
        else:
            self.problems.append(FormProblem("survey", row, column, _(
                "%(feature)s kan de monitor niet vragen; verwijder deze rij of vervang haar door een vraag van een "
                "ander type") % {
                "feature": feature}))

    def _skip_block(self, element):
        self.skipped_names.add(element.get("name", ""))
        for child in element.get("children", []):
            self.row_of(child.get("name", ""))
            self._skip_block(child)

    def _walk(self, children, groups: list, relevant: list):
        for element in children:
            element = _fold(element)
            name = str(element.get("name", ""))
            kind = element.get("type", "")
            if kind == "group" and name == "meta" and element.get("control", {}).get("bodyless"):
                continue  # pyxform's own instanceID
            row = None if name in self.generated else self.row_of(name)
            if name in self.names and kind != "group":
                self.problems.append(FormProblem("survey", row, self.sheets.column(row, "name"), _(
                    "de naam '%(name)s' staat ook op rij %(other)s; geef elke vraag een eigen naam") % {
                    "name": name, "other": self.names[name] or "?"}))
            self.names.setdefault(name, row)
            bind = element.get("bind", {})
            if bind.get("relevant"):
                self.expressions.append((row, "relevant", bind["relevant"], None, ""))
            if kind == "group":
                own = [bind["relevant"]] if bind.get("relevant") else []
                self._walk(element.get("children", []), [*groups, (name, self.texts(element.get("label")))],
                           [*relevant, *own])
                continue
            verdict, detail = classify(kind)
            if verdict == "asked" and "." in str(element.get("itemset", "")) and not element.get("list_name"):
                verdict, detail = classify("select_one_from_file")  # choices from a .csv or .xml file
            if verdict == "unknown":
                self.problems.append(FormProblem("survey", row, self.sheets.column(row, "type"), _(
                    "onbekend vraagtype '%(type)s'; gebruik een van: %(types)s") % {
                    "type": detail, "types": SUPPORTED_WORDS}))
            if verdict in {"refused", "unknown"}:
                if verdict == "refused":
                    self.refuse(row, str(detail)[:1].upper() + str(detail)[1:], name)
                self._skip_block(element)
                continue
            self._question(element, row, verdict, detail, groups, relevant)

    def _question(self, element, row, verdict, detail, groups, relevant):
        name, bind = str(element["name"]), element.get("bind", {})
        own = [bind["relevant"]] if bind.get("relevant") else []
        question = Question(
            name=name, type="calculate" if verdict == "metadata" else detail, label=self.texts(element.get("label")),
            hint=self.texts(element.get("hint")), relevant=[*relevant, *own],
            constraint=str(bind.get("constraint", "")), constraint_message=self.texts(bind.get("jr:constraintMsg")),
            group=groups[-1][0] if groups else "", group_label=groups[-1][1] if groups else {},
            group_labels=[label for _name, label in groups], group_path=[group for group, _label in groups],
            choice_filter=str(element.get("choice_filter", "")),
            calculation=detail if verdict == "metadata" else str(bind.get("calculate", "")))
        required = str(bind.get("required", "")).strip()
        if required.lower() in YES_NO:
            question.required = YES_NO[required.lower()]
        elif required:
            question.required_if = required
        for column, text in (("constraint", question.constraint), ("required", question.required_if),
                             ("calculation", question.calculation if verdict != "metadata" else "")):
            if text:
                self.expressions.append((row, column, text, None, ""))
        if question.type == "calculate" and not question.calculation:
            self.problems.append(FormProblem("survey", row, self.sheets.column(row, "calculation"), _(
                "een berekening (calculate) heeft een formule nodig in de kolom calculation")))
        default = element.get("default")
        if default not in (None, ""):
            question.default = str(default)
            if _is_dynamic(question.default, question.type):
                self.expressions.append((row, "default", question.default, None, ""))
        if question.is_select:
            self._choices(element, question, row)
        self._register(bind, question, row)
        if name in self.generated:
            select = name[: -len("_other")]
            question.other_of = select
            question.label = {"nl": "Anders, namelijk:", "en": "Other, namely:"}
        self.questions.append(question)

    def _register(self, bind: dict, question: Question, row):
        """`bind::ontmoet:register`: the register field that pre-fills this question, if its type can hold it."""
        named = str(bind.get(register_fields.COLUMN, "")).strip()
        if not named:
            return
        where = ("survey", row, self.sheets.column(row, "ontmoet"))
        found = register_fields.lookup(named)
        if found is None:
            self.problems.append(FormProblem(*where, _(
                "'%(name)s' is geen veld van het register; kies uit %(fields)s") % {
                "name": named, "fields": ", ".join(register_fields.FIELDS)}))
        elif question.type not in found[1].types:
            self.problems.append(FormProblem(*where, _(
                "het registerveld '%(name)s' past niet bij een vraag van het type %(type)s; gebruik %(types)s") % {
                "name": found[0], "type": question.type, "types": " of ".join(sorted(found[1].types))}))
        else:
            question.register = found[0]

    def _choices(self, element, question: Question, row):
        list_name = str(element.get("list_name") or element.get("itemset") or "")
        raw_type = str(self.sheets.cell(self.sheets.survey[row - 2], "type") or "") if row else ""
        or_other = bool(OR_OTHER.search(raw_type))
        authored = self.sheets.choice_names.get(list_name, set())
        columns = {"name", "label"}
        for choice in element.get("choices", []):
            choice_name = str(choice.get("name", ""))
            label = self.texts(choice.get("label"))
            if choice_name == "other" and choice_name not in authored:
                if not or_other:
                    continue  # pyxform adds "other" to the shared list; only the or_other question asks it
                label = {**label, "nl": "Anders", "en": "Other"}
            filters = {key: str(value) for key, value in choice.items()
                       if key not in CHOICE_KEYS and isinstance(value, str | int | float)}
            columns |= set(filters)
            question.choices.append(Choice(choice_name, label, filters if question.choice_filter else {}))
        if or_other:
            self.generated.add(f"{question.name}_other")
        if question.choice_filter:
            self.expressions.append((row, "choice_filter", question.choice_filter, columns, list_name))

    # -- expressions ---------------------------------------------------------------------------
    def check_expressions(self):
        for row, column, text, choice_columns, list_name in self.expressions:
            where = ("survey", row, self.sheets.column(row, column))
            try:
                tree = expressions.parse(text)
            except expressions.ExpressionError as exc:
                self.problems.append(FormProblem(*where, _(
                    "de formule '%(expression)s' is niet te lezen: %(error)s") % {"expression": text, "error": exc}))
                continue
            skipped = sorted(expressions.references(tree) & self.skipped_names)
            missing = sorted(expressions.references(tree) - set(self.names) - self.skipped_names)
            if missing:
                self.problems.append(FormProblem(*where, _(
                    "verwijst naar %(names)s, maar zo'n vraag staat niet in het formulier; controleer de naam") % {
                    "names": ", ".join(f"${{{name}}}" for name in missing)}))
            if skipped:
                self.problems.append(FormProblem(*where, _(
                    "verwijst naar %(names)s, een vraag die wordt overgeslagen; pas de formule aan") % {
                    "names": ", ".join(f"${{{name}}}" for name in skipped)}))
            for pattern, error in expressions.bad_patterns(tree):
                self.problems.append(FormProblem(*where, _(
                    "het patroon '%(pattern)s' in regex() is niet te lezen: %(error)s") % {
                    "pattern": pattern, "error": error}))
            words = expressions.columns(tree)
            if choice_columns is None and words:
                self.problems.append(FormProblem(*where, _(
                    "onbekend woord %(words)s; verwijs naar een vraag met ${naam} en zet tekst tussen "
                    "aanhalingstekens") % {"words": ", ".join(f"'{word}'" for word in sorted(words))}))
            elif choice_columns is not None and words - choice_columns:
                self.problems.append(FormProblem(*where, _(
                    "de kolom %(columns)s staat niet op het blad choices bij de lijst '%(list)s'; bedoelt u tekst, "
                    "zet die dan tussen aanhalingstekens") % {
                    "columns": ", ".join(f"'{word}'" for word in sorted(words - choice_columns)),
                    "list": list_name}))


def _fold(element: dict) -> dict:
    """pyxform leaves 'bind:relevant' and 'label:English' unsplit in a sheet that also uses '::'."""
    loose = [key for key in element if ":" in key and not key.startswith("jr:")]
    if not loose:
        return element
    element = {**element, "bind": dict(element.get("bind") or {})}
    for key in loose:
        column, _sep, rest = key.partition(":")
        value = element.pop(key)
        if column == "bind":
            element["bind"][rest] = value
        elif column in {"label", "hint"}:
            texts = element.get(column)
            texts = dict(texts) if isinstance(texts, dict) else ({"default": texts} if texts else {})
            element[column] = {**texts, rest: value}
    return element


def _is_dynamic(default: str, question_type: str) -> bool:
    from pyxform.utils import default_is_dynamic

    return default_is_dynamic(default, "date" if question_type == "date" else None)


def _read(data: bytes, filename: str):
    from pyxform.errors import PyXFormError
    from pyxform.xls2json_backends import get_xlsform

    suffix = PurePath(filename).suffix.lower()
    try:
        return get_xlsform(data, file_type=suffix if suffix in {".xlsx", ".xls", ".xlsm"} else None)
    except PyXFormError as exc:
        if "not recognized as a supported type" not in str(exc) and "Error reading" not in str(exc):
            raise FormError([FormProblem(filename, None, "", _("pyxform meldt: %(message)s") % {
                "message": str(exc)})]) from exc
        raise _unreadable(filename) from exc
    except (ValueError, KeyError, OSError) as exc:
        raise _unreadable(filename) from exc


def _unreadable(filename: str) -> FormError:
    return FormError([FormProblem(filename, None, "", _(
        "dit bestand is niet te lezen als XLSForm; sla het op als Excel-werkmap (.xlsx) of Excel 97-2003 "
        "(.xls) met de bladen survey en (bij keuzevragen) choices"))])


def parse_xlsform(data: bytes, filename: str = "form.xlsx", *, skip_unsupported: bool = False) -> FormDefinition:
    """Parse an XLSForm, or raise FormError naming sheet, row and column of each problem.

    With `skip_unsupported`, rows the monitor cannot ask (repeats, photos, GPS, ...) are left out
    and listed in the result's `skipped`; otherwise each is a problem.
    """
    from pyxform.errors import PyXFormError
    from pyxform.xls2json import workbook_to_json

    workbook = _read(data, filename)
    sheets = _Sheets(workbook, filename)
    if not sheets.survey:
        raise FormError([FormProblem("survey", None, "", _(
            "het blad 'survey' ontbreekt of is leeg; zet de vragen op een blad met de naam survey"))])
    try:
        parsed = workbook_to_json(workbook, form_name="data", default_language="default",
                                  fallback_form_name="data")
    except PyXFormError as exc:
        message = str(exc)
        match = re.search(r"\[row : (\d+)\]\s*(.*)", message, re.DOTALL)
        row, text = (int(match.group(1)), match.group(2).strip()) if match else (None, message)
        column = re.search(r"the '([\w:]+)' (?:value|column)", text)
        raise FormError([FormProblem("survey" if row else filename, row, sheets.column(row, column.group(1))
                                     if row and column else "", _(
            "pyxform meldt: %(message)s") % {"message": text})]) from exc
    reader = _Reader(parsed, sheets, skip_unsupported)
    reader.check_expressions()
    if not reader.problems and not any(question.has_answer for question in reader.questions):
        reader.problems.append(FormProblem("survey", None, "", _(
            "het formulier bevat geen vragen die de monitor kan stellen; voeg ten minste één vraag toe")))
    if reader.problems:
        raise FormError(reader.problems)
    form_id, id_header = sheets.setting("form_id", "id_string")
    version, version_header = sheets.setting("version")
    title = sheets.setting("form_title", "title")[0]
    form = FormDefinition(
        title=title or form_id or PurePath(filename).stem, form_id=form_id or slugify(PurePath(filename).stem)[:100]
        or "formulier", version=version or "1",
        languages=sorted({code for question in reader.questions for code in question.label}) or [reader.default],
        questions=reader.questions, language_names=reader.language_names,
        skipped_names=sorted(name for name in reader.skipped_names if name))
    form.skipped = reader.skipped
    form.origin = {"form_id": id_header, "version": version_header, "filename": filename}
    return form


def version_clash(form: FormDefinition) -> FormError:
    """The refusal when this form_id and version are already stored: it names the real setting."""
    origin = getattr(form, "origin", {})
    values = {"version": form.version, "form": form.form_id}
    if origin.get("version"):
        return FormError([FormProblem("settings", 2, origin["version"], _(
            "versie %(version)s van '%(form)s' bestaat al; zet een hogere versie in deze kolom") % values)])
    where = _("de instelling %(header)s op het blad settings") % {"header": origin["form_id"]} if origin.get(
        "form_id") else _("de bestandsnaam")
    return FormError([FormProblem("settings", None, "version", _(
        "'%(form)s' (naam uit %(where)s) bestaat al zonder versienummer; voeg op het blad settings een kolom "
        "version toe met een hogere waarde, bijvoorbeeld 2") % {**values, "where": where})])
