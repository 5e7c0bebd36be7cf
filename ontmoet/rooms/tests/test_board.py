from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.core import mail

from ontmoet.rooms import services
from ontmoet.rooms.dashboard import work_items
from ontmoet.rooms.models import Booking, BookingState, Rate, RequestStatus, Room, TenantKind, Unit

from .factories import kind, make_request, make_room, next_weekday

pytestmark = pytest.mark.django_db


def _room_data(**changes):
    data = {"name": "Kleine zaal", "capacity": "20", "size_m2": "40", "facilities": ["keuken", "beamer"],
            "accessibility": "Drempelvrij", "description": "", "open_1": "09:00", "close_1": "23:00"}
    return {**data, **changes}


def test_the_board_adds_a_room_with_hours_and_three_rates(client_for, world):
    client = client_for(world.users["board_member"])
    rates = {f"rate_{kind(code).pk}_{Unit.HOUR}": amount
             for code, amount in [("bewonersinitiatief", "7,50"), ("maatschappelijk", "15"), ("commercieel", "40")]}
    rates[f"rate_{kind('commercieel').pk}_{Unit.DAGDEEL}"] = "120"
    response = client.post("/plekken/RAA-001/ruimtes/nieuw/", _room_data(**rates))
    assert response.status_code == 302
    room = Room.objects.get()
    assert room.place == world.place and room.hours == {"1": ["09:00", "23:00"]}
    assert room.facilities == ["keuken", "beamer"]
    assert sorted(Rate.objects.values_list("amount", flat=True)) == [Decimal("7.50"), 15, 40, 120]
    # Emptying a rate removes it.
    rates[f"rate_{kind('commercieel').pk}_{Unit.DAGDEEL}"] = ""
    assert client.post(f"/plekken/RAA-001/ruimtes/{room.pk}/bewerken/", _room_data(**rates)).status_code == 302
    assert Rate.objects.count() == 3


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"rate_KIND_uur": "-5"}, "rate_KIND_uur", "niet negatief"),
    ({"open_2": "18:00", "close_2": "09:00"}, "close_2", "na de begintijd"),
    ({"open_2": "18:00"}, "close_2", "beide tijden"),
    ({"open_2": "24:30", "close_2": "25:00"}, "open_2", "bestaande tijd"),
    ({"capacity": "0"}, "capacity", "minstens 1"),
    ({"name": ""}, "name", "naam"),
])
def test_bad_room_input_is_refused_next_to_the_field_and_nothing_is_written(client_for, world, changes, field,
                                                                             message):
    pk = str(kind().pk)
    changes = {key.replace("KIND", pk): value for key, value in changes.items()}
    field = field.replace("KIND", pk)
    response = client_for(world.users["board_member"]).post("/plekken/RAA-001/ruimtes/nieuw/", _room_data(**changes))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert Room.objects.count() == 0 and Rate.objects.count() == 0


def test_a_negative_rate_is_refused_by_the_database_too(world):
    from django.db import IntegrityError, transaction

    room = make_room(world.place, hourly=())
    with pytest.raises(IntegrityError), transaction.atomic():
        Rate.objects.create(room=room, tenant_kind=kind(), unit=Unit.HOUR, amount=Decimal("-1"))


def test_the_work_queue_counts_the_requests_on_the_list_it_links_to(client_for, world, rf):
    from ontmoet.accounts.scoping import get_scope

    room = make_room(world.place)
    for weeks in (1, 2, 3):
        make_request(room, [next_weekday(1, weeks)])
    services.decline(make_request(room, [next_weekday(2)]), by=None, reason="Vol")
    make_request(make_room(world.zwolle_place), [next_weekday(1)])
    user = world.users["board_member"]
    request = rf.get("/")
    request.user = user
    [item] = work_items(request, get_scope(user))
    assert item.count == 3 and item.label == "3 boekingsaanvragen"
    page = client_for(user).get(item.url)
    assert len(page.context["rows"]) == 3


