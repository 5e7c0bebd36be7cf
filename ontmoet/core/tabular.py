"""Reading uploaded tables (CSV in UTF-8 or Windows-1252 with , or ;, and XLSX) for imports.

Every import in Ontmoet is all-or-nothing: the rows are read and checked first, the report lists
every problem by row number, and only a clean file is written, inside one transaction.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import load_workbook

from .exports import strip_neutralisation


class TableError(Exception):
    """The file as a whole cannot be read (wrong type, encoding, header or empty)."""


@dataclass
class Table:
    header: list[str]
    rows: list[dict[str, str]]  # values as stripped strings, keyed by lower-case header
    row_numbers: list[int]  # the spreadsheet row number of each row (blank lines skipped, not renumbered)


@dataclass
class RowProblem:
    row: int
    column: str
    message: str


ACTION_LABELS = {"created": _lazy("nieuw"), "updated": _lazy("bijgewerkt"), "unchanged": _lazy("ongewijzigd")}


@dataclass
class ImportReport:
    """What an import did or would do, row by row. `ok` only when nothing is wrong."""

    file_problems: list[str] = field(default_factory=list)
    row_problems: list[RowProblem] = field(default_factory=list)
    actions: list[tuple[int, str, str]] = field(default_factory=list)  # (row, code, one of ACTION_LABELS)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.file_problems and not self.row_problems

    def add(self, row: int, column: str, message: str) -> None:
        self.row_problems.append(RowProblem(row, column, str(message)))

    def count(self, action: str) -> int:
        return sum(1 for _row, _code, done in self.actions if done == action)

    def action_rows(self):
        return [(row, code, ACTION_LABELS[action]) for row, code, action in self.actions]


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        # A byte-order mark promises UTF-8; broken UTF-8 after it is a damaged file, not Windows-1252.
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise TableError(_("Het bestand begint als UTF-8 maar bevat ongeldige tekens. "
                               "Sla het opnieuw op als CSV (UTF-8).")) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise TableError(_("Het bestand is geen tekst in UTF-8 of Windows-1252. Sla het op als CSV (UTF-8).")) from exc
    return text


def _clean(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return strip_neutralisation(str(value).strip())


def read_table(filename: str, data: bytes, required: set[str], known: set[str] | None) -> Table:
    """Parse an uploaded CSV or XLSX into a Table, or raise TableError with a Dutch message.

    `known=None` accepts any column, for callers that judge the header themselves.
    """
    if not data.strip():
        raise TableError(_("Het bestand is leeg."))
    name = filename.lower()
    is_zip = data[:4] == b"PK\x03\x04"
    if name.endswith(".xlsx") or is_zip:
        if not is_zip:
            raise TableError(_("Dit bestand heet .xlsx maar is geen Excel-bestand."))
        raw_rows = _read_xlsx(data)
    elif name.endswith((".csv", ".txt")):
        raw_rows = _read_csv(_decode(data))
    else:
        raise TableError(_("Kies een CSV- of XLSX-bestand."))
    numbered = [(number, row) for number, row in enumerate(raw_rows, start=1) if any(_clean(v) for v in row)]
    raw_rows = [row for _number, row in numbered]
    if not raw_rows:
        raise TableError(_("Het bestand is leeg."))
    header = [_clean(value).lower() for value in raw_rows[0]]
    missing = sorted(required - set(header))
    if missing:
        raise TableError(
            _("De kolomkoppen kloppen niet: %(missing)s ontbreekt. De eerste regel moet de kolomnamen bevatten.")
            % {"missing": ", ".join(missing)}
        )
    unknown = sorted(set(header) - known - {""}) if known is not None else []
    if unknown:
        raise TableError(_("Onbekende kolommen: %(unknown)s.") % {"unknown": ", ".join(unknown)})
    duplicated = sorted({column for column in header if column and header.count(column) > 1})
    if duplicated:
        raise TableError(_("Kolommen staan er dubbel in: %(dups)s.") % {"dups": ", ".join(duplicated)})
    if len(raw_rows) == 1:
        raise TableError(_("Het bestand bevat alleen kolomkoppen en geen gegevens."))
    rows = []
    for raw in raw_rows[1:]:
        values = list(raw) + [""] * (len(header) - len(raw))
        rows.append({column: _clean(value) for column, value in zip(header, values, strict=False) if column})
    return Table(header=header, rows=rows, row_numbers=[number for number, _row in numbered[1:]])


def _read_csv(text: str) -> list[list[str]]:
    first_line = text.splitlines()[0] if text else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise TableError(_("Het CSV-bestand is niet goed leesbaar: %(error)s") % {"error": exc}) from exc


def _read_xlsx(data: bytes) -> list[list]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableError(_("Het Excel-bestand is beschadigd of geen XLSX.")) from exc
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows
