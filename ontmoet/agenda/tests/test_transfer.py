"""Import and export of activities: all or nothing with a row report, the form's own checks, no duplicates on
a second import, export → import round-trips, and each user only touches the places they keep."""

import io
from datetime import date, time

import pytest
from openpyxl import load_workbook

from ontmoet.accounts.scoping import get_scope
from ontmoet.agenda import columns, importing
from ontmoet.agenda.models import Activity, Recurrence
from ontmoet.places.models import TargetGroup

from .factories import kind, make_activity

pytestmark = pytest.mark.django_db

HEADER = "plek;naam;soort;wanneer;eerste datum;laatste datum;begintijd;eindtijd;niet op feestdagen;kosten;open inloop"


def _csv(*lines, header=HEADER) -> bytes:
    return "\n".join([header, *lines]).encode()


def _import(world, data, role="board_member", place=None, name="activiteiten.csv"):
    user = world.users[role]
    return importing.import_activities(name, data, get_scope(user), user, place=place)


@pytest.mark.parametrize(("written", "expected"), [
    ("ma, do", {"recurrence": Recurrence.WEEKLY, "weekdays": [0, 3]}),
    ("elke dinsdag en donderdag", {"recurrence": Recurrence.WEEKLY, "weekdays": [1, 3]}),
    ("Wekelijks op vrijdag", {"recurrence": Recurrence.WEEKLY, "weekdays": [4]}),
    ("elke 2e dinsdag", {"recurrence": Recurrence.MONTHLY, "month_week": 2, "month_weekday": 1}),
    ("elke laatste vrijdag van de maand", {"recurrence": Recurrence.MONTHLY, "month_week": -1, "month_weekday": 4}),
    ("eenmalig", {"recurrence": Recurrence.ONCE}),
])
def test_the_rule_is_read_as_people_write_it(written, expected):
    assert columns.read_rule(written) == expected


def test_unknown_rule_says_what_to_write():
    with pytest.raises(columns.CellError, match="elke 2e dinsdag"):
        columns.read_rule("om de week")


def test_a_board_imports_a_weekly_and_a_monthly_activity_and_a_second_import_changes_nothing(world):
    kind("koor")
    data = _csv("RAA-001;Koffieochtend;koffiemomenten;di;1-9-2026;;9:30;11:30;ja;0;ja",
                "RAA-001;Buurtkoor;Koor;elke 2e dinsdag;2026-09-08;2027-06-30;19:30;21:30;nee;2,50;nee")
    report = _import(world, data)
    assert report.ok and report.written, report.row_problems
    coffee = Activity.objects.get(title="Koffieochtend")
    assert (coffee.place, coffee.weekdays, coffee.start_time, coffee.skip_public_holidays, coffee.walk_in) == (
        world.place, [1], time(9, 30), True, True)
    choir = Activity.objects.get(title="Buurtkoor")
    assert (choir.recurrence, choir.month_week, choir.month_weekday, str(choir.cost)) == ("maandelijks", 2, 1, "2.50")
    assert choir.ends_on == date(2027, 6, 30)
    again = _import(world, data)
    assert again.written and again.count("unchanged") == 2 and Activity.objects.count() == 2


def test_one_bad_row_writes_nothing_and_the_report_names_row_column_and_fix(world):
    data = _csv("RAA-001;Koffieochtend;koffiemomenten;di;1-9-2026;;9:30;11:30;ja;0;ja",
                "RAA-001;Te lang;koffiemomenten;ma, di, wo, do, vr;1-1-2026;31-12-2027;9:00;10:00;nee;0;nee",
                "RAA-001;Andersom;koffiemomenten;di;1-9-2026;1-8-2026;9:00;10:00;nee;0;nee",
                "RAA-001;Zomertijd;koffiemomenten;eenmalig;28-3-2027;;2:30;4:00;nee;0;nee",
                "RAA-001;Duur;koffiemomenten;di;1-9-2026;;9:00;10:00;nee;-3;nee",
                "RAA-001;Raar;onbekend;om de week;31-2-2026;;25:00;10:00;misschien;twee;nee",
                "ZWO-001;Elders;koffiemomenten;di;1-9-2026;;9:00;10:00;nee;0;nee")
    report = _import(world, data)
    assert not report.written and Activity.objects.count() == 0
    problems = {(problem.row, problem.column) for problem in report.row_problems}
    assert (3, "laatste datum") in problems  # more than 500 dates
    assert (4, "laatste datum") in problems  # end before start
    assert (5, "begintijd") in problems  # 02:30 does not exist on the night summer time starts
    assert (6, "kosten") in problems
    assert {(7, "soort"), (7, "wanneer"), (7, "eerste datum"), (7, "begintijd"), (7, "niet op feestdagen"),
            (7, "kosten")} <= problems
    assert (8, "plek") in problems  # another board's place
    assert not any(problem.row == 2 for problem in report.row_problems)
    messages = " ".join(problem.message for problem in report.row_problems)
    assert "hoogstens 500" in messages and "bestaat niet" in messages


