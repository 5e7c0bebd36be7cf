"""Exports of the shipped places form as KoboToolbox and ODK Central write them, with the answers they hold.

Run `python -m ontmoet.monitor.tests.export_fixtures` to write the files in tests/exports/ again. The
tests import the files as they are and compare with ANSWERS typed in through the services.
"""

import csv
import io
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent / "exports"
GROUPS = {"soort": "plek", "rechtsvorm": "plek", "bestuur_omvang": "mensen", "bemensing": "mensen",
          "vrijwilligers": "mensen", "voorzieningen_aanwezig": "aanbod", "voorzieningen": "aanbod",
          "cultureel_aanbod": "aanbod", "cultuur_faciliteiten": "aanbod", "activiteiten": "aanbod",
          "ondersteuning": "steun", "inkomsten": "steun", "betekenis": "betekenis_groep",
          "hulp_nodig": "betekenis_groep"}
MULTIPLE = {"voorzieningen": ["sport", "bibliotheek", "ggd"], "cultuur_faciliteiten": ["theaterzaal", "podium"],
            "activiteiten": ["bingo", "kaarten", "biljarten"],
            "ondersteuning": ["gemeente_provincie", "giften", "geen"],
            "inkomsten": ["subsidie", "verhuur", "horeca"]}
# What each place answered: as stored (and as typed in on the respondent's page).
ANSWERS = {
    "RAA-001": {"soort": "dorpshuis", "rechtsvorm": "stichting", "bestuur_omvang": "b5", "bemensing": "vrijwilligers",
                "vrijwilligers": 25, "voorzieningen_aanwezig": "ja", "voorzieningen": ["sport", "bibliotheek"],
                "cultureel_aanbod": "nee", "activiteiten": ["bingo", "kaarten"], "ondersteuning": ["giften"],
                "inkomsten": ["subsidie", "verhuur"], "betekenis": "Het hart van het dorp"},
    "ZWO-001": {"soort": "wijkcentrum", "rechtsvorm": "vereniging", "bemensing": "betaald",
                "voorzieningen_aanwezig": "nee", "cultureel_aanbod": "ja", "cultuur_faciliteiten": ["podium"],
                "activiteiten": ["biljarten"], "ondersteuning": ["gemeente_provincie"], "inkomsten": ["subsidie"],
                "betekenis": "Ontmoeting in de wijk", "hulp_nodig": "Vrijwilligers vinden"},
}
# Who sent what: Kobo's user names and ODK's app users are the places' own, not their codes.
KOBO_USERS = {"RAA-001": "linde_heeten", "ZWO-001": "zwolle_zuid"}
ODK_NAMES = {"RAA-001": "Dorpshuis De Linde", "ZWO-001": "Wijkcentrum Zwolle-Zuid"}
SUBMITTED = {"RAA-001": "2013-05-14T09:12:44", "ZWO-001": "2013-05-15T16:40:03"}  # Kobo: UTC without zone
ODK_SUBMITTED = {"RAA-001": "2023-10-02T08:01:02.123Z", "ZWO-001": "2023-10-03T14:30:00.000+02:00"}
KOBO_META = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
             "__version__", "_tags", "_index", "_parent_table_name", "_parent_index", "_attachments",
             "_xform_id_string"]


def _questions(separator: str, split: bool) -> list:
    header = []
    for name in GROUPS:
        header.append(f"{GROUPS[name]}{separator}{name}")
        if split and name in MULTIPLE:
            header.extend(f"{GROUPS[name]}{separator}{name}/{choice}" for choice in MULTIPLE[name])
    return header


def _values(answers: dict, split: bool, true, false, join: str = " ") -> list:
    values = []
    for name in GROUPS:
        value = answers.get(name)
        values.append(join.join(value) if isinstance(value, list) else "n/a" if value is None else value)
        if split and name in MULTIPLE:
            values.extend(("" if value is None else true if choice in value else false) for choice in MULTIPLE[name])
    return values


def kobo_rows(separator: str, split: bool, true="True", false="False") -> list:
    header = ["start", "end", "today", "deviceid", *_questions(separator, split), "meta/instanceID", *KOBO_META]
    rows = [header]
    for index, (code, answers) in enumerate([*ANSWERS.items(), ("", {})], start=1):
        uuid = f"3f1c0c6e-0000-4000-8000-00000000000{index}"
        meta = [300 + index, uuid, SUBMITTED.get(code, "2013-05-16T10:00:00"), "", "", "submitted_via_web",
                KOBO_USERS.get(code, "test_account"), "vWx8hNdqXdbd8bLxJ2Q6fo", "", index, "", -1, "",
                "aXtQGc7Fn2bwVqkHk3Be2r"]
        # The third row is a test submission with nothing answered, as real exports often hold.
        values = _values(answers, split, true, false) if answers else ["" for _name in _questions(separator, split)]
        rows.append(["2013-05-14T09:00:00.000+02:00", "2013-05-14T09:12:00.000+02:00", "2013-05-14", "ee:123",
                     *values, f"uuid:{uuid}", *meta])
    return rows


def odk_rows() -> list:
    header = ["SubmissionDate", "start", "end", *_questions("-", False), "meta-instanceID", "KEY", "SubmitterID",
              "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID",
              "Edits", "FormVersion"]
    rows = [header]
    for index, (code, answers) in enumerate(ANSWERS.items(), start=1):
        uuid = f"uuid:9b2d7c1a-0000-4000-8000-00000000000{index}"
        # ODK writes space-separated choices; people who edited the file often used commas or semicolons.
        values = _values(answers, False, "", "", join=", " if index == 1 else ";")
        rows.append([ODK_SUBMITTED[code], "2023-10-02T09:55:00.000+02:00", "2023-10-02T10:01:00.000+02:00",
                     *["" if value == "n/a" else value for value in values], uuid, uuid, 10 + index,
                     ODK_NAMES[code], 0, 0, "", "approved", "collect:abc", 0, "2023"])
    return rows


def csv_bytes(rows: list, delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write():
    HERE.mkdir(exist_ok=True)
    # KoboToolbox XLSX: "/" between groups, split columns with True/False, real booleans in the cells.
    (HERE / "kobo_plekken.xlsx").write_bytes(xlsx_bytes(kobo_rows("/", True, True, False), "Monitor plekken"))
    # KoboToolbox CSV: ";" between cells, "." between groups, split columns with 1/0.
    (HERE / "kobo_plekken.csv").write_bytes(csv_bytes(kobo_rows(".", True, "1", "0"), ";"))
    (HERE / "odk_plekken.csv").write_bytes(csv_bytes(odk_rows()))
    (HERE / "koppeltabel_odk.xlsx").write_bytes(xlsx_bytes(
        [["SubmitterName", "code"], *([name, code] for code, name in ODK_NAMES.items())], "koppeltabel"))


if __name__ == "__main__":
    write()
