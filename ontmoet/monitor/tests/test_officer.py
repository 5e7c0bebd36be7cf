"""Officers: upload a form, create a wave, send invitations and reminders, call, enter answers, read reports."""

import datetime
import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from pypdf import PdfReader

from ontmoet.core.testing.documents import fetch_document
from ontmoet.monitor import services
from ontmoet.monitor.models import CallLog, Invitation, MailJob, Questionnaire, Response, Status, Wave
from ontmoet.monitor.report import build_report
from ontmoet.places.tests.factories import PlaceFactory

from .factories import SHIPPED, make_wave, xlsform

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).resolve().parents[3] / "docs" / "monitor-report.schema.json"


@pytest.mark.storage
def test_upload_form_and_create_wave_for_all_active_places(world, client_for):
    client = client_for(world.users["province_staff"])
    upload = SimpleUploadedFile("monitor_plekken.xlsx", (SHIPPED / "monitor_plekken.xlsx").read_bytes())
    response = client.post("/monitor/vragenlijsten/", {"file": upload})
    questionnaire = Questionnaire.objects.get()
    assert response.status_code == 302 and questionnaire.province == world.overijssel
    PlaceFactory(code="RAA-DICHT", municipality=world.raalte, status="gesloten")
    response = client.post("/monitor/uitvragen/nieuw/", {
        "questionnaire": questionnaire.pk, "title": "Monitor", "year": 2026, "respondent_kind": "place",
        "opens_on": "2026-01-01", "closes_on": "2026-12-31", "reminder_max": 2, "reminder_min_days": 7})
    wave = Wave.objects.get()
    assert response.status_code == 302
    assert set(wave.invitations.values_list("place__code", flat=True)) == {"RAA-001", "ZWO-001"}


@pytest.mark.storage
def test_answers_spreadsheet_is_made_by_the_worker_for_the_askers_scope(world, client_for):
    """antwoorden.xlsx leads to the progress page; the municipal officer's file holds their municipality only."""
    import io

    from openpyxl import load_workbook

    from ontmoet.core.models import Document
    from ontmoet.core.testing.documents import fetch_document

    wave = _answered_wave(world)
    officer = client_for(world.users["municipal_officer"])
    data = fetch_document(officer, f"/monitor/uitvragen/{wave.pk}/antwoorden.xlsx")
    cells = [str(cell) for row in load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True) for cell in row]
    assert "RAA-001" in cells and "ZWO-001" not in cells
    document = Document.objects.get(maker="ontmoet.monitor.documents.answers_xlsx_document")
    assert document.owner == world.users["municipal_officer"] and document.filename.endswith(f"-{wave.year}.xlsx")
    # Another user cannot fetch it, even with its address.
    other = client_for(world.users["other_municipal_officer"])
    assert other.get(f"/documenten/{document.pk}/bestand/").status_code == 404


def test_malformed_form_upload_names_sheet_row_and_column(world, client_for):
    client = client_for(world.users["province_staff"])
    data = xlsform([["type", "name", "label"], ["text", "a", "A"], ["select_one kleur", "b", "B"]])
    page = client.post("/monitor/vragenlijsten/", {"file": SimpleUploadedFile("f.xlsx", data)}).content.decode()
    assert "De vragenlijst is niet opgeslagen" in page and "kleur" in page and ">3<" in page
    assert not Questionnaire.objects.exists()


def test_same_version_twice_is_refused(world):
    data = (SHIPPED / "monitor_plekken.xlsx").read_bytes()
    services.import_questionnaire(world.overijssel, data, "a.xlsx")
    with pytest.raises(services.FormError) as caught:
        services.import_questionnaire(world.overijssel, data, "a.xlsx")
    assert caught.value.problems[0].sheet == "settings"


