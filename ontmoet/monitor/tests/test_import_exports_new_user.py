"""Issue 20 tried as a new user would: a province brings last year's form and its KoboToolbox export,
imports both on the pages, and reads last year's report beside this year's; a municipalities' export
says who answered by CBS code."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ontmoet.monitor import services
from ontmoet.monitor.importing import import_responses
from ontmoet.monitor.models import Questionnaire, RespondentKind, Wave

from .export_fixtures import ANSWERS, HERE, KOBO_USERS, csv_bytes
from .factories import SHIPPED, make_wave, xlsform_bytes_with_version

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)  # refused exports are kept for a retry (core.held_uploads)


def test_last_years_form_and_kobo_export_are_read_beside_this_years_answers(world, client_for):
    client = client_for(world.users["province_staff"])
    # Last year's form as the province used it in KoboToolbox (same form_id, its own version).
    form = xlsform_bytes_with_version((SHIPPED / "monitor_plekken.xlsx").read_bytes(), "2013")
    response = client.post("/monitor/vragenlijsten/", {"file": SimpleUploadedFile("monitor_2013.xlsx", form)})
    assert response.status_code == 302
    last_form = Questionnaire.objects.get(version="2013")
    response = client.post("/monitor/uitvragen/nieuw/", {
        "questionnaire": last_form.pk, "title": "Monitor 2013", "year": 2013, "respondent_kind": "place",
        "opens_on": "2013-04-01", "closes_on": "2013-06-30", "reminder_max": 2, "reminder_min_days": 7})
    assert response.status_code == 302, response.content.decode()[:2000]
    last_year = Wave.objects.get(year=2013)

    # The export as it came out of KoboToolbox; who answered comes from the accounts, matched in the page.
    page = client.post(f"/monitor/uitvragen/{last_year.pk}/importeren/", {
        "file": SimpleUploadedFile("kobo_plekken.xlsx", (HERE / "kobo_plekken.xlsx").read_bytes()),
        "respondent_column": "_submitted_by",
        "mapping": "\n".join(f"{user};{code}" for code, user in KOBO_USERS.items())}).content.decode()
    assert "2 antwoorden geïmporteerd." in page
    linde = last_year.invitations.get(place=world.place).response
    assert linde.data == ANSWERS["RAA-001"]
    assert linde.submitted_at == datetime.datetime(2013, 5, 14, 9, 12, 44, tzinfo=datetime.UTC)

    this_year = make_wave(world.overijssel, year=2014)  # the shipped form of this year
    services.submit(this_year.invitations.get(place=world.place), {"soort": "mfa", "bemensing": "betaald"})

    last_report = json.loads(client.get(f"/monitor/uitvragen/{last_year.pk}/rapport.json").content)
    assert last_report["respondents"] == 2
    comparison = json.loads(client.get(f"/monitor/uitvragen/{this_year.pk}/vergelijking/?formaat=json").content)
    assert [(w["year"], w["respondents"]) for w in comparison["waves"]] == [(2013, 2), (2014, 1)]
    staffing = next(q for q in comparison["questions"] if q["name"] == "bemensing")
    values = {choice["name"]: choice["values"] for choice in staffing["choices"]}
    assert values["vrijwilligers"] == [{"count": 1, "percent": 50.0}, {"count": 0, "percent": 0.0}]
    assert values["betaald"] == [{"count": 1, "percent": 50.0}, {"count": 1, "percent": 100.0}]
    page = client.get(f"/monitor/uitvragen/{this_year.pk}/vergelijking/").content.decode()
    assert "Vergelijking per jaar" in page and "2013" in page and "2014" in page


def test_a_column_of_cbs_codes_says_which_municipality_answered(world):
    wave = make_wave(world.overijssel, kind=RespondentKind.MUNICIPALITY)
    rows = [["SubmissionDate", "gemeentecode", "beleid-visie", "steun-financiele_steun", "KEY"],
            ["2023-10-02T08:01:02.123Z", "GM0177", "eigen", "exploitatie", "uuid:1"],
            ["2023-10-03T09:00:00.000Z", "gm0193", "geen", "", "uuid:2"]]
    report = import_responses(wave, "odk_gemeenten.csv", csv_bytes(rows))  # the column is found, not named
    assert report.written, (report.file_problems, report.row_problems)
    assert report.respondent_column == "gemeentecode" and set(report.ignored_columns) == {"submissiondate", "key"}
    raalte = wave.invitations.get(municipality__code="GM0177").response
    assert raalte.data == {"visie": "eigen", "financiele_steun": ["exploitatie"]}
    assert raalte.submitted_at == datetime.datetime(2023, 10, 2, 8, 1, 2, 123000, tzinfo=datetime.UTC)
    assert wave.invitations.get(municipality__code="GM0193").response.data == {"visie": "geen"}
