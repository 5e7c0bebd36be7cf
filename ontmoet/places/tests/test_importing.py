"""Importing places from CSV and XLSX: idempotent on `code`, all-or-nothing, reported row by row in Dutch.

Row numbers in reports use spreadsheet numbering: the header is row 1, the first data row is row 2.
"""

import pytest

from ontmoet.places.models import Place
from ontmoet.places.tests.factories import MunicipalityFactory

from .import_files import FULL, NEW, csv_file, problems, run_import, state, xlsx_file


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # The `world` users get a password; Argon2 is deliberately slow, and nothing here tests hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# -- creating and updating --------------------------------------------------------------------------
def test_csv_import_creates_places_attributed_to_the_importer(world):
    report = run_import(world, csv_file([NEW, FULL]))

    assert report.ok, problems(report) + report.file_problems
    assert report.written
    assert report.actions == [(2, "RAA-002", "created"), (3, "RAA-010", "created")]
    place = Place.objects.get(code="RAA-010")
    assert (place.name, place.kind, place.municipality, place.city) == ("Kulturhus Heino", "kulturhus",
                                                                        world.raalte, "Heino")
    assert place.postcode == "8141 AB"
    assert (str(place.latitude), str(place.longitude)) == ("52.435100", "6.234500")
    assert (place.board_size, place.volunteer_count) == (5, 40)
    assert sorted(place.facilities.values_list("name", flat=True)) == ["Bibliotheek", "Sport"]
    assert sorted(place.activities.values_list("name", flat=True)) == ["Bingo", "Koersbal"]
    assert sorted(place.target_groups.values_list("name", flat=True)) == ["Kinderen", "Ouderen"]
    assert place.opening_hours == {"ma": ["09:00-12:00", "13:30-17:00"], "za": ["10:00-16:00"]}
    assert (place.is_public, place.contact_is_public) == (True, False)
    assert (place.wheelchair_accessible, place.accessible_toilet, place.hearing_loop) == (True, None, True)
    assert [h.history_user for h in place.history.all()] == [world.users["province_staff"]]


def test_the_history_row_of_an_imported_new_place_is_marked_as_created(world):
    run_import(world, csv_file([NEW]))

    # simple_history: "+" = created, "~" = changed. A place that did not exist before was created.
    assert [h.history_type for h in Place.objects.get(code="RAA-002").history.all()] == ["+"]


def test_windows_1252_csv_with_semicolons_is_imported(world):
    data = csv_file([{**NEW, "naam": "Café De Eikenboom", "plaats": "Mariënheem"}], delimiter=";", encoding="cp1252")
    assert b";" in data and b"\xe9" in data

    report = run_import(world, data)

    assert report.ok, problems(report) + report.file_problems
    place = Place.objects.get(code="RAA-002")
    assert (place.name, place.city) == ("Café De Eikenboom", "Mariënheem")


def test_xlsx_import_creates_places(world):
    rows = [{**FULL, "bestuursleden": 5, "breedtegraad": 52.4351, "lengtegraad": 6.2345}]

    report = run_import(world, xlsx_file(rows), filename="plekken.xlsx")

    assert report.ok, problems(report) + report.file_problems
    place = Place.objects.get(code="RAA-010")
    assert (place.board_size, str(place.latitude), str(place.longitude)) == (5, "52.435100", "6.234500")
    assert sorted(place.activities.values_list("name", flat=True)) == ["Bingo", "Koersbal"]


@pytest.mark.parametrize("make_file, filename", [
    (lambda rows: csv_file(rows), "plekken.csv"),
    (lambda rows: csv_file(rows, delimiter=";", encoding="cp1252"), "plekken.csv"),
    (xlsx_file, "plekken.xlsx"),
])
def test_importing_the_same_file_twice_changes_nothing_the_second_time(world, make_file, filename):
    data = make_file([NEW, FULL])
    assert run_import(world, data, filename).ok
    before = state()

    report = run_import(world, data, filename)

    assert report.ok
    assert [action for _row, _code, action in report.actions] == ["unchanged", "unchanged"]
    assert state() == before


