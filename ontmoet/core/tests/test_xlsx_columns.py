"""core.xlsxcolumns: an XLSX read with `keep` is narrowed to the kept columns before calamine parses it,
and reads exactly as the whole sheet does."""

import datetime
import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from ontmoet.core import tabular, xlsxcolumns
from ontmoet.core.tabular import read_table

WIDTH = 40  # past column Z, so two-letter columns are kept and dropped too
KEPT = {"code", "naam", "col_27", "col_39"}


def rows(blank_before: int) -> list[list]:
    header = ["code", "_id", "naam", *(f"col_{n}" for n in range(3, WIDTH))]
    body = []
    for n in range(14):
        row = [f"A-{n}", n, f"Huis <{n}> & \"tuin\"", *(f"x{n}_{c}" for c in range(3, WIDTH))]
        row[27], row[39] = (n % 2 == 0), datetime.datetime(2013, 5, 14, 9, n)
        body.append(row)
    body[3] = [None, 7, None, *([None] * (WIDTH - 3))]  # only a column nobody reads: a row, not a blank line
    body[4] = [None] * WIDTH  # a blank line
    body[5][1] = "   "  # whitespace where nobody reads
    body[6] = ["'=1+1", 3.5, "  Een  ", *([None] * (WIDTH - 3))]
    body[6][39] = "laatste"
    return [[None] * WIDTH] * blank_before + [header, *body]


def workbook(table: list[list], write_only: bool) -> bytes:
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("Export") if write_only else book.active
    for row in table:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


INLINE = re.compile(rb'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)'
                    rb"</t></is></c>", re.DOTALL)


def with_shared_strings(data: bytes) -> bytes:
    """openpyxl writes inline strings; Excel, LibreOffice and KoboToolbox's writer a shared-strings table."""
    strings: dict[bytes, int] = {}

    def shared(match):
        index = strings.setdefault(match[3], len(strings))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (match[1], match[2], index)

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        path = tabular._first_sheet_path(archive)
        xml = INLINE.sub(shared, archive.read(path))
        table = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % text for text in strings)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as out:
            for member in archive.infolist():
                content = xml if member.filename == path else archive.read(member)
                if member.filename == "[Content_Types].xml":
                    content = content.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                                              b'"application/vnd.openxmlformats-officedocument.spreadsheetml.'
                                              b'sharedStrings+xml"/></Types>')
                elif member.filename == "xl/_rels/workbook.xml.rels":
                    content = content.replace(b"</Relationships>", b'<Relationship Id="rIdShared" Type="http://'
                                              b"schemas.openxmlformats.org/officeDocument/2006/relationships/"
                                              b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
                out.writestr(member.filename, content)
            out.writestr("xl/sharedStrings.xml", b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://'
                         b'schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
                         % (len(strings), len(strings), table))
    assert strings, "no inline strings found to share"
    return buffer.getvalue()


def read_whole(data, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(tabular, "narrowed", lambda *args: None)
        return read_table("export.xlsx", data, required=set(), known=None, keep=lambda header: KEPT)


def sheet_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(tabular._first_sheet_path(archive))


@pytest.mark.parametrize("writer", ["openpyxl", "openpyxl write-only", "shared strings"])
@pytest.mark.parametrize("blank_before", [0, 2, 10])
def test_a_narrowed_sheet_reads_as_the_whole_sheet(monkeypatch, writer, blank_before):
    data = workbook(rows(blank_before), write_only=writer != "openpyxl")
    if writer == "shared strings":
        data = with_shared_strings(data)
    made = []
    real = xlsxcolumns.narrowed
    monkeypatch.setattr(tabular, "narrowed", lambda *args: made.append(real(*args)) or made[-1])

    table = read_table("export.xlsx", data, required=set(), known=None, keep=lambda header: KEPT)

    assert made and made[0] is not None  # narrowed, not read whole
    assert table == read_whole(data, monkeypatch)
    assert table.header[:3] == ["code", "_id", "naam"] and len(table.header) == WIDTH
    assert table.row_numbers[3:6] == [blank_before + 5, blank_before + 7, blank_before + 8]
    assert table.rows[0] == {"code": "A-0", "naam": 'Huis <0> & "tuin"', "col_27": "True",
                             "col_39": "2013-05-14 09:00:00"}
    assert table.rows[3] == {"code": "", "naam": "", "col_27": "", "col_39": ""}
    assert table.rows[5] == {"code": "=1+1", "naam": "Een", "col_27": "", "col_39": "laatste"}
    # After the header only the kept columns are parsed, and per row the first removed cell with content.
    narrow, row = sheet_xml(made[0]), blank_before + 3
    assert [f'<c r="{column}{row}"'.encode() in narrow for column in ("A", "B", "C", "D", "AA", "AB", "AM", "AN")] == [
        True, True, True, False, False, True, False, True]
    assert f'<c r="D{row - 2}"'.encode() in narrow  # the header row is whole


def test_the_header_row_is_kept_whole_for_the_caller_to_judge(monkeypatch):
    data = workbook(rows(0), write_only=True)
    seen = []
    table = read_table("export.xlsx", data, required=set(), known=None,
                       keep=lambda header: seen.append(header) or KEPT)
    assert seen == [table.header] and table.header[-1] == f"col_{WIDTH - 1}"


def test_a_sheet_with_cells_without_a_reference_is_read_whole(monkeypatch):
    data = workbook(rows(1), write_only=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        path = tabular._first_sheet_path(archive)
        # calamine places a cell without `r` after the one before it: removing cells would move the others.
        xml = re.sub(rb'<c r="[A-Z]+[0-9]+"', b"<c", archive.read(path))
        assert xlsxcolumns.narrowed(_replaced(archive, path, xml), path, lambda rows: (1, [0, 2])) is None
        data = xlsxcolumns._workbook(archive, path, xml)
    assert read_table("export.xlsx", data, required=set(), known=None, keep=lambda header: KEPT) == read_whole(
        data, monkeypatch)


@pytest.mark.parametrize("words", [["A"], ["A", "AB", "AC", "B"], ["Z", "ZZ", "AAA"], ["AB"]])
def test_the_column_alternation_matches_exactly_its_columns(words):
    pattern = re.compile(b"(?:" + xlsxcolumns._alternation(words) + b")$")
    for index in range(800):
        letters = xlsxcolumns._letters(index)
        assert bool(pattern.match(letters.encode())) == (letters in words), letters


def _replaced(archive: zipfile.ZipFile, path: str, xml: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(xlsxcolumns._workbook(archive, path, xml)))
