"""KoboToolbox and ODK Central exports import as the tools write them, and the monitor's export comes back."""

import datetime

import pytest

from ontmoet.core.exports import xlsx_bytes
from ontmoet.monitor import answers, kobo, services
from ontmoet.monitor.importing import export_header, export_rows, import_responses
from ontmoet.monitor.models import Status
from ontmoet.monitor.report import build_report

from .export_fixtures import ANSWERS, HERE, KOBO_USERS, csv_bytes, kobo_rows
from .factories import make_wave

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def wave(world):
    return make_wave(world.overijssel)


def _typed_in(world, wave):
    """The same answers as handed in on the respondents' own pages."""
    other = make_wave(world.overijssel, year=wave.year + 1, questionnaire=wave.questionnaire)
    for invitation in other.invitations.all():
        cleaned, errors = answers.validate(other.questionnaire.form, ANSWERS[invitation.respondent_code], final=True)
        assert not errors
        services.submit(invitation, cleaned)
    return other


def _results(wave):
    report = build_report(wave)
    return report["respondents"], report["questions"]


def _answers(wave):
    return {inv.respondent_code: inv.response.data for inv in wave.invitations.select_related("response")}


def _mapping(wave, lines):
    codes = {inv.respondent_code for inv in wave.invitations.all()}
    mapping, problems = kobo.parse_mapping("\n".join(lines), codes)
    assert not problems
    return mapping


def test_kobo_xlsx_imports_as_exported_and_reports_like_typed_answers(wave, world):
    mapping = _mapping(wave, ["gebruiker;code", *(f"{user};{code}" for code, user in KOBO_USERS.items())])
    report = import_responses(wave, "kobo_plekken.xlsx", (HERE / "kobo_plekken.xlsx").read_bytes(),
                              respondent_column="_submitted_by", mapping=mapping)
    assert report.ok and report.written, (report.file_problems, report.row_problems)
    assert _answers(wave) == ANSWERS
    assert report.skipped_rows == [(4, "test_account")]  # the empty test submission
    assert {"start", "end", "today", "deviceid", "meta/instanceid", "_id", "_uuid", "_submission_time",
            "_parent_index", "_parent_table_name", "_attachments", "_xform_id_string", "__version__",
            "_validation_status", "_tags", "_notes", "_status", "_index"} == set(report.ignored_columns)
    linde = wave.invitations.get(place=world.place)
    assert linde.status == Status.COMPLETE
    assert linde.response.submitted_at == datetime.datetime(2013, 5, 14, 9, 12, 44, tzinfo=UTC)
    assert _results(wave) == _results(_typed_in(world, wave))


def test_kobo_csv_with_dots_and_one_zero_columns(wave, world):
    mapping = _mapping(wave, [f"{user.upper()}, {code}" for code, user in KOBO_USERS.items()])
    report = import_responses(wave, "kobo_plekken.csv", (HERE / "kobo_plekken.csv").read_bytes(),
                              respondent_column="_submitted_by", mapping=mapping)
    assert report.ok and report.written, (report.file_problems, report.row_problems)
    assert _answers(wave) == ANSWERS
    assert _results(wave) == _results(_typed_in(world, wave))


def test_odk_central_csv_with_a_mapping_table_file(wave, world):
    codes = {inv.respondent_code for inv in wave.invitations.all()}
    text = kobo.mapping_text("koppeltabel_odk.xlsx", (HERE / "koppeltabel_odk.xlsx").read_bytes(), codes)
    assert text.splitlines()[0] == "Dorpshuis De Linde;RAA-001"  # the header row is left out
    mapping, problems = kobo.parse_mapping(text, codes)
    assert not problems and mapping == {"dorpshuis de linde": "RAA-001", "wijkcentrum zwolle-zuid": "ZWO-001"}
    report = import_responses(wave, "odk_plekken.csv", (HERE / "odk_plekken.csv").read_bytes(),
                              respondent_column="SubmitterName", mapping=mapping)
    assert report.ok and report.written, (report.file_problems, report.row_problems)
    assert _answers(wave) == ANSWERS
    assert {"submissiondate", "key", "submitterid", "attachmentspresent", "attachmentsexpected", "status",
            "reviewstate", "deviceid", "edits", "formversion", "meta-instanceid", "start", "end"} == set(
        report.ignored_columns)
    zwolle = wave.invitations.get(place__code="ZWO-001").response
    assert zwolle.submitted_at == datetime.datetime(2023, 10, 3, 12, 30, tzinfo=UTC)
    assert _results(wave) == _results(_typed_in(world, wave))