def test_the_same_activity_twice_in_one_file_is_refused(world):
    line = "RAA-001;Koffieochtend;koffiemomenten;di;1-9-2026;;9:30;11:30;ja;0;ja"
    report = _import(world, _csv(line, line))
    assert [(problem.row, problem.column) for problem in report.row_problems] == [(3, "naam")]


def test_an_officer_imports_for_places_in_scope_only(world):
    data = _csv("RAA-001;Koffieochtend;koffiemomenten;di;1-9-2026;;9:30;11:30;ja;0;ja")
    assert _import(world, data, role="municipal_officer").written
    refused = _import(world, data, role="other_municipal_officer")
    assert [problem.column for problem in refused.row_problems] == ["plek"]


def test_on_a_place_page_the_place_column_may_be_left_out_but_not_point_elsewhere(world):
    header = "naam;soort;wanneer;eerste datum;begintijd;eindtijd"
    report = _import(world, _csv("Koor;koffiemomenten;elke laatste vrijdag;1-9-2026;19:00;21:00", header=header),
                     place=world.place)
    assert report.written and Activity.objects.get().place == world.place
    other = _import(world, _csv("ZWO-001;Koor;koffiemomenten;di;1-9-2026;;9:30;11:30;ja;0;ja"), place=world.place)
    assert [problem.column for problem in other.row_problems] == ["plek"]


def test_file_problems_are_reported_whole(world):
    assert "plek" in _import(world, b"naam;soort\nKoor;koor").file_problems[0]
    report = _import(world, _csv("RAA-001;Ko\x00or;koffiemomenten;di;1-9-2026;;9:30;11:30;ja;0;ja"))
    assert "stuurteken" in report.file_problems[0]


def test_export_edit_import_round_trips_in_xlsx(world, client_for):
    group = TargetGroup.objects.first()
    activity = make_activity(world.place, title="Koffieochtend", weekdays=[1, 3], cost="1.50", walk_in=True,
                             target_groups=[group], description="=geen formule")
    make_activity(world.zwolle_place, title="Niet van ons")
    client = client_for(world.users["board_member"])
    response = client.get(f"/plekken/{world.place.code}/agenda/activiteiten.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == columns.HEADERS and len(rows) == 2
    rows[1][columns.HEADERS.index("eindtijd")] = "12:30"  # the edit
    workbook_file = io.BytesIO()
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(workbook_file)
    report = _import(world, workbook_file.getvalue(), name="terug.xlsx")
    assert report.written and report.count("updated") == 1 and report.count("created") == 0, report.row_problems
    activity.refresh_from_db()
    assert activity.end_time == time(12, 30) and activity.weekdays == [1, 3] and activity.walk_in
    assert activity.description == "=geen formule" and list(activity.target_groups.all()) == [group]
    assert Activity.objects.count() == 2


def test_exports_and_template_hold_the_import_columns(world, client_for):
    make_activity(world.place, title="Koffieochtend")
    make_activity(world.zwolle_place, title="Zwolle")
    officer = client_for(world.users["municipal_officer"])
    text = b"".join(officer.get("/agenda/activiteiten.csv").streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(columns.HEADERS)
    assert "Koffieochtend" in text and "Zwolle" not in text
    template = b"".join(officer.get("/agenda/sjabloon.csv").streaming_content)
    kind("koor")
    report = _import(world, template.replace(b"RAA-001", world.place.code.encode()), name="sjabloon.csv")
    assert report.written and report.count("created") == 2, report.row_problems


def test_the_import_page_shows_the_report(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(world.users["board_member"])
    upload = SimpleUploadedFile("a.csv", _csv("RAA-001;Koffieochtend;koffiemomenten;xx;1-9-2026;;9:30;11:30;ja;0;ja"))
    page = client.post(f"/plekken/{world.place.code}/agenda/importeren/", {"file": upload})
    assert page.status_code == 400 and "Onbekend ritme" in page.content.decode()
    upload = SimpleUploadedFile("a.csv", _csv("RAA-001;Koffieochtend;koffiemomenten;di;1-9-2026;;9:30;11:30;ja;0;ja"))
    page = client.post("/agenda/importeren/", {"file": upload})
    assert page.status_code == 200 and Activity.objects.filter(place=world.place).count() == 1


def test_officers_find_the_import_for_all_their_places_from_a_place(world, client_for):
    url = f"/plekken/{world.place.code}/agenda/importeren/"
    assert "/agenda/importeren/" in client_for(world.users["municipal_officer"]).get(url).content.decode()
    board_page = client_for(world.users["board_member"]).get(url).content.decode()
    assert 'href="/agenda/importeren/"' not in board_page  # one place: this page is all there is
