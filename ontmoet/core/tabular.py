"""Reading uploaded tables (CSV in UTF-8 or Windows-1252 with , or ;, and XLSX) for imports.

Every import in Ontmoet is all-or-nothing: the rows are read and checked first, the report lists
every problem by row number, and only a clean file is written, inside one transaction.
"""

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from python_calamine import CalamineError
from python_calamine import load_workbook as load_calamine

from .exports import strip_neutralisation
from .textinput import has_control_characters


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
    if value.__class__ is str:  # the common case first: every CSV cell, most XLSX cells
        value = value.strip()
        return strip_neutralisation(value) if value[:1] == "'" else value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return strip_neutralisation(str(value).strip())


def _limits() -> tuple[int, int]:
    return settings.ONTMOET_IMPORT_MAX_ROWS, settings.ONTMOET_IMPORT_MAX_BYTES


def _too_big(limit_bytes: int) -> TableError:
    return TableError(_("Het bestand is uitgepakt groter dan %(limit)s MB. Splits het bestand in delen.")
                      % {"limit": round(limit_bytes / 1_048_576)})


def _limited(raw_rows: Iterator[list], max_rows: int) -> Iterator[tuple[int, list]]:
    """Numbered rows, stopping with an error as soon as the file has more than max_rows rows after the header.

    The readers are generators, so a file of a million rows is refused after max_rows + 1 rows, not read whole.
    """
    for number, row in enumerate(raw_rows, start=1):
        if number > max_rows + 1:
            raise _too_many_rows(max_rows)
        yield number, row


def _too_many_rows(max_rows: int) -> TableError:
    return TableError(_("Het bestand heeft meer dan %(max)s regels; de grens is %(max)s. "
                        "Splits het bestand in delen.") % {"max": max_rows})


def _refuse_control_characters(number: int, header: list[str], row: list) -> None:
    # One search over the row's text first ("\n" is no control character here); cells only when it finds one.
    if not has_control_characters("\n".join(value for value in row if value.__class__ is str)):
        return
    for index, value in enumerate(row):
        if isinstance(value, str) and has_control_characters(value):
            column = header[index] if header and index < len(header) and header[index] else str(index + 1)
            raise TableError(_("Regel %(row)s, kolom ‘%(column)s’ bevat een onzichtbaar stuurteken. "
                               "Verwijder dat teken en importeer het bestand opnieuw.")
                             % {"row": number, "column": column})


def read_table(filename: str, data: bytes, required: set[str], known: set[str] | None,
               keep: Callable[[list[str]], Iterable[str]] | None = None) -> Table:
    """Parse an uploaded CSV or XLSX into a Table, or raise TableError with a Dutch message.

    Refused as a whole: more rows than ONTMOET_IMPORT_MAX_ROWS, more than ONTMOET_IMPORT_MAX_BYTES
    uncompressed, and control characters in any cell (named by row and column). `known=None` accepts any
    column, for callers that judge the header themselves. `keep`, called with the header, names the
    columns the caller reads: only their cells are cleaned, checked and returned (the header stays whole),
    so an export with three times the columns an import needs costs little more than the columns it reads.
    """
    if not data.strip():
        raise TableError(_("Het bestand is leeg."))
    max_rows, max_bytes = _limits()
    if len(data) > max_bytes:
        raise _too_big(max_bytes)
    name = filename.lower()
    is_zip = data[:4] == b"PK\x03\x04"
    if name.endswith(".xlsx") or is_zip:
        if not is_zip:
            raise TableError(_("Dit bestand heet .xlsx maar is geen Excel-bestand."))
        raw_rows = _read_xlsx(data, max_bytes, max_rows)
    elif name.endswith((".csv", ".txt")):
        raw_rows = _read_csv(_decode(data))
    else:
        raise TableError(_("Kies een CSV- of XLSX-bestand."))
    header: list[str] = []
    numbered = []
    indexes: list[int] | None = None  # the kept columns' positions, once the header is read
    kept_header: list[str] = []
    for number, row in _limited(raw_rows, max_rows):
        if indexes is not None:
            # Blank is judged on the whole row: a row with only columns the caller skips is still a row.
            blank = not any(_clean(v) for v in row)
            row = [row[index] if index < len(row) else None for index in indexes]
            _refuse_control_characters(number, kept_header, row)
            if not blank:
                numbered.append((number, row))
            continue
        _refuse_control_characters(number, header, row)
        if any(_clean(v) for v in row):
            numbered.append((number, row))
            if not header:
                header = [_clean(value).lower() for value in row]
                if keep is not None:
                    wanted = set(keep(header))
                    indexes = [index for index, column in enumerate(header) if column and column in wanted]
                    kept_header = [header[index] for index in indexes]
    if not numbered:
        raise TableError(_("Het bestand is leeg."))
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
    if len(numbered) == 1:
        raise TableError(_("Het bestand bevat alleen kolomkoppen en geen gegevens."))
    columns = kept_header if indexes is not None else header
    rows = []
    for _number, raw in numbered[1:]:
        values = list(raw) + [""] * (len(columns) - len(raw))
        rows.append({column: _clean(value) for column, value in zip(columns, values, strict=False) if column})
    return Table(header=header, rows=rows, row_numbers=[number for number, _row in numbered[1:]])


