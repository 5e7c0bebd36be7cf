"""The upload pages: skipping rows a form cannot ask, and choosing who answered in an export."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ontmoet.monitor.models import Questionnaire

from .export_fixtures import HERE
from .factories import make_wave
from .test_xlsform_forms import FORMS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)  # refused exports are kept for a retry (core.held_uploads)


def test_a_refused_form_offers_to_skip_the_rows_and_lists_them(world, client_for):
    client = client_for(world.users["province_staff"])
    data = (FORMS / "field_survey.xlsx").read_bytes()
    page = client.post("/monitor/vragenlijsten/", {"file": SimpleUploadedFile("veld.xlsx", data)}).content.decode()
    assert "De vragenlijst is niet opgeslagen" in page and not Questionnaire.objects.exists()
    assert "Rijen overslaan die de monitor niet kan vragen" in page
    assert ("Vink dit aan en upload het bestand opnieuw om deze rijen over te slaan: survey, rij 3, kolom type: "
            "GPS-locatie &#x27;locatie&#x27; overgeslagen; survey, rij 4") in page

    response = client.post("/monitor/vragenlijsten/", {"file": SimpleUploadedFile("veld.xlsx", data),
                                                       "skip_unsupported": "on"}, follow=True)
    assert Questionnaire.objects.count() == 1
    page = response.content.decode()
    assert "Overgeslagen rijen: survey, rij 3, kolom type: GPS-locatie" in page and "Foto &#x27;gevel&#x27;" in page


def test_an_odk_export_with_an_uploaded_mapping_table_imports_from_the_page(world, client_for):
    wave = make_wave(world.overijssel)
    client = client_for(world.users["province_staff"])
    url = f"/monitor/uitvragen/{wave.pk}/importeren/"
    export = (HERE / "odk_plekken.csv").read_bytes()
    page = client.post(url, {"file": SimpleUploadedFile("odk.csv", export)}).content.decode()
    assert "Welke kolom zegt wie antwoordde?" in page

    page = client.post(url, {"file": SimpleUploadedFile("odk.csv", export), "respondent_column": "SubmitterName",
                             "mapping": "Dorpshuis De Linde;RAA-001",
                             "mapping_file": SimpleUploadedFile("koppel.xlsx", (HERE / "koppeltabel_odk.xlsx")
                                                                .read_bytes())}).content.decode()
    assert "2 antwoorden geïmporteerd." in page
    assert "De respondent komt uit de kolom <code>submittername</code>" in page
    assert "submissiondate" in page and "reviewstate" in page  # named as left out
    # The uploaded table's lines are shown in the page, after the typed ones, to check and complete.
    assert "Dorpshuis De Linde;RAA-001\nDorpshuis De Linde;RAA-001\nWijkcentrum Zwolle-Zuid;ZWO-001" in page
    assert wave.invitations.filter(status="complete").count() == 2


def test_mapping_lines_without_a_respondent_are_shown_at_the_field(world, client_for):
    wave = make_wave(world.overijssel)
    client = client_for(world.users["province_staff"])
    page = client.post(f"/monitor/uitvragen/{wave.pk}/importeren/", {
        "file": SimpleUploadedFile("odk.csv", (HERE / "odk_plekken.csv").read_bytes()),
        "mapping": "Dorpshuis De Linde;RAA-001\nWijkcentrum;ZWO-999"}).content.decode()
    assert "koppeltabel regel 2: &#x27;ZWO-999&#x27; is geen code" in page
    assert not wave.invitations.filter(status="complete").exists()


def test_the_import_command_takes_a_column_and_a_mapping_table(world):
    import io

    from django.core.management import call_command

    wave = make_wave(world.overijssel)
    out = io.StringIO()
    call_command("monitor_import_responses", str(wave.pk), str(HERE / "odk_plekken.csv"), "--quiet",
                 "--respondent-kolom", "SubmitterName", "--koppeltabel", str(HERE / "koppeltabel_odk.xlsx"), stdout=out)
    assert "2 nieuw, 0 bijgewerkt" in out.getvalue() and "Overgeslagen kolommen: submissiondate" in out.getvalue()


def _held_token(page: str) -> str:
    import re

    match = re.search(r'name="held"(?: value="([0-9a-f]*)")?', page)
    assert match, "no hidden field 'held' in the page"
    return match.group(1) or ""  # Django leaves out an empty value


@pytest.mark.storage
def test_after_a_refusal_the_export_is_kept_for_the_next_try(world, client_for):
    wave = make_wave(world.overijssel)
    client = client_for(world.users["province_staff"])
    url = f"/monitor/uitvragen/{wave.pk}/importeren/"
    export = (HERE / "odk_plekken.csv").read_bytes()
    page = client.post(url, {"file": SimpleUploadedFile("odk.csv", export)}).content.decode()
    assert "Welke kolom zegt wie antwoordde?" in page
    token = _held_token(page)
    assert token and "&#x27;odk.csv&#x27; is bewaard (2 uur)" in page

    # A colleague on the same wave cannot use the token: the file is kept for the one who uploaded it.
    colleague = Client()
    colleague.force_login(world.users["province_admin"])
    page = colleague.post(url, {"held": token, "respondent_column": "SubmitterName"}).content.decode()
    assert "Het bewaarde bestand is er niet meer" in page

    # A wrong mapping is refused, and the file is still kept.
    page = client.post(url, {"held": token, "respondent_column": "SubmitterName",
                             "mapping": "Dorpshuis De Linde;RAA-001\nWijkcentrum Zwolle-Zuid;ZWO-999"}).content.decode()
    assert "koppeltabel regel 2" in page and _held_token(page) == token

    page = client.post(url, {"held": token, "respondent_column": "SubmitterName",
                             "mapping": "Dorpshuis De Linde;RAA-001\nWijkcentrum Zwolle-Zuid;ZWO-001"}).content.decode()
    assert "2 antwoorden geïmporteerd." in page
    assert _held_token(page) == ""  # imported: no longer kept
    assert wave.invitations.filter(status="complete").count() == 2
    page = client.post(url, {"held": token, "respondent_column": "SubmitterName"}).content.decode()
    assert "Het bewaarde bestand is er niet meer" in page


def test_without_a_file_or_a_kept_one_the_page_asks_for_a_file(world, client_for):
    wave = make_wave(world.overijssel)
    client = client_for(world.users["province_staff"])
    page = client.post(f"/monitor/uitvragen/{wave.pk}/importeren/", {"held": "0" * 32}).content.decode()
    assert "Het bewaarde bestand is er niet meer" in page
    page = client.post(f"/monitor/uitvragen/{wave.pk}/importeren/", {"respondent_column": "x"}).content.decode()
    assert "Kies het bestand met antwoorden." in page


def test_an_unreadable_file_is_not_kept(world, client_for):
    wave = make_wave(world.overijssel)
    client = client_for(world.users["province_staff"])
    page = client.post(f"/monitor/uitvragen/{wave.pk}/importeren/",
                       {"file": SimpleUploadedFile("leeg.csv", b"   ")}).content.decode()
    assert "Het bestand is leeg." in page and _held_token(page) == ""