def test_the_board_accepts_a_series_except_the_conflicting_date(client_for, world):
    room = make_room(world.place)
    days = [next_weekday(1, weeks) for weeks in range(1, 6)]
    series = make_request(room, days)
    other = make_request(room, [days[2]], email="ander@example.org", starts=time(20))
    services.accept(other, by=None)
    client = client_for(world.users["board_member"])
    url = f"/plekken/RAA-001/ruimtes/aanvragen/{series.pk}/"
    page = client.get(url)
    clash = next(b for b in series.bookings.all() if b.starts_at.date() == days[2])
    assert page.context["clashing"] == {clash.pk}
    assert "overlapt een geaccepteerde boeking" in page.content.decode()
    # Accepting everything is refused with the date named; nothing changes.
    refused = client.post(url, {"action": "accepteren"})
    assert refused.status_code == 400 and "overlappen" in " ".join(refused.context["decision"].errors["skip"])
    series.refresh_from_db()
    assert series.status == RequestStatus.REQUESTED
    mail.outbox.clear()
    assert client.post(url, {"action": "accepteren", "skip": [str(clash.pk)]}).status_code == 302
    series.refresh_from_db()
    assert series.status == RequestStatus.PARTLY and series.total == 120
    states = dict(series.bookings.values_list("pk", "state"))
    assert states.pop(clash.pk) == BookingState.DECLINED and set(states.values()) == {BookingState.ACCEPTED}
    [message] = mail.outbox
    assert message.to == ["jan@example.org"] and message.attachments[0][0] == "boeking.ics"
    assert message.attachments[0][1].count("BEGIN:VEVENT") == 4
    assert series.history.last().by == world.users["board_member"]


def test_declining_needs_a_reason_which_the_requester_receives(client_for, world):
    booking_request = make_request(make_room(world.place))
    client = client_for(world.users["board_member"])
    url = f"/plekken/RAA-001/ruimtes/aanvragen/{booking_request.pk}/"
    assert client.post(url, {"action": "afwijzen", "reason": " "}).status_code == 400
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.REQUESTED
    mail.outbox.clear()
    assert client.post(url, {"action": "afwijzen", "reason": "Die avond is er een dorpsfeest"}).status_code == 302
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.DECLINED
    assert "Die avond is er een dorpsfeest" in mail.outbox[0].body
    assert booking_request.history.last().reason == "Die avond is er een dorpsfeest"


def test_the_board_cancels_an_accepted_booking_with_a_reason_mailed_to_the_requester(client_for, world):
    booking_request = services.accept(make_request(make_room(world.place)), by=None)
    client = client_for(world.users["board_member"])
    url = f"/plekken/RAA-001/ruimtes/aanvragen/{booking_request.pk}/"
    mail.outbox.clear()
    assert client.post(url, {"annuleren": "1", "reason": ""}).status_code == 400
    assert client.post(url, {"annuleren": "1", "reason": "Lekkage in de zaal"}).status_code == 302
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.CANCELLED and booking_request.total == 0
    assert Booking.objects.get().state == BookingState.CANCELLED
    assert mail.outbox[0].to == ["jan@example.org"] and "Lekkage in de zaal" in mail.outbox[0].body


def test_officers_read_without_personal_data_and_cannot_decide(client_for, world):
    booking_request = make_request(make_room(world.place))
    url = f"/plekken/RAA-001/ruimtes/aanvragen/{booking_request.pk}/"
    for role in ("municipal_officer", "province_staff"):
        client = client_for(world.users[role])
        page = client.get(url).content.decode()
        assert "Bewonersinitiatief" in page and "€ 30,00" in page
        assert "Jan Jansen" not in page and "jan@example.org" not in page and "Koor De Lijster" not in page
        listing = client.get("/plekken/boekingsaanvragen/").content.decode()
        assert "Grote zaal" in listing and "Koor De Lijster" not in listing
        assert client.post(url, {"action": "accepteren"}).status_code == 403
    board = client_for(world.users["board_member"]).get(url).content.decode()
    assert "Jan Jansen" in board and "jan@example.org" in board
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.REQUESTED


def test_a_cancelled_series_keeps_its_past_dates(world):
    from django.utils import timezone

    booking_request = services.accept(make_request(make_room(world.place), [next_weekday(1), next_weekday(1, 2)]),
                                      by=None)
    first = booking_request.bookings.first()
    Booking.objects.filter(pk=first.pk).update(starts_at=timezone.now() - timedelta(days=1, hours=3),
                                               ends_at=timezone.now() - timedelta(days=1))
    services.cancel(booking_request, actor="board", reason="Seizoen gestopt")
    assert dict(booking_request.bookings.values_list("pk", "state"))[first.pk] == BookingState.ACCEPTED


def test_the_board_declines_a_waiting_request_rather_than_cancelling_it(client_for, world):
    booking_request = make_request(make_room(world.place))
    client = client_for(world.users["board_member"])
    url = f"/plekken/RAA-001/ruimtes/aanvragen/{booking_request.pk}/"
    assert "Boeking annuleren" not in client.get(url).content.decode()
    response = client.post(url, {"annuleren": "1", "reason": "Toch niet"})
    assert response.status_code == 400 and response.context["cancel"].non_field_errors()
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.REQUESTED