def test_a_column_of_codes_is_found_without_being_named(wave):
    rows = kobo_rows("/", False)
    user = rows[0].index("_submitted_by")
    for row in rows[1:3]:
        row[user] = {name: code for code, name in KOBO_USERS.items()}[row[user]].lower()
    report = import_responses(wave, "export.csv", csv_bytes(rows))
    assert report.ok and report.respondent_column == "_submitted_by"


def test_without_a_respondent_column_the_page_asks_for_one(wave):
    report = import_responses(wave, "kobo_plekken.csv", (HERE / "kobo_plekken.csv").read_bytes())
    assert not report.written and "Welke kolom zegt wie antwoordde?" in report.file_problems[0]
    report = import_responses(wave, "kobo_plekken.csv", (HERE / "kobo_plekken.csv").read_bytes(),
                              respondent_column="_submitted_by")
    assert {(p.row, p.column) for p in report.row_problems} == {(2, "_submitted_by"), (3, "_submitted_by")}
    assert "'linde_heeten' hoort niet bij de respondenten" in report.row_problems[0].message
    assert "koppeltabel" in report.row_problems[0].message


def test_an_export_with_labels_is_refused_with_how_to_export_again(wave):
    header = ["Hoe omschrijft u de ontmoetingsplek?", "Wie runnen de plek?", "_id", "_submitted_by"]
    report = import_responses(wave, "labels.csv", csv_bytes([header, ["Dorpshuis", "Vrijwilligers", 1, "RAA-001"]]))
    assert not report.written and len(report.file_problems) == 1
    message = report.file_problems[0]
    assert "Exporteer opnieuw met XML-waarden en -kopteksten" in message
    assert "'Value and header format'" in message and "'XML values and headers'" in message
    assert "vraag 'soort'" in message


def test_a_broken_rule_names_row_question_value_and_the_forms_message(wave):
    rows = [["respondent", "steun/ondersteuning", "mensen/bemensing", "plek/soort", "mensen/vrijwilligers"],
            ["RAA-001", "giften;geen", "vrijwilligers", "dorpshuis", "n/a"],
            ["ZWO-001", "geen", "vrijwilligers", "mfa", "2001"]]
    report = import_responses(wave, "a.csv", csv_bytes(rows))
    assert not report.written
    problems = [(p.row, p.column, p.message) for p in report.row_problems]
    assert problems[0][:2] == (2, "steun/ondersteuning")
    assert problems[0][2].startswith("vraag ondersteuning, waarde 'giften geen': 'Geen ondersteuning' gaat niet")
    assert problems[1] == (3, "mensen/vrijwilligers",
                           "vraag vrijwilligers, waarde '2001': Vul een aantal tussen 0 en 2000 in.")


def test_split_columns_accept_true_false_and_refuse_other_words(wave):
    rows = [["respondent", "mensen/bemensing", "plek/soort", "aanbod/activiteiten/bingo", "aanbod/activiteiten/koffie"],
            ["RAA-001", "vrijwilligers", "mfa", "True", "misschien"]]
    report = import_responses(wave, "a.csv", csv_bytes(rows))
    assert [(p.row, p.column) for p in report.row_problems] == [(2, "aanbod/activiteiten/koffie")]
    rows[1][4] = "false"
    assert import_responses(wave, "a.csv", csv_bytes(rows)).written
    assert wave.invitations.get(place__code="RAA-001").response.data["activiteiten"] == ["bingo"]


def test_an_unreadable_submission_time_is_a_row_problem(wave):
    rows = [["respondent", "mensen/bemensing", "plek/soort", "_submission_time"],
            ["RAA-001", "betaald", "mfa", "gisteren"]]
    report = import_responses(wave, "a.csv", csv_bytes(rows))
    assert [(p.row, p.column) for p in report.row_problems] == [(2, "_submission_time")]


def test_mapping_lines_that_name_no_respondent_are_refused(wave):
    codes = {inv.respondent_code for inv in wave.invitations.all()}
    mapping, problems = kobo.parse_mapping("naam;code\nDe Linde;raa-001\nElders;XYZ-9\nzonder scheiding", codes)
    assert mapping == {"de linde": "RAA-001"}
    assert problems[0].startswith("koppeltabel regel 3: 'XYZ-9' is geen code") and "regel 4" in problems[1]


