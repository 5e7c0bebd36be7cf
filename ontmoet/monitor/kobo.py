"""Exports as KoboToolbox and ODK Central write them: which column holds which question.

A question's column is its `name`, or the names of its groups and its own joined by `/` (KoboToolbox's
default), `.` (KoboToolbox's other choice) or `-` (ODK Central). A select_multiple may also have one
column per choice (`question/choice`, 1/0 or True/False). The tools' metadata columns are ignored and
named in the report; the submission time (`_submission_time`, `SubmissionDate`) is kept.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontmoet.core.tabular import read_table

from .xlsform_types import METADATA

SEPARATORS = ("/", ".", "-")
RESPONDENT = "respondent"
PHONE = "telefonisch"
SUBMISSION_TIME = ("_submission_time", "submissiondate")
# Headers are compared in lower case (the table reader lowers them).
ODK_META = {"submissiondate", "key", "parent_key", "submitterid", "submittername", "attachmentspresent",
            "attachmentsexpected", "status", "reviewstate", "deviceid", "edits", "formversion", "instanceid"}
META_GROUPS = {"meta", "formhub"}  # meta/instanceID, meta-instanceID, formhub/uuid, ...
# Columns named after a metadata question (the form's own names; the spaced aliases never head a column).
METADATA_TYPES = {name for name in METADATA if " " not in name and ":" not in name} | {
    "start-geopoint", "background-audio"}
OWN = {"respondent_naam", "gemeente"}  # the monitor's own export writes them for the reader
NOT_ANSWERED = {"n/a", "N/A"}  # Kobo writes n/a for questions skip logic hid
CHOSEN = {"1", "true", "True", "TRUE", "ja", "yes"}  # compared as written, then in lower case
NOT_CHOSEN = {"0", "false", "False", "FALSE", "nee", "no", "", "n/a"}
MULTIPLE_SEPARATORS = re.compile(r"[\s,;]+")
LABELS_EXPORT = gettext_lazy(
    "Dit bestand is geëxporteerd met labels in plaats van namen: kolom '%(column)s' is de tekst van vraag "
    "'%(name)s'. Exporteer opnieuw met XML-waarden en -kopteksten: in KoboToolbox onder Downloads bij "
    "'Value and header format' de keuze 'XML values and headers'; ODK Central exporteert altijd namen.")


def spellings(path: list) -> set:
    """Every header a question with this path may have: bare, or group-prefixed with any separator."""
    return {separator.join(path).lower() for separator in SEPARATORS} | {path[-1].lower()}


@dataclass
class Columns:
    """What each header of an export is."""

    questions: dict = field(default_factory=dict)  # header -> question name
    split: dict = field(default_factory=dict)  # header -> (question name, choice name)
    # Choice columns of a question whose own column is there too (Kobo's default "single and separate
    # columns"): that column holds the same choices, so these are not read.
    redundant: list = field(default_factory=list)
    ignored: list = field(default_factory=list)  # metadata and calculations, as headers
    unknown: list = field(default_factory=list)
    submission: str = ""  # the header holding the original submission time

    def header_of(self, name: str) -> str:
        """The column to name in a problem about question `name`."""
        for header, question in self.questions.items():
            if question == name:
                return header
        return next((header for header, (question, _c) in self.split.items() if question == name), name)

    @property
    def present(self) -> set:
        return {*self.questions.values(), *(question for question, _choice in self.split.values())}


def _segments(header: str) -> list:
    return re.split(r"[/.\-]", header)


def _is_metadata(header: str, computed: set) -> bool:
    segments = _segments(header)
    return (header.startswith("_") or header in ODK_META or header in OWN or header in computed
            or segments[0] in META_GROUPS or header in METADATA_TYPES
            or (len(segments) > 1 and segments[-1] in computed))


def resolve(form, header: list, *, respondent: str = "") -> Columns:
    """Sort an export's header into questions, split choice columns, metadata and unknown columns."""
    names, split = {}, {}
    for question in form.answerable:
        bases = spellings(question.path)
        for spelling in bases:
            names.setdefault(spelling, question.name)
        if question.type == "select_multiple":
            for choice in question.choices:
                for base in bases:
                    for separator in SEPARATORS:
                        split.setdefault(f"{base}{separator}{choice.name}".lower(), (question.name, choice.name))
    computed = {name.lower() for name in form.skipped_names}
    for question in form.calculated:
        computed |= spellings(question.path)
    columns = Columns()
    for column in header:
        if column in names:  # also when it names the respondent: a form may ask which place answers
            columns.questions[column] = names[column]
        elif not column or column in {respondent, PHONE}:
            continue
        elif column in split:
            columns.split[column] = split[column]
        elif _is_metadata(column, computed):
            columns.ignored.append(column)
            if column in SUBMISSION_TIME and not columns.submission:
                columns.submission = column
        else:
            columns.unknown.append(column)
    answered = set(columns.questions.values())
    for column in [column for column, (question, _choice) in columns.split.items() if question in answered]:
        columns.redundant.append(column)
        del columns.split[column]
    return columns