def test_an_update_writes_one_history_row_per_changed_place_by_the_importer(world):
    raalte_history = world.place.history.count()
    zwolle_history = world.zwolle_place.history.count()
    rows = [
        {"code": "RAA-001", "naam": "Dorpshuis De Linde (vernieuwd)", "soort": "dorpshuis", "gemeente": "Raalte",
         "voorzieningen": "Sport, Horeca", "open_di": "19:00-23:00"},
        {"code": "ZWO-001", "naam": "Wijkcentrum Zwolle-Zuid", "soort": "wijkcentrum", "gemeente": "Zwolle"},
    ]

    report = run_import(world, csv_file(rows))

    assert report.ok, problems(report)
    assert report.actions == [(2, "RAA-001", "updated"), (3, "ZWO-001", "unchanged")]
    place = Place.objects.get(code="RAA-001")
    assert place.name == "Dorpshuis De Linde (vernieuwd)"
    assert sorted(place.facilities.values_list("name", flat=True)) == ["Horeca", "Sport"]
    assert place.history.count() == raalte_history + 1
    latest = place.history.first()
    assert (latest.history_type, latest.history_user) == ("~", world.users["province_staff"])
    assert "import" in latest.history_change_reason
    assert world.zwolle_place.history.count() == zwolle_history


def test_a_file_with_only_some_columns_leaves_the_other_fields_alone(world):
    Place.objects.filter(pk=world.place.pk).update(opening_hours={"ma": ["09:00-12:00"]}, board_size=7)
    history = world.place.history.count()
    row = {"code": "RAA-001", "naam": "Dorpshuis De Linde", "soort": "dorpshuis", "gemeente": "GM0177"}

    report = run_import(world, csv_file([row]))

    assert report.ok
    assert report.actions == [(2, "RAA-001", "unchanged")]
    place = Place.objects.get(pk=world.place.pk)
    assert (place.opening_hours, place.board_size) == ({"ma": ["09:00-12:00"]}, 7)
    assert place.history.count() == history


# -- all or nothing, row by row -----------------------------------------------------------------------
BAD_ROWS = [
    pytest.param({"gemeente": "Atlantis"}, "gemeente", "Onbekende gemeente", id="unknown-municipality"),
    pytest.param({"gemeente": "GM0200"}, "gemeente", "niet in uw gebied", id="municipality-other-province"),
    pytest.param({"gemeente": "Apeldoorn"}, "gemeente", "niet in uw gebied", id="municipality-name-other-province"),
    pytest.param({"postcode": "81O1 AB"}, "postcode", "Nederlandse postcode", id="bad-postcode"),
    pytest.param({"breedtegraad": "48.8566", "lengtegraad": "2.3522"}, "breedtegraad", "niet in Nederland",
                 id="coordinates-outside-nl"),
    pytest.param({"breedtegraad": "52.4"}, "breedtegraad", "allebei", id="latitude-without-longitude"),
    pytest.param({"breedtegraad": "noord", "lengtegraad": "6.2"}, "breedtegraad", "geen getal", id="latitude-text"),
    pytest.param({"soort": "kasteel"}, "soort", "Onbekende waarde 'kasteel'", id="unknown-kind"),
    pytest.param({"voorzieningen": "Sport, Zwembad"}, "voorzieningen", "Onbekend: Zwembad", id="unknown-facility"),
    pytest.param({"bestuursleden": "vijf"}, "bestuursleden", "heel getal", id="board-size-text"),
    pytest.param({"bestuursleden": "4.5"}, "bestuursleden", "heel getal", id="board-size-fraction"),
    pytest.param({"openbaar": "misschien"}, "openbaar", "ja of nee", id="bad-boolean"),
    pytest.param({"open_ma": "9-17"}, "open_ma", "09:00-12:00", id="bad-opening-hours"),
    pytest.param({"naam": ""}, "naam", "verplicht", id="missing-name"),
    pytest.param({"code": "RAA 002!"}, "code", "letters, cijfers", id="bad-code"),
    pytest.param({"email": "geen-adres"}, "email", "e-mailadres", id="bad-email"),
    pytest.param({"code": "APE-001"}, "code", "buiten uw gebied", id="code-of-place-in-other-province"),
]