def _read_csv(text: str) -> Iterator[list[str]]:
    first_line = text.splitlines()[0] if text else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        yield from csv.reader(io.StringIO(text), delimiter=delimiter)
    except csv.Error as exc:
        raise TableError(_("Het CSV-bestand is niet goed leesbaar: %(error)s") % {"error": exc}) from exc


def _read_xlsx(data: bytes, max_bytes: int, max_rows: int) -> Iterator[list]:
    """Rows of the first sheet, from A1 on (so row numbers are the sheet's), empty cells as "".

    Checked before any cell is parsed: the zip's unpacked size (zip bombs) and the number of rows in the
    sheet's XML, so a sheet of a million rows is refused at once. Only then is the sheet read, with
    calamine (Rust): openpyxl took about 2.5 ms a row for a 127-column KoboToolbox export, calamine a
    tenth of that. Both give the same values for what imports read; whole numbers come as floats and
    `_clean` writes them without ".0".
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
            if unpacked > max_bytes:
                raise _too_big(max_bytes)
            sheet_path = _first_sheet_path(archive)
            if sheet_path and _more_rows_than(archive, sheet_path, max_rows + 1):
                raise _too_many_rows(max_rows)
        rows = load_calamine(io.BytesIO(data)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError, CalamineError) as exc:
        raise TableError(_("Het Excel-bestand is beschadigd of geen XLSX.")) from exc
    yield from rows  # empty cells come as "", which every reader of a row takes as empty


ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _first_sheet_path(archive: zipfile.ZipFile) -> str | None:
    """The zip member of the workbook's first sheet (the one openpyxl's worksheets[0] reads)."""
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, DefusedXmlException):
        return None
    sheet = next((element for element in workbook.iter() if element.tag.endswith("}sheet")), None)
    if sheet is None:
        return None
    target = next((relation.get("Target") for relation in relations
                   if relation.get("Id") == sheet.get(RELATIONSHIP_ID)), None)
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _more_rows_than(archive: zipfile.ZipFile, path: str, limit: int) -> bool:
    """Whether a sheet has more than `limit` row elements, found on the raw XML while unpacking.

    First an upper bound in C (`bytes.count` of "<row" and ":row", which every row tag contains, with or
    without a namespace prefix): a sheet within the limit by that bound, every ordinary import, is not
    searched with the regular expression (`_rows_in`), which took three times as long on a 10,000-row
    KoboToolbox export. The sheet's <dimension> element is not used: it is the file's own claim, and a
    hostile file can understate it.
    """
    return _row_tags_at_most(archive, path, limit) > limit and _rows_in(archive, path, stop_after=limit) > limit


def _row_tags_at_most(archive: zipfile.ZipFile, path: str, stop_after: int) -> int:
    count, tail = 0, b""
    try:
        with archive.open(path) as member:
            while chunk := member.read(1 << 20):
                # The last 3 bytes carried over: a 4-byte pattern cut by the chunk border is counted once.
                window = tail + chunk
                count += window.count(b"<row") + window.count(b":row")
                tail = window[-3:]
                if count > stop_after:
                    break
    except KeyError:
        return 0
    return count


def _rows_in(archive: zipfile.ZipFile, path: str, stop_after: int) -> int:
    """Row elements in a sheet, counted on the raw XML while unpacking, stopping past `stop_after`."""
    count, tail = 0, b""
    try:
        with archive.open(path) as member:
            while chunk := member.read(1 << 20):
                window = tail + chunk
                # A tag that ends in the tail was counted with the previous chunk.
                count += sum(1 for match in ROW_TAG.finditer(window) if match.end() > len(tail))
                tail = window[-20:]
                if count > stop_after:
                    break
    except KeyError:
        return 0
    return count
