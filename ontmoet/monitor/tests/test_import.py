"""Response import (KoboToolbox convention): all or nothing, with a report that names rows and columns."""

import io

import pytest
from openpyxl import Workbook

from ontmoet.core.exports import xlsx_bytes
from ontmoet.monitor.importing import export_header, export_rows, import_responses
from ontmoet.monitor.models import Answer, Response, Status

from .factories import make_wave
from .test_seed import csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave(world):
    return make_wave(world.overijssel)


def test_wave_invites_active_places_of_the_province_only(wave, world):
    codes = {inv.respondent_code for inv in wave.invitations.all()}
    assert codes == {"RAA-001", "ZWO-001"}


def test_bad_rows_are_all_reported_and_nothing_is_written(wave):
    data = csv_bytes(["respondent", "bemensing", "vrijwilligers", "ondersteuning", "voorzieningen/sport"], [
        ["RAA-001", "vrijwilligers", "12", "giften", "0"],
        ["APE-001", "vrijwilligers", "", "", ""],          # another province: not in this wave
        ["RAA-001", "vrijwilligers", "3", "", ""],          # twice
        ["ZWO-001", "paarden", "3000", "geen giften", "2"],  # unknown choice, constraint, 0/1 column
        ["", "", "", "", ""],
        ["XYZ", "", "", "", ""],
    ])
    report = import_responses(wave, "antwoorden.csv", data)
    assert not report.ok and not report.written
    problems = {(p.row, p.column) for p in report.row_problems}
    assert (3, "respondent") in problems
    assert (4, "respondent") in problems
    assert {(5, "bemensing"), (5, "ondersteuning"), (5, "voorzieningen/sport")} <= problems
    assert not {problem for problem in problems if problem[0] == 7}
    assert report.skipped_rows == [(7, "XYZ")]  # no answers: not a completed questionnaire, so not checked
    messages = " ".join(p.message for p in report.row_problems)
    assert "paarden" in messages and "'Geen ondersteuning' gaat niet samen" in messages
    assert Response.objects.count() == 0 and Answer.objects.count() == 0


def test_constraint_breaking_number_is_refused_with_the_forms_message(wave):
    data = csv_bytes(["respondent", "bemensing", "vrijwilligers"], [["RAA-001", "vrijwilligers", "2001"]])
    report = import_responses(wave, "a.csv", data)
    assert [(p.row, p.column, p.message) for p in report.row_problems] == [
        (2, "vrijwilligers", "vraag vrijwilligers, waarde '2001': Vul een aantal tussen 0 en 2000 in.")]


def test_unknown_column_is_a_file_problem(wave):
    report = import_responses(wave, "a.csv", csv_bytes(["respondent", "kleur"], [["RAA-001", "rood"]]))
    assert report.file_problems and "kleur" in report.file_problems[0]


def test_xlsx_import_and_export_round_trip(wave, world):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["respondent", "soort", "bemensing", "voorzieningen_aanwezig", "voorzieningen", "_id",
                  "_submission_time"])
    sheet.append(["raa-001", "mfa", "welzijn", "ja", "sport ggd", 17, "2024-10-01T10:00:00"])
    sheet.append(["ZWO-001", "dorpshuis", "vrijwilligers", "nee", "", 18, "2024-10-02T10:00:00"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = import_responses(wave, "kobo.xlsx", buffer.getvalue())
    assert report.ok and report.written
    raalte = wave.invitations.get(place=world.place)
    assert raalte.status == Status.COMPLETE
    assert raalte.response.data["voorzieningen"] == ["sport", "ggd"]
    assert list(raalte.events.values_list("to_status", flat=True)) == ["invited", "complete"]

    form = wave.questionnaire.form
    exported = xlsx_bytes("Antwoorden", export_header(form), export_rows(wave))
    again = import_responses(wave, "export.xlsx", exported)
    assert again.ok, again.row_problems
    assert again.count("updated") == 2
    assert Answer.objects.filter(response__invitation=raalte, question="voorzieningen").count() == 2


def test_dry_run_writes_nothing(wave):
    report = import_responses(wave, "a.csv", csv_bytes(["respondent", "bemensing"], [["RAA-001", "betaald"]]),
                              dry_run=True)
    assert report.ok and not report.written and Response.objects.count() == 0