def test_invitations_in_the_background_with_progress_and_mail(world, client_for,
                                                             django_capture_on_commit_callbacks):
    wave = make_wave(world.overijssel)
    Invitation.objects.filter(place=world.zwolle_place).update(email="")
    client = client_for(world.users["province_staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/monitor/uitvragen/{wave.pk}/versturen/invite/")
    job = MailJob.objects.get()
    assert response["Location"] == f"/monitor/uitvragen/{wave.pk}/verzending/{job.pk}/"
    assert (job.total, job.sent, job.skipped, job.done) == (2, 1, 1, 2) and job.finished_at
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [world.place.email] and "/monitor/v/" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    page = client.get(response["Location"]).content.decode()
    assert "1 verstuurd" in page
    # again: nobody gets a second invitation
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/monitor/uitvragen/{wave.pk}/versturen/invite/")
    assert len(mail.outbox) == 1


def test_reminders_to_non_responders_only_with_max_and_spacing(world):
    wave = make_wave(world.overijssel, reminder_max=2, reminder_min_days=7)
    job = services.start_mail_job_record(wave, MailJob.Kind.INVITE)
    services.run_mail_job_now(job, job.invitation_ids)
    raalte, zwolle = wave.invitations.get(place=world.place), wave.invitations.get(place=world.zwolle_place)
    services.submit(zwolle, {"soort": "mfa", "bemensing": "betaald"})
    now = raalte.last_mailed_at
    assert not services.send_reminder(raalte, now=now + datetime.timedelta(days=3))  # too soon
    assert services.send_reminder(raalte, now=now + datetime.timedelta(days=8))
    assert not services.send_reminder(raalte, now=now + datetime.timedelta(days=10))
    assert services.send_reminder(raalte, now=now + datetime.timedelta(days=16))
    assert not services.send_reminder(raalte, now=now + datetime.timedelta(days=30))  # max reached
    zwolle.refresh_from_db()
    assert not services.send_reminder(zwolle, now=now + datetime.timedelta(days=8))  # answered
    raalte.refresh_from_db()
    assert raalte.reminders_sent == 2
    assert [m.subject.startswith("Herinnering") for m in mail.outbox] == [False, False, True, True]


def test_bounced_and_opted_out_get_no_mail(world):
    wave = make_wave(world.overijssel)
    raalte = wave.invitations.get(place=world.place)
    services.record_bounce(raalte)
    zwolle = wave.invitations.get(place=world.zwolle_place)
    services.record_opt_out(zwolle)
    job = services.start_mail_job_record(wave, MailJob.Kind.INVITE)
    services.run_mail_job_now(job, job.invitation_ids)
    assert mail.outbox == [] and job.skipped == 2


def test_phone_call_log_decline_and_answers_by_phone(world, client_for):
    wave = make_wave(world.overijssel)
    raalte = wave.invitations.get(place=world.place)
    client = client_for(world.users["province_staff"])
    page = client.post(f"/monitor/uitnodigingen/{raalte.pk}/", {"outcome": "call_back", "note": "Na 17 uur"})
    assert "Vul in wanneer u terugbelt." in page.content.decode()
    client.post(f"/monitor/uitnodigingen/{raalte.pk}/", {"outcome": "call_back", "note": "Na 17 uur",
                                                        "call_back_on": "2026-12-01"})
    assert CallLog.objects.get().note == "Na 17 uur"
    response = client.post(f"/monitor/uitnodigingen/{raalte.pk}/invullen/", {
        "action": "submit", "soort": "dorpshuis", "bemensing": "vrijwilligers", "vrijwilligers": "25"})
    assert response.status_code == 302
    answer = Response.objects.get(invitation=raalte)
    assert answer.taken_by_phone and answer.entered_by == world.users["province_staff"]
    raalte.refresh_from_db()
    assert raalte.status == Status.COMPLETE
    # staff may correct afterwards; the respondent link may not
    assert client.post(f"/monitor/uitnodigingen/{raalte.pk}/invullen/", {
        "action": "submit", "soort": "mfa", "bemensing": "vrijwilligers"}).status_code == 302
    assert Response.objects.get(invitation=raalte).data["soort"] == "mfa"

    zwolle = wave.invitations.get(place=world.zwolle_place)
    client.post(f"/monitor/uitnodigingen/{zwolle.pk}/", {"outcome": "declined", "note": "Geen tijd"})
    zwolle.refresh_from_db()
    assert zwolle.status == Status.DECLINED
    assert zwolle.events.last().reason == "telefonisch afgezien: Geen tijd"
    phone_list = client.get(f"/monitor/uitvragen/{wave.pk}/bellijst/").content.decode()
    assert "Wijkcentrum Zwolle-Zuid" not in phone_list and "Dorpshuis De Linde" not in phone_list


def test_transition_table_refuses_impossible_changes(world):
    wave = make_wave(world.overijssel)
    raalte = wave.invitations.get(place=world.place)
    services.submit(raalte, {"soort": "mfa"})
    with pytest.raises(services.TransitionError):
        services.decline(raalte)


def _answered_wave(world, extra_raalte=0):
    for number in range(extra_raalte):
        PlaceFactory(code=f"RAA-{number + 10:03d}", municipality=world.raalte)
    wave = make_wave(world.overijssel)
    for invitation in wave.invitations.all():
        services.submit(invitation, {"soort": "mfa" if invitation.place.municipality == world.raalte else "dorpshuis",
                                     "bemensing": "vrijwilligers", "vrijwilligers": 10,
                                     "betekenis": f"tekst van {invitation.place.code}"})
    return wave


def test_municipal_officer_sees_only_own_municipality(world, client_for):
    wave = _answered_wave(world)
    data = json.loads(client_for(world.users["municipal_officer"]).get(
        f"/monitor/uitvragen/{wave.pk}/rapport.json").content)
    assert data["invited"] == 1 and data["respondents"] == 1
    texts = next(q for q in data["questions"] if q["name"] == "betekenis")["texts"]
    assert texts == ["tekst van RAA-001"]
    export = client_for(world.users["municipal_officer"]).get(f"/monitor/uitvragen/{wave.pk}/antwoorden.csv")
    body = b"".join(export.streaming_content).decode()
    assert "RAA-001" in body and "ZWO-001" not in body
    assert client_for(world.users["municipal_officer"]).get(
        f"/monitor/uitnodigingen/{wave.invitations.first().pk}/").status_code == 403
    progress = client_for(world.users["municipal_officer"]).get(f"/monitor/uitvragen/{wave.pk}/uitnodigingen.csv")
    lines = b"".join(progress.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith("RAA-001,Dorpshuis De Linde,Raalte,") and ",Ingevuld," in lines[1]


def test_breakdown_suppresses_small_cells(world, settings):
    settings.ONTMOET_MONITOR_MIN_CELL = 5
    wave = _answered_wave(world, extra_raalte=6)
    report = build_report(wave, breakdown="municipality")
    breakdown = report["breakdown"]
    groups = {g["label"]: g for g in breakdown["groups"]}
    assert groups["Raalte"]["respondents"] == 7 and groups["Zwolle"]["respondents"] is None
    staffing = next(q for q in breakdown["questions"] if q["name"] == "bemensing")
    cells = {g["group"]: g for g in staffing["groups"]}
    raalte, zwolle = cells[str(world.raalte.pk)], cells[str(world.zwolle.pk)]
    assert raalte["choices"]["vrijwilligers"] == {"count": 7, "percent": 100.0, "suppressed": False}
    assert zwolle["suppressed"] and zwolle["choices"]["vrijwilligers"]["count"] is None
    by_question = build_report(wave, breakdown="q:soort")["breakdown"]
    assert [g["label"] for g in by_question["groups"]] == ["Dorpshuis", "MFA - multifunctionele accommodatie"]


@pytest.mark.storage
def test_report_downloads(world, client_for):
    wave = _answered_wave(world, extra_raalte=3)
    client = client_for(world.users["province_staff"])
    html = client.get(f"/monitor/uitvragen/{wave.pk}/rapport/?uitsplitsing=kind").content.decode()
    assert "Staafdiagram van" in html and "Uitgesplitst naar" in html
    data = json.loads(client.get(f"/monitor/uitvragen/{wave.pk}/rapport.json?uitsplitsing=municipality").content)
    assert data["schema"] == "ontmoet.monitor.report/1" and data["respondents"] == 5
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))  # the documented schema holds
    broken = {**data, "questions": [{"name": "x"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json.loads(SCHEMA.read_text()))
    workbook = load_workbook(io.BytesIO(client.get(f"/monitor/uitvragen/{wave.pk}/rapport.xlsx").content))
    assert workbook.sheetnames[:2] == ["Samenvatting", "Keuzevragen"]
    rows = list(workbook["Keuzevragen"].iter_rows(values_only=True))
    assert ("bemensing", "Wie runnen de plek?", "nee", 5, "vrijwilligers",
            "Alleen vrijwilligers, sommigen ontvangen vrijwilligersvergoeding", 5, 100) in rows
    pdf = fetch_document(client, f"/monitor/uitvragen/{wave.pk}/rapport.pdf")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    text = reader.pages[0].extract_text()
    assert "Monitor 2024" in text


def test_year_on_year_comparison(world, client_for):
    first = _answered_wave(world)
    first.year = 2024
    first.save()
    second = make_wave(world.overijssel, year=2025)
    services.submit(second.invitations.get(place=world.place), {"soort": "mfa", "bemensing": "betaald"})
    client = client_for(world.users["province_staff"])
    data = json.loads(client.get(f"/monitor/uitvragen/{second.pk}/vergelijking/?formaat=json").content)
    assert [w["year"] for w in data["waves"]] == [2024, 2025]
    staffing = next(q for q in data["questions"] if q["name"] == "bemensing")
    volunteers = next(c for c in staffing["choices"] if c["name"] == "vrijwilligers")
    assert volunteers["values"] == [{"count": 2, "percent": 100.0}, {"count": 0, "percent": 0.0}]
    assert "Vergelijking per jaar" in client.get(f"/monitor/uitvragen/{second.pk}/vergelijking/").content.decode()
