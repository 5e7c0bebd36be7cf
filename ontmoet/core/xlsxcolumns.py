"""An XLSX sheet narrowed to the columns an import reads, before calamine parses it.

calamine parses every cell of a sheet, and cannot be told to skip columns. A KoboToolbox export has
three times the columns the monitor's import reads (a True/False column per choice, fifteen of
metadata), so parsing them was most of what an XLSX export cost beyond the same answers as CSV. Here
the sheet's XML first loses the cells of the other columns, with regular expressions (C speed, one
Python call per row), and calamine parses what is left: values, types, shared strings, dates and
escapes are still calamine's, and every kept cell keeps its place (its `r` reference).

- The rows up to and including the header (the first row with a value) are kept whole: the caller
  judges the whole header (unknown columns, metadata named in the report).
- A row keeps its first removed cell that holds something: the caller counts a row with values only in
  columns it does not read as a row (a submission without answers), not as a blank line.
- Only the common shape is narrowed: no namespace prefix, no CDATA, every cell with an `r` reference
  as its first attribute (what Excel, LibreOffice, KoboToolbox's writer and openpyxl write). Anything
  else returns None, and the caller reads the sheet whole, as before.
"""

import io
import re
import zipfile
from collections.abc import Callable

from python_calamine import CalamineError
from python_calamine import load_workbook as load_calamine

CELLS_WITHOUT_A_REFERENCE = (b"<c>", b"<c/>", b"<c\t", b"<c\n", b"<c\r")
HEADER_PROBE_ROWS = 8


def narrowed(archive: zipfile.ZipFile, sheet_path: str,
             kept_columns: Callable[[list], tuple[int, list[int]] | None]) -> bytes | None:
    """The workbook again with the sheet's other columns removed after the header, or None to read it whole.

    `kept_columns(rows)` is given the sheet's first rows (as calamine reads them, from A1) and answers
    (index of the header row, indexes of the columns to keep), or None when those rows hold no header.
    """
    xml = archive.read(sheet_path)
    if b"<sheetData>" not in xml or b"<![CDATA[" in xml:
        return None
    found = _header(archive, sheet_path, xml, kept_columns)
    if found is None:
        return None
    header_end, kept = found
    head, rest = xml[:header_end], xml[header_end:]
    del xml  # a sheet can unpack to 200 MB: keep one copy of it
    if rest.count(b"<c ") != rest.count(b'<c r="') or any(tag in rest for tag in CELLS_WITHOUT_A_REFERENCE):
        return None
    # Any column but the kept ones: a lookahead for the kept letters (a trie), then the letters.
    other = (b"(?!" + _alternation([_letters(index) for index in kept]) + b"[0-9])" if kept else b"") + b"[A-Z]{1,3}"
    # A removed cell: self-closing (empty), or with content up to its own end tag. Its attributes hold no
    # "/" (a cell whose do is kept). The content stops at the next cell too, so a cell without an end tag
    # costs one scan to the next cell, not to the row's end.
    start, content = rb'<c r="' + other + rb'[0-9]+"[^>/]*+', rb">(?:[^<]++|<(?!/c>|c ))*+</c>"
    any_cell = re.compile(start + rb"(?:/>|" + content + rb")")
    with_content = re.compile(start + content)
    rows = rest.split(b"</row>")
    for number, row in enumerate(rows):
        first = with_content.search(row)
        if first is None:
            rows[number] = any_cell.sub(b"", row)
        else:
            rows[number] = any_cell.sub(b"", row[:first.start()]) + first[0] + any_cell.sub(b"", row[first.end():])
    return _workbook(archive, sheet_path, head + b"</row>".join(rows))


def _header(archive, sheet_path: str, xml: bytes, kept_columns) -> tuple[int, list[int]] | None:
    """(where the header row's element ends in the XML, the columns to keep), found on the first rows only."""
    probe_rows = HEADER_PROBE_ROWS
    while True:
        end = _after_rows(xml, probe_rows)
        whole = end is None
        if whole:
            end = xml.rfind(b"</row>") + len(b"</row>")
            if end < len(b"</row>"):
                return None
        head = xml[:end] + b"</sheetData></worksheet>"
        try:
            rows = load_calamine(io.BytesIO(_workbook(archive, sheet_path, head))).get_sheet_by_index(0).to_python(
                skip_empty_area=False)
        except CalamineError:
            return None
        found = kept_columns(rows)
        if found is not None:
            break
        if whole:
            return None
        probe_rows *= 8
    header_index, kept = found
    # The header row's own element, by its reference (rows may be left out of the XML when empty).
    start = xml.find(b'<row r="%d"' % (header_index + 1))
    close = xml.find(b"</row>", start) if start >= 0 else -1
    if close < 0 or close >= end:
        return None
    return close + len(b"</row>"), kept


def _after_rows(xml: bytes, count: int) -> int | None:
    """The end of the `count`-th row element, or None when the sheet has no more rows than that."""
    position = 0
    for _ in range(count):
        position = xml.find(b"</row>", position)
        if position < 0:
            return None
        position += len(b"</row>")
    return position


def _letters(index: int) -> str:
    """The column letters of a 0-based index: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _alternation(words: list[str]) -> bytes:
    """One regular expression for a set of column letters, as a trie: a few steps per cell, not one per column."""
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def render(node: dict) -> str:
        leaves = sorted(letter for letter, child in node.items() if letter and list(child) == [""])
        parts = [f"[{''.join(leaves)}]" if len(leaves) > 1 else leaves[0]] if leaves else []
        parts += [letter + render(child) for letter, child in sorted(node.items())
                  if letter and list(child) != [""]]
        body = f"(?:{'|'.join(parts)})"
        return body + "?" if "" in node else body

    return render(tree).encode()


def _workbook(archive: zipfile.ZipFile, sheet_path: str, sheet: bytes) -> bytes:
    """The archive with another sheet XML, stored without compression (calamine reads it once)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
        for member in archive.infolist():
            out.writestr(member.filename, sheet if member.filename == sheet_path else archive.read(member))
    return buffer.getvalue()