def test_a_date_that_passed_while_waiting_is_declined_not_accepted(world):
    from django.utils import timezone

    booking_request = make_request(make_room(world.place), [next_weekday(1), next_weekday(1, 2)])
    first = booking_request.bookings.first()
    Booking.objects.filter(pk=first.pk).update(starts_at=timezone.now() - timedelta(hours=3),
                                               ends_at=timezone.now() - timedelta(hours=1))
    services.accept(booking_request, by=None)
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.PARTLY and booking_request.total == 30
    assert dict(booking_request.bookings.values_list("pk", "state"))[first.pk] == BookingState.DECLINED


def test_the_overview_and_the_register_page_lead_to_the_requests_and_rooms(client_for, world):
    make_request(make_room(world.place))
    client = client_for(world.users["board_member"])
    overview = client.get("/overzicht/").content.decode()
    assert "1 boekingsaanvraag" in overview and "/plekken/boekingsaanvragen/?status=aangevraagd" in overview
    register = client.get("/plekken/RAA-001/").content.decode()
    assert "Ruimtes, tarieven en aanvragen" in register and "/plekken/RAA-001/ruimtes/" in register
    # The menu's item sits in the Plekken area's second level, next to the map.
    context = client.get("/plekken/boekingsaanvragen/").context
    assert [item["label"] for item in context["main_menu"] if item["current"]] == ["Sociale kaart"]
    labels = [item["label"] for item in context["sub_menu"]["items"]]
    assert labels[0] == "Sociale kaart" and "Boekingsaanvragen" in labels


