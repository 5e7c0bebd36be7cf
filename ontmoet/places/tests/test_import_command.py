"""`ontmoet import_places FILE --as EMAIL`: the same import as the web page, for large files and scripts."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ontmoet.places.models import Place

HEADER = "code,naam,soort,gemeente,postcode\r\n"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def good_file(tmp_path):
    path = tmp_path / "plekken.csv"
    path.write_text(HEADER + "RAA-002,Buurthuis De Kolk,buurthuis,Raalte,8102 AB\r\n"
                    "RAA-001,Dorpshuis De Linde,dorpshuis,GM0177,8101 AB\r\n", encoding="utf-8")
    return path


def state():
    return Place.history.count(), sorted(Place.objects.values_list("code", "name", "updated_at"))


def run(path, email, **kwargs):
    out, err = StringIO(), StringIO()
    call_command("import_places", str(path), "--as", email, stdout=out, stderr=err, verbosity=0, **kwargs)
    return out.getvalue(), err.getvalue()


def test_province_staff_can_import_from_the_command_line(world, good_file):
    out, _err = run(good_file, world.users["province_staff"].email)

    assert "Import gelukt: 1 nieuw, 0 bijgewerkt, 1 ongewijzigd." in out
    place = Place.objects.get(code="RAA-002")
    assert (place.name, place.municipality) == ("Buurthuis De Kolk", world.raalte)
    assert place.history.first().history_user == world.users["province_staff"]


def test_the_email_is_matched_case_insensitively(world, good_file):
    out, _err = run(good_file, world.users["province_staff"].email.upper())

    assert "Import gelukt" in out


def test_running_the_command_twice_changes_nothing_the_second_time(world, good_file):
    run(good_file, world.users["province_staff"].email)
    before = state()

    out, _err = run(good_file, world.users["province_staff"].email)

    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd" in out
    assert state() == before


@pytest.mark.parametrize("role", ["municipal_officer", "board_member", "expert"])
def test_someone_who_is_not_province_staff_is_refused(world, good_file, role):
    before = state()

    with pytest.raises(CommandError, match="geen actieve provinciemedewerker"):
        run(good_file, world.users[role].email)

    assert state() == before


def test_an_unknown_or_inactive_user_is_refused(world, good_file):
    staff = world.users["province_staff"]
    staff.is_active = False
    staff.save()

    with pytest.raises(CommandError, match="geen actieve provinciemedewerker"):
        run(good_file, staff.email)
    with pytest.raises(CommandError, match="geen actieve provinciemedewerker"):
        run(good_file, "niemand@test.example")
    assert not Place.objects.filter(code="RAA-002").exists()


def test_a_file_with_errors_writes_nothing_and_reports_row_and_column(world, tmp_path):
    path = tmp_path / "plekken.csv"
    path.write_text(HEADER + "RAA-002,Buurthuis De Kolk,buurthuis,Raalte,8102 AB\r\n"
                    "RAA-003,Buurthuis Apeldoorn-Zuid,buurthuis,GM0200,7311 AB\r\n", encoding="utf-8")
    before = state()
    err = StringIO()

    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("import_places", str(path), "--as", world.users["province_staff"].email,
                     stdout=StringIO(), stderr=err, verbosity=0)

    assert "rij 3, kolom gemeente" in err.getvalue()
    assert state() == before


def test_the_report_of_a_bad_file_goes_to_stderr(world, tmp_path):
    path = tmp_path / "plekken.csv"
    path.write_text(HEADER + "RAA-002,Buurthuis De Kolk,kasteel,Raalte,8102 AB\r\n", encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_places", str(path), "--as", world.users["province_staff"].email,
                     stdout=StringIO(), stderr=err, verbosity=0)

    assert "rij 2, kolom soort: Onbekende waarde 'kasteel'" in err.getvalue()


def test_an_unreadable_file_is_reported(world, tmp_path):
    path = tmp_path / "plekken.csv"
    path.write_bytes(b"")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_places", str(path), "--as", world.users["province_staff"].email,
                     stdout=StringIO(), stderr=err, verbosity=0)

    assert "leeg" in err.getvalue()


def test_a_missing_file_is_refused(world, tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        run(tmp_path / "bestaat-niet.csv", world.users["province_staff"].email)