@pytest.mark.parametrize("changes, column, words", BAD_ROWS)
def test_one_bad_row_among_good_rows_writes_nothing_and_names_row_and_column(world, changes, column, words):
    before = state()
    rows = [
        {**NEW, "code": "RAA-003"},  # row 2: new, fine
        {**NEW, **changes},  # row 3: the bad one
        {"code": "RAA-001", "naam": "Nieuwe naam", "soort": "dorpshuis", "gemeente": "Raalte"},  # row 4: an update
    ]

    report = run_import(world, csv_file(rows))

    assert not report.ok
    assert not report.written
    assert report.actions == []
    assert [(row, col) for row, col, _message in problems(report)][:1] == [(3, column)]
    assert words in problems(report)[0][2]
    assert {row for row, _col, _message in problems(report)} == {3}
    assert state() == before


def test_duplicate_codes_in_one_file_are_refused_naming_both_rows(world):
    before = state()
    rows = [NEW, {**NEW, "code": "RAA-009"}, {**NEW, "naam": "Tweede keer"}]

    report = run_import(world, csv_file(rows))

    assert problems(report) == [(4, "code", "De code RAA-002 staat ook al in rij 2.")]
    assert state() == before


def test_every_bad_row_is_reported_not_only_the_first(world):
    rows = [{**NEW, "soort": "kasteel"}, {**NEW, "code": "RAA-004", "postcode": "12"}, {**NEW, "code": "RAA-005"}]

    report = run_import(world, csv_file(rows))

    assert [(row, column) for row, column, _message in problems(report)] == [(2, "soort"), (3, "postcode")]


def test_a_bad_row_in_an_xlsx_file_is_reported_with_its_spreadsheet_row(world):
    before = state()
    rows = [NEW, {**NEW, "code": "RAA-004"}, {**NEW, "code": "RAA-005", "bestuursleden": "veel"}]

    report = run_import(world, xlsx_file(rows), filename="plekken.xlsx")

    assert [(row, column) for row, column, _message in problems(report)] == [(4, "bestuursleden")]
    assert state() == before


def test_row_numbers_stay_spreadsheet_numbers_after_a_blank_line(world):
    # Row 1 header, row 2 a place, row 3 empty, row 4 the bad place: Excel shows it on row 4.
    data = csv_file([NEW]) + b"\r\n" + csv_file([{**NEW, "code": "RAA-004", "soort": "kasteel"}]).split(b"\r\n", 1)[1]
    assert data.count(b"\r\n") == 4

    report = run_import(world, data)

    assert [(row, column) for row, column, _message in problems(report)] == [(4, "soort")]


def test_a_digit_like_character_in_a_number_is_reported_not_a_crash(world):
    # "²".isdigit() is True but int("²") fails: it must become a row problem, not an exception (500).
    report = run_import(world, csv_file([{**NEW, "bestuursleden": "5²"}]))

    assert [(row, column) for row, column, _message in problems(report)] == [(2, "bestuursleden")]