@pytest.mark.storage
def test_a_room_photo_is_checked_by_content_and_shown_publicly(client_for, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import PNG

    client = client_for(world.users["board_member"])
    fake = SimpleUploadedFile("zaal.png", b"%PDF-1.4 not a picture", content_type="image/png")
    response = client.post("/plekken/RAA-001/ruimtes/nieuw/", {**_room_data(), "photo": fake})
    assert response.status_code == 400 and "geen PNG" in " ".join(response.context["form"].errors["photo"])
    assert Room.objects.count() == 0
    photo = SimpleUploadedFile("zaal.png", PNG, content_type="image/png")
    assert client.post("/plekken/RAA-001/ruimtes/nieuw/", {**_room_data(), "photo": photo}).status_code == 302
    room = Room.objects.get()
    assert room.photo_kind == "png"
    page = client_for(None).get("/kaart/plek/RAA-001/ruimtes/").content.decode()
    assert f"/kaart/plek/RAA-001/ruimtes/{room.pk}/foto/" in page
    served = client_for(None).get(f"/kaart/plek/RAA-001/ruimtes/{room.pk}/foto/")
    assert served["Content-Type"] == "image/png" and b"".join(served.streaming_content) == PNG


def test_the_register_page_invites_a_place_without_rooms_to_describe_them(world, client_for):
    page = client_for(world.users["board_member"]).get("/plekken/RAA-001/").content.decode()
    assert "Nog geen ruimtes beschreven." in page and "0 ruimtes" not in page
    make_room(world.place)
    page = client_for(world.users["board_member"]).get("/plekken/RAA-001/").content.decode()
    assert "1 ruimte te huur." in page


def test_a_date_left_out_of_a_series_shows_no_price(world, client_for):
    room = make_room(world.place)
    days = [next_weekday(1, weeks) for weeks in range(1, 4)]
    series = make_request(room, days)
    services.accept(make_request(room, [days[1]], email="ander@example.org", starts=time(20)), by=None)
    clash = next(b for b in series.bookings.all() if b.starts_at.date() == days[1])
    client = client_for(world.users["board_member"])
    client.post(f"/plekken/RAA-001/ruimtes/aanvragen/{series.pk}/", {"action": "accepteren", "skip": [str(clash.pk)]})
    page = client.get(f"/plekken/RAA-001/ruimtes/aanvragen/{series.pk}/").content.decode()
    # Two accepted evenings of € 30,00; the declined one costs nothing, so the column adds up to the total.
    assert page.count("€ 30,00") == 2 and "€ 60,00" in page
    assert "Afgewezen</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">–</td>" in page


def test_the_opening_hours_and_rates_look_like_every_other_field(world):
    from ontmoet.rooms.forms import RoomForm

    form = RoomForm(instance=Room(place=world.place))
    added = [name for name in form.fields if name.startswith(("open_", "close_", "rate_"))]
    assert len(added) == 14 + 2 * TenantKind.objects.count()
    assert all("utrecht-textbox" in form.fields[name].widget.attrs["class"] for name in added)


def test_waiting_requests_that_overlap_each_other_are_marked_in_the_list_and_on_the_page(client_for, world,
                                                                                       django_assert_num_queries):
    room = make_room(world.place)
    days = [next_weekday(1, weeks) for weeks in range(1, 5)]
    series = make_request(room, days)
    evening = make_request(room, [days[2]], starts=time(21), ends=time(23), email="ander@example.org")
    morning = make_request(room, [days[2]], starts=time(9), ends=time(12), email="derde@example.org")
    other_room = make_request(make_room(world.place, name="Kleine zaal"), [days[2]], email="vier@example.org")
    elsewhere_accepted = services.accept(make_request(room, [days[3]], starts=time(9), ends=time(10),
                                                      email="vijf@example.org"), by=None)
    from ontmoet.rooms import selectors

    with django_assert_num_queries(1):
        found = selectors.open_overlaps([series.pk, evening.pk, morning.pk, other_room.pk, elsewhere_accepted.pk])
    # The evening overlaps the series' third Tuesday; the morning, another room and an accepted one do not.
    assert found == {series.pk: [evening.pk], evening.pk: [series.pk]}
    client = client_for(world.users["board_member"])
    for url in ("/plekken/boekingsaanvragen/", "/plekken/RAA-001/ruimtes/"):
        listing = client.get(url).content.decode()
        assert f"overlapt met aanvraag {evening.pk}" in listing and f"overlapt met aanvraag {series.pk}" in listing
        assert f"overlapt met aanvraag {morning.pk}" not in listing
    page = client.get(f"/plekken/RAA-001/ruimtes/aanvragen/{series.pk}/").content.decode()
    assert f"overlapt met aanvraag {evening.pk}" in page and f"/ruimtes/aanvragen/{evening.pk}/" in page
    # Once the series is accepted, the evening conflicts with an accepted booking instead: no longer "open".
    services.accept(series, by=None)
    assert selectors.open_overlaps([evening.pk]) == {}


def test_the_accept_button_shows_what_remains_after_the_ticked_dates(client_for, world):
    room = make_room(world.place)
    days = [next_weekday(1, weeks) for weeks in range(1, 6)]
    series = make_request(room, days)
    services.accept(make_request(room, [days[2]], email="ander@example.org", starts=time(20)), by=None)
    client = client_for(world.users["board_member"])
    url = f"/plekken/RAA-001/ruimtes/aanvragen/{series.pk}/"
    page = client.get(url)
    # Five evenings of € 30,00; the conflicting one is ticked beforehand, so the button says four.
    assert page.context["accept_total"] == 120
    assert "Accepteren (behalve de aangevinkte data): 4 data, € 120,00" in page.content.decode()
    assert "rooms/accept_total.js" in page.content.decode()
    skip = [str(b.pk) for b in series.bookings.all() if b.starts_at.date() in (days[2], days[4])]
    refused = client.post(url, {"action": "afwijzen", "skip": skip})  # no reason: the form comes back
    assert refused.status_code == 400
    assert "Accepteren (behalve de aangevinkte data): 3 data, € 90,00" in refused.content.decode()


def test_a_rate_change_keeps_the_quoted_price_and_shows_the_board_both(client_for, world):
    room = make_room(world.place)  # bewonersinitiatief € 10 an hour
    waiting = make_request(room, days=[next_weekday(1), next_weekday(1, 2)])  # 19:00–22:00: 2 × € 30
    url = f"/plekken/{world.place.code}/ruimtes/aanvragen/{waiting.pk}/"
    client = client_for(world.users["board_member"])
    assert "gewijzigd na de aanvraag" not in client.get(url).content.decode()
    Rate.objects.filter(room=room, tenant_kind=kind(), unit=Unit.HOUR).update(amount=Decimal("12.00"))
    page = client.get(url).content.decode()
    assert "De aanvrager zag € 60,00" in page and "€ 72,00" in page
    client.post(url, {"action": "accepteren"})
    waiting.refresh_from_db()
    assert waiting.status == RequestStatus.ACCEPTED and waiting.total == Decimal("60.00")  # the quoted price
    assert "gewijzigd na de aanvraag" not in client.get(url).content.decode()  # decided: no longer a question
