"""Managing places through the web UI: edit, verify, history, list, reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ontmoet.places.models import Activity, Facility, Place
from ontmoet.places.tests.factories import PlaceFactory


def _form_data(place, **changes):
    data = {
        "name": place.name, "kind": place.kind, "typology": "", "municipality": place.municipality_id,
        "city": place.city, "neighbourhood": "", "street": "Dorpsstraat", "house_number": "1",
        "postcode": place.postcode, "latitude": str(place.latitude), "longitude": str(place.longitude),
        "description": "", "status": "actief", "legal_form": "stichting", "building_owner": "gemeente",
        "staffing": "vrijwilligers", "board_size": "5", "volunteer_count": "30", "opening_hours_note": "",
        "wheelchair_accessible": "true", "accessible_toilet": "", "hearing_loop": "false",
        "contact_name": "", "email": place.email, "phone": "", "website": "", "is_public": "on",
        "open_ma": "09:00-12:00, 13:30-17:00",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_board_member_edits_own_place_and_history_records_who_and_what(world, client_for):
    client = client_for(world.users["board_member"])
    sport = Facility.objects.get(code="sport")
    response = client.post(f"/plekken/{world.place.code}/bewerken/",
                           _form_data(world.place, name="Dorpshuis De Linde (vernieuwd)", facilities=[sport.pk]))
    assert response.status_code == 302
    place = Place.objects.get(pk=world.place.pk)
    assert place.name == "Dorpshuis De Linde (vernieuwd)"
    assert place.opening_hours == {"ma": ["09:00-12:00", "13:30-17:00"]}
    assert place.wheelchair_accessible is True and place.hearing_loop is False and place.accessible_toilet is None
    assert list(place.facilities.all()) == [sport]
    latest = place.history.first()
    assert latest.history_user == world.users["board_member"]
    assert list(latest.facilities.values_list("facility_id", flat=True)) == [sport.pk]
    history_page = client.get(f"/plekken/{place.code}/geschiedenis/").content.decode()
    assert "Dorpshuis De Linde (vernieuwd)" in history_page
    assert "Sport" in history_page
    assert "board_member" in history_page  # the user's name
    assert "maandag 09:00-12:00, 13:30-17:00" in history_page  # hours as people read them, not a dict
    client.post(f"/plekken/{place.code}/bevestigen/")
    history_page = client.get(f"/plekken/{place.code}/geschiedenis/").content.decode()
    assert "Bevestigd door" in history_page and f">{world.users['board_member'].pk}<" not in history_page


def test_one_edit_writes_exactly_one_history_row(world, client_for):
    client = client_for(world.users["province_staff"])
    before = world.place.history.count()
    bingo = Activity.objects.get(code="bingo")
    client.post(f"/plekken/{world.place.code}/bewerken/", _form_data(world.place, activities=[bingo.pk]))
    assert world.place.history.count() == before + 1


@pytest.mark.parametrize("field, value, message", [
    ("postcode", "12345", "Nederlandse postcode"),
    ("latitude", "48.85", "niet in Nederland"),
    ("open_di", "9-17", "09:00-12:00"),
    ("open_wo", "17:00-09:00", "09:00-12:00"),
    ("email", "geen-mail", "e-mailadres"),
    ("name", "", "verplicht"),
    ("board_size", "-3", "0"),
])
def test_bad_input_shows_dutch_message_keeps_input_and_writes_nothing(world, client_for, field, value, message):
    client = client_for(world.users["board_member"])
    before = world.place.history.count()
    response = client.post(f"/plekken/{world.place.code}/bewerken/",
                           _form_data(world.place, **{field: value, "city": "Nieuw getypte plaats"}))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'aria-invalid="true"' in page
    assert "Nieuw getypte plaats" in page  # what the user typed is kept
    world.place.refresh_from_db()
    assert world.place.city == "Heeten"
    assert world.place.history.count() == before


def test_board_member_cannot_move_place_to_another_municipality(world, client_for):
    client = client_for(world.users["board_member"])
    client.post(f"/plekken/{world.place.code}/bewerken/", _form_data(world.place, municipality=world.zwolle.pk))
    world.place.refresh_from_db()
    assert world.place.municipality == world.raalte


def test_officer_cannot_assign_a_municipality_outside_scope(world, client_for):
    client = client_for(world.users["municipal_officer"])
    response = client.post(f"/plekken/{world.place.code}/bewerken/",
                           _form_data(world.place, municipality=world.apeldoorn.pk))
    assert response.status_code == 400
    world.place.refresh_from_db()
    assert world.place.municipality == world.raalte


def test_verify_stamps_date_and_user(world, client_for):
    client = client_for(world.users["board_member"])
    response = client.post(f"/plekken/{world.place.code}/bevestigen/", follow=True)
    assert "kloppen" in response.content.decode()
    world.place.refresh_from_db()
    assert world.place.last_verified_by == world.users["board_member"]
    assert timezone.now() - world.place.last_verified_at < timedelta(minutes=1)


def test_officer_creates_place(world, client_for):
    client = client_for(world.users["municipal_officer"])
    data = _form_data(world.place, code="RAA-002", name="Buurtkamer Heeten")
    response = client.post("/plekken/nieuw/", data)
    assert response.status_code == 302
    created = Place.objects.get(code="RAA-002")
    assert created.history.count() == 1 and created.history.first().history_user == world.users["municipal_officer"]


def test_create_refuses_duplicate_and_reserved_codes(world, client_for):
    client = client_for(world.users["province_staff"])
    for code, message in [("RAA-001", "bestaat al"), ("nieuw", "Een code bestaat uit")]:
        response = client.post("/plekken/nieuw/", _form_data(world.place, code=code))
        assert response.status_code == 400
        assert message in response.content.decode()
    assert Place.objects.count() == 3


def test_list_filters_sorts_and_paginates(world, client_for):
    PlaceFactory.create_batch(30, municipality=world.raalte, kind="buurthuis")
    client = client_for(world.users["municipal_officer"])
    page = client.get("/plekken/").content.decode()
    assert "31 plekken gevonden" in page  # Raalte only: 30 + De Linde
    assert "Wijkcentrum Zwolle-Zuid" not in page
    page = client.get("/plekken/?kind=dorpshuis").content.decode()
    assert "1 plek gevonden" in page and "Dorpshuis De Linde" in page
    page2 = client.get("/plekken/?kind=buurthuis&pagina=2").content.decode()
    assert "Pagina 2 van 2" in page2
    ascending = client.get("/plekken/?sort=naam").content.decode()
    assert ascending.index("Dorpshuis De Linde") < ascending.index("Dorpshuis Test")
    descending = client.get("/plekken/?sort=-naam").content.decode()
    assert "Dorpshuis De Linde" not in descending  # last of 31: on page 2


@pytest.mark.parametrize("query", [
    "pagina=999999", "pagina=-1", "pagina=abc", "kind=onzin", "municipality=99999", "sort=;DROP TABLE",
    "q=%27%3B+DROP+TABLE+places_place%3B--", "q=<script>alert(1)</script>", "facility=x", "verified=ooit",
])
def test_garbage_query_strings_never_break_the_list(world, client_for, query):
    response = client_for(world.users["province_staff"]).get(f"/plekken/?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_list_filter_on_stale_verification(world, client_for):
    Place.objects.filter(pk=world.place.pk).update(last_verified_at=timezone.now())
    client = client_for(world.users["province_staff"])
    page = client.get("/plekken/?verified=verouderd").content.decode()
    assert "Dorpshuis De Linde" not in page and "Wijkcentrum Zwolle-Zuid" in page


def test_verification_page_sends_reminders_to_board(world, client_for):
    client = client_for(world.users["province_staff"])
    page = client.get("/plekken/actualiteit/").content.decode()
    assert "Dorpshuis De Linde" in page and "Buurthuis Apeldoorn" not in page
    response = client.post("/plekken/actualiteit/", {"places": [world.place.pk, world.zwolle_place.pk]})
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    to_linde = next(m for m in mail.outbox if "De Linde" in m.subject)
    assert to_linde.to == ["board.member@test.example"]
    assert f"/plekken/{world.place.code}/" in to_linde.body
    world.place.refresh_from_db()
    assert world.place.verification_reminder_sent_at is not None


def test_verification_page_refuses_places_outside_scope(world, client_for):
    client = client_for(world.users["province_staff"])
    response = client.post("/plekken/actualiteit/", {"places": [world.gelderland_place.pk]})
    assert response.status_code == 200
    assert len(mail.outbox) == 0


def test_reminder_command_is_idempotent(world):
    from django.core.management import call_command

    call_command("send_verification_reminders", verbosity=0)
    first = len(mail.outbox)
    assert first == 3  # every active place in the world is unverified
    call_command("send_verification_reminders", verbosity=0)
    assert len(mail.outbox) == first


def test_dashboard_shows_own_place_to_board(world, client_for):
    page = client_for(world.users["board_member"]).get("/overzicht/").content.decode()
    assert "Dorpshuis De Linde" in page and "Wijkcentrum Zwolle-Zuid" not in page


def test_documented_example_file_imports_cleanly(world):
    from pathlib import Path

    from ontmoet.accounts.scoping import get_scope
    from ontmoet.places.importing import import_places

    example = Path(__file__).resolve().parents[3] / "docs" / "examples" / "plekken-voorbeeld.csv"
    user = world.users["province_staff"]
    report = import_places(example.name, example.read_bytes(), get_scope(user), user)
    assert report.ok, report.row_problems + report.file_problems
    assert report.count("created") == 2
    place = Place.objects.get(code="VB-0001")
    assert place.opening_hours["ma"] == ["09:00-12:00", "13:30-17:00"]
    assert place.facilities.count() == 2


def test_history_page_looks_up_names_once_not_per_change(world, client_for):
    """Facility names in the history come from one query, however many changes there are."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.users["province_staff"])
    for facility in Facility.objects.all()[:6]:
        client.post(f"/plekken/{world.place.code}/bewerken/", _form_data(world.place, facilities=[facility.pk]))
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/plekken/{world.place.code}/geschiedenis/")
    assert page.status_code == 200
    assert "Sport" in page.content.decode()
    name_lookups = [q["sql"] for q in queries.captured_queries
                    if 'FROM "places_facility"' in q["sql"] and "_prefetch_related_val" not in q["sql"]]
    assert len(name_lookups) == 1, name_lookups


def test_dashboard_and_reminder_page_count_the_same_places(world, client_for):
    """Closed places need no reminder: the dashboard figure and the reminder list agree."""
    import re

    Place.objects.filter(pk=world.zwolle_place.pk).update(status="gesloten")
    client = client_for(world.users["province_staff"])
    dashboard = client.get("/overzicht/").content.decode()
    stale = re.search(r'<span class="ontmoet-figure">(\d+)</span>niet bevestigd', dashboard).group(1)
    reminders = client.get("/plekken/actualiteit/").content.decode()
    assert stale == "1"
    assert "1 actieve plek heeft" in reminders and "Wijkcentrum Zwolle-Zuid" not in reminders
