"""core.tabular.read_table: the file formats people really upload (Excel CSV, Windows CSV, XLSX)."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from ontmoet.core.tabular import ImportReport, TableError, read_table

REQUIRED = {"code", "naam"}
KNOWN = {"code", "naam", "plaats", "bestuursleden"}


def read(filename, data):
    return read_table(filename, data, required=REQUIRED, known=KNOWN)


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_utf8_csv_with_bom_reads_the_first_header_cleanly():
    table = read("plekken.csv", "\ufeffcode,naam\r\nA-1,Dorpshuis Één\r\n".encode())

    assert table.header == ["code", "naam"]
    assert table.rows == [{"code": "A-1", "naam": "Dorpshuis Één"}]
    assert table.row_numbers == [2]


def test_windows_1252_csv_keeps_the_accents():
    data = "code;naam;plaats\r\nA-1;Café De Eikenboom;Mariënheem\r\n".encode("cp1252")
    assert b"\xeb" in data  # really cp1252, not UTF-8

    table = read("plekken.csv", data)

    assert table.rows == [{"code": "A-1", "naam": "Café De Eikenboom", "plaats": "Mariënheem"}]


def test_semicolon_csv_is_split_on_semicolons_and_keeps_commas_in_values():
    table = read("plekken.csv", b"code;naam\nA-1;Huis, tuin en keuken\n")

    assert table.rows == [{"code": "A-1", "naam": "Huis, tuin en keuken"}]


def test_quoted_fields_may_contain_the_delimiter_and_quotes():
    table = read("plekken.csv", b'code,naam,plaats\nA-1,"De Linde, ""oud"" gebouw",Heeten\n')

    assert table.rows == [{"code": "A-1", "naam": 'De Linde, "oud" gebouw', "plaats": "Heeten"}]


def test_blank_lines_and_rows_of_only_separators_are_skipped():
    table = read("plekken.csv", b"code,naam\n\nA-1,Een\n,\n  \nB-2,Twee\n\n")

    assert [row["code"] for row in table.rows] == ["A-1", "B-2"]


def test_headers_are_case_insensitive_and_values_stripped():
    table = read("plekken.csv", b" Code , NAAM \n  A-1 ,  Een  \n")

    assert table.rows == [{"code": "A-1", "naam": "Een"}]


def test_short_rows_are_padded_with_empty_values():
    table = read("plekken.csv", b"code,naam,plaats\nA-1,Een\n")

    assert table.rows == [{"code": "A-1", "naam": "Een", "plaats": ""}]


def test_a_column_given_twice_is_refused():
    with pytest.raises(TableError, match="dubbel"):
        read("plekken.csv", b"code,naam,naam\nA-1,Een,Twee\n")


def test_a_missing_required_column_is_named():
    with pytest.raises(TableError, match="kolomkoppen kloppen niet: naam ontbreekt"):
        read("plekken.csv", b"code,plaats\nA-1,Heeten\n")


def test_an_unknown_column_is_named():
    with pytest.raises(TableError, match="Onbekende kolommen: kleur"):
        read("plekken.csv", b"code,naam,kleur\nA-1,Een,rood\n")


@pytest.mark.parametrize("data", [b"", b"   \n\n", b",,\n,,\n"])
def test_an_empty_file_is_refused(data):
    with pytest.raises(TableError, match="leeg"):
        read("plekken.csv", data)


def test_a_header_without_rows_is_refused():
    with pytest.raises(TableError, match="alleen kolomkoppen"):
        read("plekken.csv", b"code,naam\n\n")


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_refused():
    undefined_in_cp1252 = b"\x81\x8d\x8f\x90\x9d"
    for byte in undefined_in_cp1252:
        with pytest.raises(UnicodeDecodeError):
            bytes([byte]).decode("cp1252")

    with pytest.raises(TableError, match="UTF-8 of Windows-1252"):
        read("plekken.csv", b"code,naam\nA-1,Dorpshuis " + undefined_in_cp1252 + b"\n")


def test_a_utf8_bom_followed_by_invalid_bytes_is_a_table_error_not_a_crash():
    # Starts like UTF-8 (BOM) but the rest is not UTF-8: the user must get the Dutch message, not a 500.
    with pytest.raises(TableError, match="UTF-8"):
        read("plekken.csv", b"\xef\xbb\xbfcode,naam\nA-1,Caf\xe9\n")


def test_xlsx_numbers_become_plain_text_without_point_zero():
    data = xlsx([["code", "naam", "bestuursleden", "plaats"], ["A-1", "Een", 4.0, 52.5], ["B-2", "Twee", 7, None]])

    table = read("plekken.xlsx", data)

    assert table.rows == [
        {"code": "A-1", "naam": "Een", "bestuursleden": "4", "plaats": "52.5"},
        {"code": "B-2", "naam": "Twee", "bestuursleden": "7", "plaats": ""},
    ]


def test_xlsx_is_recognised_by_content_even_with_another_name():
    table = read("plekken.csv", xlsx([["code", "naam"], ["A-1", "Een"]]))

    assert table.rows == [{"code": "A-1", "naam": "Een"}]


def test_xlsx_cells_exported_with_an_apostrophe_come_back_as_typed():
    table = read("plekken.xlsx", xlsx([["code", "naam"], ["A-1", "'=SOM(A1)"], ["B-2", "'t Koffiehonk"]]))

    assert [row["naam"] for row in table.rows] == ["=SOM(A1)", "'t Koffiehonk"]


def test_a_file_called_xlsx_that_is_not_a_zip_is_refused():
    with pytest.raises(TableError, match="geen Excel-bestand"):
        read("plekken.xlsx", b"code,naam\nA-1,Een\n")


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notities.txt", "geen werkboek")
    with pytest.raises(TableError, match="beschadigd"):
        read("plekken.xlsx", buffer.getvalue())


def test_other_file_types_are_refused():
    with pytest.raises(TableError, match="CSV- of XLSX"):
        read("plekken.pdf", b"%PDF-1.7\n")


def test_report_counts_and_labels_actions_in_dutch():
    report = ImportReport(actions=[(2, "A-1", "created"), (3, "B-2", "unchanged"), (4, "C-3", "unchanged")])

    assert report.ok
    assert (report.count("created"), report.count("updated"), report.count("unchanged")) == (1, 0, 2)
    assert [str(label) for _row, _code, label in report.action_rows()] == ["nieuw", "ongewijzigd", "ongewijzigd"]
    report.add(5, "naam", "Dit veld is verplicht.")
    assert not report.ok


# openpyxl cannot write a control character, so only the CSV carries one.
@pytest.mark.parametrize("name, make, note", [
    ("export.csv", lambda rows: "\n".join(";".join(r) for r in rows).encode(), "met \x07 stuurteken"),
    ("export.xlsx", xlsx, "een notitie")])
def test_keep_reads_only_the_columns_the_caller_names(name, make, note):
    seen = []

    def keep(header):
        seen.append(list(header))
        return {"code", "naam"}

    rows = [["code", "_notes", "naam", "_id"],
            ["A-1", note, "De Linde", "1"],  # in the CSV a control character where nobody reads
            ["", "", "", "2"],  # only a column the caller skips: still a row, not a blank line
            ["A-2", "", "Het Trefpunt", "3"]]
    table = read_table(name, make(rows), required=set(), known=None, keep=keep)

    assert seen == [["code", "_notes", "naam", "_id"]]  # asked once, with the whole header
    assert table.header == ["code", "_notes", "naam", "_id"]
    assert table.rows == [{"code": "A-1", "naam": "De Linde"}, {"code": "", "naam": ""},
                          {"code": "A-2", "naam": "Het Trefpunt"}]
    assert table.row_numbers == [2, 3, 4]


def test_keep_still_refuses_a_control_character_in_a_column_it_reads():
    data = b"code;naam;_id\nA-1;De \x07Linde;1\n"
    with pytest.raises(TableError, match="Regel 2, kolom ‘naam’"):
        read_table("export.csv", data, required=set(), known=None, keep=lambda header: {"code", "naam"})
