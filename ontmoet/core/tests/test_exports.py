"""Exports of places: scoped, filtered, safe to open in a spreadsheet, and importable again unchanged."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.exports import csv_response, neutralise, strip_neutralisation, xlsx_bytes
from ontmoet.core.stamps import written
from ontmoet.core.testing.documents import fetch_document
from ontmoet.places.columns import HEADERS
from ontmoet.places.importing import import_places
from ontmoet.places.models import Activity, Facility, Place, TargetGroup
from ontmoet.places.tests.factories import PlaceFactory

CSV_URL = "/plekken/export.csv"
XLSX_URL = "/plekken/export.xlsx"
LIST_URL = "/plekken/"
FORMULA_NAMES = ["=SOM(A1:A9)", "+31 Huiskamer", "-Min of meer", "@Home"]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def rich_place(world):
    """The Raalte place with every kind of column filled in, so a round trip tests them all."""
    place = world.place
    for field, value in {
        "typology": "multifunctioneel", "legal_form": "stichting", "building_owner": "gemeente",
        "staffing": "vrijwilligers", "board_size": 5, "volunteer_count": 40, "street": "Dorpsstraat",
        "house_number": "12a", "postcode": "8105 AB", "neighbourhood": "Centrum", "contact_name": "Anja Jansen",
        "phone": "+31 572 123456", "website": "https://de-linde.example", "description": "Regel 1,\nregel 2; \"klaar\"",
        "status": "tijdelijk_dicht", "is_public": True, "contact_is_public": False, "wheelchair_accessible": True,
        "accessible_toilet": None, "hearing_loop": False, "latitude": Decimal("52.398765"),
        "longitude": Decimal("6.312345"),
        "opening_hours": {"ma": ["09:00-12:00", "13:30-17:00"], "za": ["10:00-16:00"]},
        "opening_hours_note": "Niet in de zomervakantie",
    }.items():
        setattr(place, field, value)
    place.save()
    place.facilities.set(Facility.objects.filter(name__in=["Sport", "Bibliotheek"]))
    place.activities.set(Activity.objects.filter(name__in=["Kaarten / bridge", "Koersbal"]))
    place.target_groups.set(TargetGroup.objects.filter(name__in=["Ouderen"]))
    return place


@pytest.fixture
def formula_places(world):
    return [PlaceFactory(code=f"RAA-F{number}", name=name, municipality=world.raalte)
            for number, name in enumerate(FORMULA_NAMES)]


def get_csv(client, url=CSV_URL):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    data = b"".join(response.streaming_content)
    return data, list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def get_xlsx(client, url=XLSX_URL):
    content = fetch_document(client, url)  # made by the worker, fetched from its progress page
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return content, sheet


def xlsx_records(sheet):
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def state():
    return Place.history.count(), sorted(Place.objects.values_list("code", "name", "updated_at"))


def reimport(world, filename, data, role="province_staff"):
    user = world.users[role]
    return import_places(filename, data, get_scope(user), user)


# -- round trip -------------------------------------------------------------------------------------
def test_csv_export_has_the_import_columns_and_a_bom_for_excel(world, rich_place, client_for):
    data, records = get_csv(client_for(world.users["province_staff"]))

    assert data.startswith(b"\xef\xbb\xbf")
    assert list(records[0]) == HEADERS
    row = next(record for record in records if record["code"] == "RAA-001")
    assert row["gemeente"] == "GM0177"
    assert row["voorzieningen"] == "Sport, Bibliotheek"
    assert row["open_ma"] == "09:00-12:00, 13:30-17:00"
    assert (row["openbaar"], row["ringleiding"], row["invalidentoilet"]) == ("ja", "nee", "")
    assert row["omschrijving"] == "Regel 1,\nregel 2; \"klaar\""


def test_csv_export_imports_again_with_every_row_unchanged(world, rich_place, formula_places, client_for):
    data, records = get_csv(client_for(world.users["province_staff"]))
    assert len(records) == 2 + len(FORMULA_NAMES)
    before = state()

    report = reimport(world, "plekken-export.csv", data)

    assert report.ok, report.file_problems + [(p.row, p.column, p.message) for p in report.row_problems]
    assert {action for _row, _code, action in report.actions} == {"unchanged"}
    assert len(report.actions) == len(records)
    assert state() == before


def test_xlsx_export_imports_again_with_every_row_unchanged(world, rich_place, formula_places, client_for):
    data, sheet = get_xlsx(client_for(world.users["province_staff"]))
    assert sheet.max_row == 1 + 2 + len(FORMULA_NAMES)
    before = state()

    report = reimport(world, "plekken-export.xlsx", data)

    assert report.ok, report.file_problems + [(p.row, p.column, p.message) for p in report.row_problems]
    assert {action for _row, _code, action in report.actions} == {"unchanged"}
    assert state() == before


def test_an_edited_export_updates_only_the_edited_place(world, rich_place, client_for):
    _data, records = get_csv(client_for(world.users["province_staff"]))
    for record in records:
        if record["code"] == "RAA-001":
            record["vrijwilligers"] = "45"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADERS)
    writer.writeheader()
    writer.writerows(records)

    report = reimport(world, "bewerkt.csv", buffer.getvalue().encode())

    assert report.ok
    assert sorted((code, action) for _row, code, action in report.actions) == [
        ("RAA-001", "updated"), ("ZWO-001", "unchanged")]
    assert Place.objects.get(code="RAA-001").volunteer_count == 45


# -- scope and filters --------------------------------------------------------------------------------
@pytest.mark.parametrize("role, codes", [
    ("province_staff", {"RAA-001", "ZWO-001"}),
    ("province_admin", {"RAA-001", "ZWO-001"}),
    ("other_province_staff", {"APE-001"}),
    ("municipal_officer", {"RAA-001"}),
    ("other_municipal_officer", {"ZWO-001"}),
])
def test_exports_only_hold_the_places_in_the_users_area(world, client_for, role, codes):
    client = client_for(world.users[role])

    _data, records = get_csv(client)
    _data, sheet = get_xlsx(client)

    assert {record["code"] for record in records} == codes
    assert {record["code"].value for record in xlsx_records(sheet)} == codes


@pytest.mark.parametrize("role", ["board_member", "expert", "initiator"])
def test_exports_are_refused_to_people_who_do_not_manage_places(world, client_for, role):
    client = client_for(world.users[role])

    assert client.get(CSV_URL).status_code == 403
    assert client.get(XLSX_URL).status_code == 403


def test_exports_follow_the_list_filters(world, client_for):
    client = client_for(world.users["province_staff"])

    assert {r["code"] for r in get_csv(client, CSV_URL + "?kind=wijkcentrum")[1]} == {"ZWO-001"}
    assert {r["code"].value for r in xlsx_records(get_xlsx(client, XLSX_URL + "?kind=wijkcentrum")[1])} == {"ZWO-001"}
    assert {r["code"] for r in get_csv(client, f"{CSV_URL}?municipality={world.raalte.pk}")[1]} == {"RAA-001"}
    assert {r["code"] for r in get_csv(client, CSV_URL + "?q=Linde")[1]} == {"RAA-001"}


def test_a_filter_outside_the_users_area_does_not_widen_the_export(world, client_for):
    client = client_for(world.users["province_staff"])

    _data, records = get_csv(client, f"{CSV_URL}?municipality={world.apeldoorn.pk}")

    assert "APE-001" not in {record["code"] for record in records}


# -- formula neutralisation ------------------------------------------------------------------------------
def test_csv_cells_that_look_like_formulas_get_an_apostrophe(world, formula_places, client_for):
    _data, records = get_csv(client_for(world.users["province_staff"]))

    names = {record["code"]: record["naam"] for record in records}
    assert [names[place.code] for place in formula_places] == ["'" + name for name in FORMULA_NAMES]
    assert names["RAA-001"] == "Dorpshuis De Linde"


def test_xlsx_text_that_looks_like_a_formula_gets_an_apostrophe_and_numbers_stay_numbers(
        world, rich_place, formula_places, client_for):
    _data, sheet = get_xlsx(client_for(world.users["province_staff"]))

    records = {record["code"].value: record for record in xlsx_records(sheet)}
    for place in formula_places:
        cell = records[place.code]["naam"]
        assert (cell.value, cell.data_type) == ("'" + place.name, "s")
    linde = records["RAA-001"]
    assert (linde["breedtegraad"].value, linde["lengtegraad"].value) == (52.398765, 6.312345)
    assert linde["breedtegraad"].data_type == "n"
    assert (linde["bestuursleden"].value, linde["bestuursleden"].data_type) == (5, "n")
    assert linde["telefoon"].value == "'+31 572 123456"
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("url, filename", [(CSV_URL, "plekken.csv"), (XLSX_URL, "plekken.xlsx")])
def test_reimport_strips_the_apostrophe_so_names_round_trip_exactly(world, formula_places, client_for, url,
                                                                    filename):
    client = client_for(world.users["province_staff"])
    data = fetch_document(client, url) if url == XLSX_URL else b"".join(client.get(url).streaming_content)
    Place.objects.filter(code__startswith="RAA-F").update(name="weggehaald")

    report = reimport(world, filename, data)

    assert report.ok
    names = dict(Place.objects.filter(code__startswith="RAA-F").values_list("code", "name"))
    assert [names[place.code] for place in formula_places] == FORMULA_NAMES


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+31", "'+31"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Dorpshuis", "Dorpshuis"), ("'t Koffiehonk", "'t Koffiehonk"), ("", ""), (None, ""), (True, "ja"),
    (False, "nee"), (-2, -2), (52.5, 52.5),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


@pytest.mark.parametrize("value", ["=1+1", "+31", "-2", "@x", "'t Koffiehonk", "Dorpshuis", "'", "''=x"])
def test_strip_neutralisation_undoes_neutralise(value):
    assert strip_neutralisation(neutralise(value)) == value


def test_csv_response_and_xlsx_bytes_neutralise_every_cell():
    response = csv_response("x.csv", ["a", "b"], [["=x", 1], ["y", None]])
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["'=x", "1"], ["y", ""]]
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'

    sheet = load_workbook(io.BytesIO(xlsx_bytes("Plekken", ["a", "b"], [["=x", 1.5]]))).worksheets[0]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [["a", "b"], ["'=x", 1.5]]
    assert sheet.title == "Plekken"


# -- query counts -------------------------------------------------------------------------------------
def _add_places(world, count):
    facilities = list(Facility.objects.all()[:3])
    activities = list(Activity.objects.all()[:3])
    for _ in range(count):
        place = PlaceFactory(municipality=world.raalte, opening_hours={"ma": ["09:00-17:00"]})
        place.facilities.set(facilities)
        place.activities.set(activities)
        place.target_groups.set(TargetGroup.objects.all()[:2])


def _session_user(client):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=client.session["_auth_user_id"])


def _queries(client, url):
    if url == XLSX_URL:  # made by the worker: count the maker's queries, each time afresh
        from ontmoet.places.documents import export_xlsx_document

        with CaptureQueriesContext(connection) as queries:
            export_xlsx_document(_session_user(client), {"query": ""}, lambda percent: None)
        return len(queries)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL, LIST_URL, LIST_URL + "?kind=dorpshuis&sort=gemeente"])
def test_query_count_does_not_grow_with_the_number_of_places(world, client_for, url):
    client = client_for(world.users["province_staff"])
    _add_places(world, 3)  # with the two Overijssel places of `world`: 5
    assert Place.objects.filter(municipality__province=world.overijssel).count() == 5
    _queries(client, url)  # the first request reads the filter names into the cache (places.selectors.filter_names)
    # The list keeps its count and page ids per "places" stamp (places.selectors): compare two lists made
    # afresh, since adding places below changes the stamp too.
    written(Place)
    with_5 = _queries(client, url)

    _add_places(world, 35)
    with_40 = _queries(client, url)

    print(f"{url}: {with_5} queries for 5 places, {with_40} for 40")  # shown with pytest -s
    assert with_40 == with_5
    assert with_5 <= 12