def test_the_export_is_kobo_style_and_imports_into_a_fresh_wave_unchanged(wave, world):
    mapping = {user: code for code, user in KOBO_USERS.items()}
    first = import_responses(wave, "kobo_plekken.xlsx", (HERE / "kobo_plekken.xlsx").read_bytes(),
                             respondent_column="_submitted_by", mapping=mapping)
    assert first.written
    header = export_header(wave.questionnaire.form)
    assert {"plek/soort", "aanbod/voorzieningen", "aanbod/voorzieningen/sport", "_id", "_uuid",
            "_submission_time"} <= set(header)
    rows = list(export_rows(wave))
    linde = dict(zip(header, rows[0], strict=True))
    assert linde["aanbod/voorzieningen"] == "sport bibliotheek" and linde["aanbod/voorzieningen/ggd"] == "0"
    assert linde["_submission_time"] == "2013-05-14T09:12:44+00:00" and len(linde["_uuid"]) == 36

    fresh = make_wave(world.overijssel, year=2025, questionnaire=wave.questionnaire)
    for name, data in (("export.xlsx", xlsx_bytes("Antwoorden", header, rows)),
                       ("export.csv", csv_bytes([header, *rows]))):
        again = import_responses(fresh, name, data)
        assert again.ok and again.written, (again.file_problems, again.row_problems)
        assert _answers(fresh) == _answers(wave) == ANSWERS
        assert _results(fresh) == _results(wave)
        assert {inv.response.submitted_at for inv in fresh.invitations.all()} == {
            inv.response.submitted_at for inv in wave.invitations.all()}
        assert set(again.ignored_columns) == {"respondent_naam", "gemeente", "_id", "_uuid", "_submission_time",
                                              "_index"}


def test_choice_columns_beside_the_questions_own_column_are_not_read_twice(wave):
    # Kobo's default ("single and separate columns"): the question's own column holds the same choices.
    rows = [["respondent", "mensen/bemensing", "plek/soort", "aanbod/activiteiten", "aanbod/activiteiten/bingo",
             "aanbod/activiteiten/kaarten"],
            ["RAA-001", "vrijwilligers", "mfa", "bingo", "True", "False"]]
    report = import_responses(wave, "a.csv", csv_bytes(rows))
    assert report.written, (report.file_problems, report.row_problems)
    assert report.choice_columns == ["aanbod/activiteiten/bingo", "aanbod/activiteiten/kaarten"]
    assert wave.invitations.get(place__code="RAA-001").response.data["activiteiten"] == ["bingo"]


def _second_row(wave, rows, cell):
    """The export with a row under the header: `cell(header, question)` for each column of a question."""
    form = wave.questionnaire.form
    names = {}
    for question in form.answerable:
        names["/".join(question.path).lower()] = question
    return [rows[0], [cell(header, names[header.lower()]) if header.lower() in names else "" for header in rows[0]],
            *rows[1:]]


@pytest.mark.parametrize("kind, cell", [
    # Legacy KoboToolbox and Ona exports with "include labels": the questions' labels under their names.
    ("labels", lambda header, question: question.label_in("nl")),
    # KoboToolbox writes the form's hxl column as a row of hashtags under the names.
    ("hxl", lambda header, question: "#loc+name" if question.name == "soort" else
     "#indicator+count" if question.type == "integer" else ""),
])
def test_a_row_of_labels_or_hashtags_under_the_names_is_left_out(wave, kind, cell):
    rows = _second_row(wave, kobo_rows("/", True), cell)
    mapping = {user: code for code, user in KOBO_USERS.items()}
    report = import_responses(wave, "export.csv", csv_bytes(rows), respondent_column="_submitted_by", mapping=mapping)
    assert report.ok and report.written, (report.file_problems, report.row_problems)
    assert report.header_row == (2, kind)
    assert _answers(wave) == ANSWERS
    assert report.skipped_rows == [(5, "test_account")]


def test_a_first_response_that_repeats_one_label_is_still_a_response(wave):
    # A text answer may equal its question's label; one such cell among real answers is no label row.
    form = wave.questionnaire.form
    rows = [["respondent", "plek/soort", "mensen/bemensing", "betekenis_groep/betekenis"],
            ["RAA-001", "dorpshuis", "vrijwilligers", form.question("betekenis").label_in("nl")]]
    report = import_responses(wave, "a.csv", csv_bytes(rows))
    assert report.written and report.header_row == ()
