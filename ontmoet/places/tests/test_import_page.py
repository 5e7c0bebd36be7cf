"""The places import page: an upload as province staff, its report in Dutch, and who may use it."""

import pytest

from ontmoet.places.models import Place

from .import_files import FULL, NEW, csv_file, state, upload, xlsx_file

IMPORT_URL = "/plekken/importeren/"


# -- the web page -------------------------------------------------------------------------------------------
@pytest.mark.storage
def test_upload_as_province_staff_imports_and_shows_the_counts(world, client_for):
    rows = [NEW, {"code": "RAA-001", "naam": "Dorpshuis De Linde", "soort": "dorpshuis", "gemeente": "Raalte"}]

    response = client_for(world.users["province_staff"]).post(IMPORT_URL, {"file": upload(csv_file(rows))})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Import gelukt: 1 nieuw, 0 bijgewerkt, 1 ongewijzigd." in html
    assert "RAA-002" in html and "nieuw" in html and "ongewijzigd" in html
    place = Place.objects.get(code="RAA-002")
    assert place.history.first().history_user == world.users["province_staff"]


def test_upload_of_an_xlsx_file_works_too(world, client_for):
    data = xlsx_file([FULL])
    file = upload(data, "plekken.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    response = client_for(world.users["province_admin"]).post(IMPORT_URL, {"file": file})

    assert response.status_code == 200
    assert "Import gelukt: 1 nieuw" in response.content.decode()
    assert Place.objects.filter(code="RAA-010").exists()


def test_a_failed_upload_answers_400_with_the_report_table_and_writes_nothing(world, client_for):
    before = state()
    rows = [NEW, {**NEW, "code": "RAA-004", "gemeente": "GM0200"}]

    response = client_for(world.users["province_staff"]).post(IMPORT_URL, {"file": upload(csv_file(rows))})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Er is niets geïmporteerd" in html
    assert "1 fout gevonden. Er is niets opgeslagen." in html
    assert '<td class="utrecht-table__cell">3</td><td class="utrecht-table__cell">gemeente</td>' in html
    assert "niet in uw gebied" in html
    assert "Import gelukt" not in html
    assert state() == before


def test_an_unreadable_upload_shows_the_file_problem(world, client_for):
    response = client_for(world.users["province_staff"]).post(IMPORT_URL, {"file": upload(b"", "leeg.csv")})

    # An empty upload is refused by the form itself (Django: "Het verstuurde bestand is leeg").
    assert response.status_code == 400
    assert "leeg" in response.content.decode()

    data = b"code,naam,soort,gemeente\r\nRAA-002,Buurthuis \x81,buurthuis,GM0177\r\n"
    response = client_for(world.users["province_staff"]).post(IMPORT_URL, {"file": upload(data)})

    assert response.status_code == 400
    assert "geen tekst in UTF-8 of Windows-1252" in response.content.decode()


def test_a_file_of_the_wrong_type_is_a_form_error(world, client_for):
    before = state()

    response = client_for(world.users["province_staff"]).post(
        IMPORT_URL, {"file": upload(b"%PDF-1.7\n", "verslag.pdf", "application/pdf")})

    assert response.status_code == 400
    assert "Kies een CSV- of XLSX-bestand (u koos verslag.pdf)." in response.content.decode()
    assert response.context["form"].errors["file"]
    assert response.context["report"] is None
    assert state() == before


def test_a_file_over_the_upload_limit_is_a_form_error(world, client_for, settings):
    settings.ONTMOET_UPLOAD_MAX_BYTES = 100
    data = csv_file([NEW, {**NEW, "code": "RAA-003"}, {**NEW, "code": "RAA-004"}])
    assert len(data) > 100
    before = state()

    response = client_for(world.users["province_staff"]).post(IMPORT_URL, {"file": upload(data)})

    assert response.status_code == 400
    assert "de grens is" in response.content.decode()
    assert response.context["form"].errors["file"]
    assert state() == before


@pytest.mark.parametrize("role", ["municipal_officer", "board_member", "expert"])
def test_only_province_staff_may_upload(world, client_for, role):
    before = state()

    response = client_for(world.users[role]).post(IMPORT_URL, {"file": upload(csv_file([NEW]))})

    assert response.status_code == 403
    assert state() == before


def test_anonymous_upload_is_sent_to_the_login_page(world, client_for):
    response = client_for(None).post(IMPORT_URL, {"file": upload(csv_file([NEW]))})

    assert response.status_code == 302
    assert not Place.objects.filter(code="RAA-002").exists()