# -- the file as a whole ----------------------------------------------------------------------------
BAD_FILES = [
    pytest.param("plekken.csv", b"kode,naam,soort,gemeente\r\nRAA-002,Buurthuis,buurthuis,GM0177\r\n",
                 "kolomkoppen kloppen niet: code ontbreekt", id="wrong-header"),
    pytest.param("plekken.csv", b"RAA-002,Buurthuis,buurthuis,GM0177\r\nRAA-003,Huis,buurthuis,GM0177\r\n",
                 "kolomkoppen kloppen niet", id="missing-header"),
    pytest.param("plekken.csv", b"code,naam,soort,gemeente,kleur\r\nRAA-002,Buurthuis,buurthuis,GM0177,rood\r\n",
                 "Onbekende kolommen: kleur", id="unknown-column"),
    pytest.param("plekken.csv", b"code,naam,naam,soort,gemeente\r\nRAA-002,Buurthuis,Huis,buurthuis,GM0177\r\n",
                 "dubbel", id="duplicated-column"),
    pytest.param("plekken.csv", b"code,naam,soort,gemeente\r\nRAA-002,Buurthuis \x81\x8d,buurthuis,GM0177\r\n",
                 "geen tekst in UTF-8 of Windows-1252", id="wrong-encoding"),
    pytest.param("plekken.csv", b"", "leeg", id="empty-file"),
    pytest.param("plekken.csv", b"code,naam,soort,gemeente\r\n", "alleen kolomkoppen", id="header-only"),
    pytest.param("plekken.xlsx", b"code,naam,soort,gemeente\r\nRAA-002,Buurthuis,buurthuis,GM0177\r\n",
                 "geen Excel-bestand", id="xlsx-name-not-zip"),
    pytest.param("plekken.pdf", b"%PDF-1.7\n", "Kies een CSV- of XLSX-bestand", id="pdf"),
]


@pytest.mark.parametrize("filename, data, words", BAD_FILES)
def test_a_file_that_cannot_be_read_is_refused_as_a_whole(world, filename, data, words):
    before = state()

    report = run_import(world, data, filename)

    assert not report.ok
    assert len(report.file_problems) == 1
    assert words in report.file_problems[0]
    assert report.row_problems == []
    assert state() == before


# -- matching what people type --------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["Raalte", "raalte", " RAALTE ", "GM0177", "gm0177", "0177", "177"])
def test_municipality_is_matched_by_name_or_cbs_code(world, typed):
    report = run_import(world, csv_file([{**NEW, "gemeente": typed}]))

    assert report.ok, problems(report)
    assert Place.objects.get(code="RAA-002").municipality == world.raalte


@pytest.mark.parametrize("typed", ["Hengelo", "hengelo", "Hengelo (O.)", "Hengelo (o)"])
def test_municipality_alias_hengelo_means_hengelo_overijssel(world, typed):
    hengelo = MunicipalityFactory(code="GM0164", name="Hengelo (O.)", province=world.overijssel)

    report = run_import(world, csv_file([{**NEW, "code": "HEN-001", "gemeente": typed}]))

    assert report.ok, problems(report)
    assert Place.objects.get(code="HEN-001").municipality == hengelo


def test_choices_accept_the_dutch_labels_as_well_as_the_codes(world):
    row = {**NEW, "soort": "Dorpshuis", "typologie": "'t Koffiehonk", "bemensing": "Niet bekend",
           "rechtsvorm": "VERENIGING", "status": "Tijdelijk gesloten"}

    report = run_import(world, csv_file([row]))

    assert report.ok, problems(report)
    place = Place.objects.get(code="RAA-002")
    assert (place.kind, place.typology, place.staffing, place.legal_form, place.status) == (
        "dorpshuis", "koffiehonk", "onbekend", "vereniging", "tijdelijk_dicht")


@pytest.mark.parametrize("typed", ["Sport, Bibliotheek", "Sport;Bibliotheek", "Sport | Bibliotheek",
                                   "sport,bibliotheek,", "BIBLIOTHEEK; sport"])
def test_vocabulary_lists_may_be_separated_by_comma_semicolon_or_bar(world, typed):
    report = run_import(world, csv_file([{**NEW, "voorzieningen": typed}]))

    assert report.ok, problems(report)
    assert sorted(Place.objects.get(code="RAA-002").facilities.values_list("name", flat=True)) == [
        "Bibliotheek", "Sport"]


def test_staff_of_another_province_cannot_import_into_overijssel(world):
    before = state()

    report = run_import(world, csv_file([NEW]), role="other_province_staff")

    assert [(row, column) for row, column, _message in problems(report)] == [(2, "gemeente")]
    assert state() == before
