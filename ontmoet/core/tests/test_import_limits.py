"""Imports stream and stop at a row limit and an unpacked-size limit, with a Dutch message."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from ontmoet.core import tabular
from ontmoet.core.tabular import TableError, read_table


def counting(reader, counter):
    def wrapped(*args):
        for row in reader(*args):
            counter.append(1)
            yield row
    return wrapped


def xlsx(rows):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_csv_over_the_row_limit_is_refused_after_reading_just_past_it(settings, monkeypatch):
    settings.ONTMOET_IMPORT_MAX_ROWS = 10
    read = []
    monkeypatch.setattr(tabular, "_read_csv", counting(tabular._read_csv, read))
    data = ("code\n" + "".join(f"RAA-{n}\n" for n in range(5000))).encode()

    with pytest.raises(TableError) as refused:
        read_table("plekken.csv", data, {"code"}, {"code"})

    assert str(refused.value) == "Het bestand heeft meer dan 10 regels; de grens is 10. Splits het bestand in delen."
    assert len(read) == 12  # the header, ten rows, and the one that is too many


def test_an_xlsx_over_the_row_limit_is_refused_after_reading_just_past_it(settings, monkeypatch):
    settings.ONTMOET_IMPORT_MAX_ROWS = 10
    read = []
    monkeypatch.setattr(tabular, "_read_xlsx", counting(tabular._read_xlsx, read))
    # The streaming reader is the backstop when the count before parsing finds no sheet.
    monkeypatch.setattr(tabular, "_first_sheet_path", lambda archive: None)
    data = xlsx([["code"]] + [[f"RAA-{n}"] for n in range(2000)])

    with pytest.raises(TableError, match="meer dan 10 regels"):
        read_table("plekken.xlsx", data, {"code"}, {"code"})
    assert len(read) == 12


def test_an_xlsx_whose_dimension_says_too_many_rows_is_refused_before_reading_any(settings, monkeypatch):
    settings.ONTMOET_IMPORT_MAX_ROWS = 10
    workbook = Workbook()  # not write-only: this writer records the sheet's dimension, as Excel does
    for n in range(20):
        workbook.active.append([f"RAA-{n}"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    read = []
    monkeypatch.setattr(tabular, "_limited", counting(tabular._limited, read))

    with pytest.raises(TableError, match="meer dan 10 regels"):
        read_table("plekken.xlsx", buffer.getvalue(), {"code"}, {"code"})
    assert read == []


def test_a_file_at_the_row_limit_is_read(settings):
    settings.ONTMOET_IMPORT_MAX_ROWS = 10
    table = read_table("plekken.csv", ("code\n" + "".join(f"R{n}\n" for n in range(10))).encode(), {"code"}, {"code"})
    assert len(table.rows) == 10


def test_an_xlsx_that_unpacks_too_big_is_refused_before_parsing(settings, monkeypatch):
    settings.ONTMOET_IMPORT_MAX_BYTES = 1_048_576
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * 2_000_000)  # compresses to a few KB
    monkeypatch.setattr(tabular, "load_calamine", lambda *a, **k: pytest.fail("parsed a zip bomb"))

    with pytest.raises(TableError) as refused:
        read_table("bom.xlsx", buffer.getvalue(), {"code"}, {"code"})
    assert str(refused.value) == "Het bestand is uitgepakt groter dan 1 MB. Splits het bestand in delen."


def test_a_csv_over_the_size_limit_is_refused(settings):
    settings.ONTMOET_IMPORT_MAX_BYTES = 1_048_576
    with pytest.raises(TableError, match="groter dan 1 MB"):
        read_table("groot.csv", b"code\n" + b"x" * 1_100_000, {"code"}, {"code"})


@pytest.mark.parametrize("prefix", ["", "x:"])
def test_rows_are_counted_on_the_raw_sheet_across_chunk_borders(prefix):
    rows = "".join(f'<{prefix}row r="{n}"><{prefix}c><{prefix}v>{n}</{prefix}v></{prefix}c></{prefix}row>'
                   for n in range(1, 100_001))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", f"<{prefix}sheetData>{rows}</{prefix}sheetData>")
    with zipfile.ZipFile(buffer) as archive:
        assert tabular._rows_in(archive, "xl/worksheets/sheet1.xml", stop_after=10**9) == 100_000
        assert tabular._rows_in(archive, "xl/worksheets/sheet1.xml", stop_after=10) < 100_000


def test_an_xlsx_without_a_dimension_is_counted_before_the_sheet_is_parsed(settings, monkeypatch):
    settings.ONTMOET_IMPORT_MAX_ROWS = 10
    data = xlsx([["code"]] + [[f"RAA-{n}"] for n in range(2000)])  # write-only: no dimension
    monkeypatch.setattr(tabular, "load_calamine", lambda *a, **k: pytest.fail("parsed a sheet with too many rows"))
    with pytest.raises(TableError, match="meer dan 10 regels"):
        read_table("plekken.xlsx", data, {"code"}, {"code"})


def test_a_sheet_within_the_limit_is_counted_without_the_regular_expression(settings, monkeypatch):
    """The cheap bound ("<row" and ":row" counted in C) settles every ordinary file; the exact count runs only
    when the bound is over the limit."""
    settings.ONTMOET_IMPORT_MAX_ROWS = 3000
    data = xlsx([["code"]] + [[f"RAA-{n}"] for n in range(2000)])
    monkeypatch.setattr(tabular, "_rows_in", lambda *a, **k: pytest.fail("searched a sheet within the limit"))
    assert len(read_table("plekken.xlsx", data, {"code"}, {"code"}).rows) == 2000


@pytest.mark.parametrize(("prefix", "limit", "too_many"), [("", 99, True), ("", 100, False), ("x:", 99, True),
                                                          ("x:", 100, False)])
def test_over_the_bound_the_rows_are_counted_exactly(prefix, limit, too_many):
    # With a prefix every row is counted twice by the bound (<x:row and </x:row): the exact count decides.
    rows = "".join(f'<{prefix}row r="{n}"><{prefix}c><{prefix}v>{n}</{prefix}v></{prefix}c></{prefix}row>'
                   for n in range(1, 101))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", f"<{prefix}sheetData>{rows}</{prefix}sheetData>")
    with zipfile.ZipFile(buffer) as archive:
        assert tabular._more_rows_than(archive, "xl/worksheets/sheet1.xml", limit) is too_many
