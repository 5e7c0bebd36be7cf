"""Exports to CSV and XLSX that are safe to open in a spreadsheet.

Text that starts with = + - @ (or a tab or carriage return) would be run as a formula by Excel or
LibreOffice; such cells get a leading apostrophe (OWASP "CSV injection"). Numbers stay numbers.
Control characters are dropped from every cell: the XLSX format refuses them, so one stored value
with a NUL would otherwise make the whole export fail (the edges refuse them; this is the last line).
"""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

from .textinput import without_control_characters

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str):
        value = without_control_characters(value)
        if value.startswith(FORMULA_PREFIXES):
            return "'" + value
    return value


def strip_neutralisation(value: str) -> str:
    """The inverse, for importing a file that Ontmoet exported."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


class _Echo:
    def write(self, value):
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The lines of a UTF-8 CSV (with BOM, so Excel reads the accents; formulas neutralised), row by row."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([neutralise(value) for value in header])
    for row in rows:
        yield writer.writerow([neutralise(value) for value in row])


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> StreamingHttpResponse:
    """Stream a UTF-8 CSV row by row."""
    response = StreamingHttpResponse(csv_lines(header, rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_bytes(sheet_title: str, header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.append([neutralise(value) for value in header])
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, sheet_title: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(sheet_title, header, rows), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