def _plain(text: str) -> str:
    return " ".join(re.sub(r"[*_#`]", "", text).lower().split())


def labels_export(form, unknown: list) -> str:
    """The refusal for an export made with labels instead of names, or '' when it is not one."""
    labels = {}
    for question in form.questions:
        for text in question.label.values():
            labels.setdefault(_plain(text), question.name)
    for column in unknown:
        plain = _plain(column)
        for label, name in labels.items():
            if label and (plain == label or plain.endswith("/" + label)):
                return str(LABELS_EXPORT) % {"column": column, "name": name}
    return ""


def second_header_row(form, columns: Columns, row: dict) -> str:
    """What a row right under the header is when it is no response, or '' when it is a response.

    KoboToolbox writes a row of HXL hashtags (#loc+name, ...) under the names when the form has an hxl
    column; its legacy exports and Ona ("include labels") write a row of the questions' labels.
    """
    cells = [row.get(header, "") for header in (*columns.questions, *columns.split)]
    filled = [cell for cell in cells if cell]
    if filled and all(cell.startswith("#") and " " not in cell for cell in filled):
        return "hxl"
    labels = {}
    for question in form.questions:
        labels[question.name] = {_plain(text) for text in question.label.values() if text}
    matches = sum(1 for header, name in columns.questions.items()
                  if (cell := row.get(header, "")) and _plain(cell) in labels.get(name, ()))
    # Half the filled cells: a label row may leave some questions without a label (notes, calculations).
    return "labels" if matches and 2 * matches >= len(filled) else ""


def multiple(text: str) -> list:
    """A select_multiple cell: names separated by spaces, commas or semicolons."""
    return [name for name in MULTIPLE_SEPARATORS.split(text) if name]


def submission_time(text: str):
    """The original submission time; a time without zone is UTC, as both tools write it. ValueError if unreadable."""
    if not text or text in NOT_ANSWERED:
        return None
    value = datetime.datetime.fromisoformat(text.strip())
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)


# -- the respondent: a column of codes, or of anything through a mapping table ------------------------
def parse_mapping(text: str, codes: set) -> tuple[dict, list]:
    """'value;code' lines (tab, ; or , between) -> ({value (lower): code}, problems by line).

    A first line whose code is not a respondent's is taken as the table's header.
    """
    mapping, problems = {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        delimiter = next((d for d in ("\t", ";", ",") if d in line), None)
        if delimiter is None:
            problems.append(_("koppeltabel regel %(n)s: zet de waarde en de code gescheiden door ; op één regel") % {
                "n": number})
            continue
        value, _sep, code = line.rpartition(delimiter)
        value, code = value.strip().strip('"').lower(), code.strip().strip('"').upper()
        if code not in codes:
            if number > 1 or mapping:
                problems.append(_("koppeltabel regel %(n)s: '%(code)s' is geen code van een respondent van deze "
                                  "uitvraag; gebruik de code van de plek of de CBS-code van de gemeente") % {
                    "n": number, "code": code})
            continue
        mapping[value] = code
    return mapping, problems


def mapping_text(filename: str, data: bytes, codes: set) -> str:
    """An uploaded mapping table (CSV or XLSX, two columns) as 'value;code' lines for the page to show.

    TableError when the file cannot be read. The first row is left out when it is a header (no respondent's code).
    """
    table = read_table(filename, data, required=set(), known=None)
    first, second = (table.header + ["", ""])[:2]
    lines = [f"{row.get(first, '')};{row.get(second, '')}" for row in table.rows]
    return "\n".join(lines if second.upper() not in codes else [f"{first};{second}", *lines])


def detect_respondent(table, lookup) -> str:
    """The column where most cells name a respondent (a code, or a value in the mapping), at least half of them.

    Not all: exports hold test submissions by other accounts, which the import then skips or reports.
    """
    best, best_count = "", 0
    for column in table.header:
        values = [value for row in table.rows if (value := row.get(column, ""))]
        count = sum(1 for value in values if lookup(value))
        if count > best_count and 2 * count >= len(values):
            best, best_count = column, count
    return best
