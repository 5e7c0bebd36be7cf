from datetime import date, timedelta

import pytest
from django.core import mail

from ontmoet.rooms.models import Booking, BookingRequest, BookingState, RequestStatus, Room

from .factories import make_request, make_room, next_weekday, request_data

pytestmark = pytest.mark.django_db

URL = "/kaart/plek/RAA-001/ruimtes/"


def test_rooms_and_rates_are_public_on_the_rooms_page_and_the_place_page(client, world):
    make_room(world.place)
    page = client.get(URL).content.decode()
    assert "Grote zaal" in page and "Bewonersinitiatief" in page and "Commercieel" in page
    assert "€ 10,00 per uur" in page and "€ 60,00 per uur" in page
    place_page = client.get("/kaart/plek/RAA-001/").content.decode()
    assert "Ruimtes huren" in place_page and "€ 25,00 per uur" in place_page
    assert "/privacy/" in page


def test_the_price_is_shown_before_sending_and_nothing_is_stored_then(client, world):
    room = make_room(world.place)
    first = next_weekday(1)
    data = request_data(room, first, series=True, last=first + timedelta(weeks=3), stap="prijs")
    response = client.post(URL, data)
    page = response.content.decode()
    assert response.status_code == 200
    # 3 hours × € 10 on each of four Tuesdays
    assert page.count("€ 30,00") == 4 and "€ 120,00" in page and "Aanvraag versturen" in page
    assert BookingRequest.objects.count() == 0 and mail.outbox == []


def test_a_weekly_series_is_stored_with_one_booking_per_date_and_mailed(client, world):
    room = make_room(world.place)
    first = next_weekday(1)
    response = client.post(URL, request_data(room, first, series=True, last=first + timedelta(weeks=9)))
    booking_request = BookingRequest.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/aanvraag/{booking_request.token}/")
    assert booking_request.status == RequestStatus.REQUESTED and booking_request.total == 300
    assert booking_request.bookings.count() == 10
    assert list(booking_request.history.values_list("to_status", flat=True)) == [RequestStatus.REQUESTED]
    to_requester = next(m for m in mail.outbox if m.to == ["jan@example.org"])
    assert booking_request.token in to_requester.body and "€ 300,00" in to_requester.body
    to_board = next(m for m in mail.outbox if "board.member@test.example" in m.to)
    assert "aanvragen" in to_board.body
    personal = client.get(response["Location"]).content.decode()
    assert "Aangevraagd" in personal and "€ 300,00" in personal


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"date": (date.today() - timedelta(days=7)).isoformat()}, "date", "in de toekomst"),
    ({"starts": "22:00", "ends": "19:00"}, "ends", "na de begintijd"),
    ({"starts": "25:00"}, "starts", "bestaande tijd"),
    ({"series": "on", "last_date": (next_weekday(1) + timedelta(days=400)).isoformat()}, "last_date",
     "hoogstens een jaar"),
    ({"series": "on", "last_date": (next_weekday(1) - timedelta(days=7)).isoformat()}, "last_date", "na de eerste"),
    ({"tenant_kind": "999999"}, "tenant_kind", "uit de lijst"),
    ({"starts": "06:00"}, "starts", "te boeken van 08:00 tot 23:00"),
    ({"people": "500"}, "people", "hoogstens 80"),
    ({"email": "geen-adres"}, "email", "geldig e-mailadres"),
])
def test_bad_input_is_refused_next_to_the_field_and_nothing_is_written(client, world, changes, field, message):
    room = make_room(world.place)
    response = client.post(URL, {**request_data(room), **changes})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert BookingRequest.objects.count() == 0 and Booking.objects.count() == 0 and mail.outbox == []


def test_a_day_the_room_cannot_be_booked_and_a_kind_without_rate_are_refused(client, world):
    room = make_room(world.place, hourly=("10.00",), hours={"1": ["09:00", "23:00"]})
    response = client.post(URL, request_data(room, next_weekday(2)))
    assert "niet te boeken" in " ".join(response.context["form"].errors["date"])
    from .factories import kind

    response = client.post(URL, request_data(room, tenant_kind=kind("commercieel").pk))
    assert "geen tarief" in " ".join(response.context["form"].errors["tenant_kind"])
    assert BookingRequest.objects.count() == 0


def test_a_request_overlapping_an_accepted_booking_is_refused_with_the_dates(client, world):
    from ontmoet.rooms import services

    room = make_room(world.place)
    first = next_weekday(1)
    taken = make_request(room, [first + timedelta(weeks=2)], email="ander@example.org")
    services.accept(taken, by=None)
    response = client.post(URL, request_data(room, first, series=True, last=first + timedelta(weeks=4),
                                             starts="20:00", ends="23:00"))
    assert response.status_code == 400
    error = " ".join(response.context["form"].errors["date"])
    assert "al bezet" in error and str((first + timedelta(weeks=2)).day) in error
    assert BookingRequest.objects.count() == 1


def test_a_series_hitting_a_taken_date_can_be_sent_without_it_after_seeing_the_new_price(client, world):
    from ontmoet.rooms import services

    room = make_room(world.place)
    first = next_weekday(1)
    taken_day = first + timedelta(weeks=2)
    services.accept(make_request(room, [taken_day], email="ander@example.org"), by=None)
    data = request_data(room, first, series=True, last=first + timedelta(weeks=4), stap="prijs")
    refused = client.post(URL, data)
    assert refused.status_code == 400
    assert "zonder de datums die al bezet zijn" in refused.content.decode()
    preview = client.post(URL, {**data, "skip_taken": "on"})
    page = preview.content.decode()
    # Four free Tuesdays of 3 hours × € 10; the taken one is named and left out of the price.
    assert preview.status_code == 200 and "€ 120,00" in page and "€ 150,00" not in page
    assert "Zonder de data die al bezet zijn" in page and "Aanvraag versturen" in page
    assert BookingRequest.objects.count() == 1
    sent = client.post(URL, {**data, "skip_taken": "on", "stap": "versturen"})
    assert sent.status_code == 302
    made = BookingRequest.objects.exclude(email="ander@example.org").get()
    assert made.total == 120 and made.bookings.count() == 4
    assert taken_day not in [b.starts_at.date() for b in made.bookings.all()]


def test_a_request_whose_every_date_is_taken_is_not_offered_to_be_sent_without_them(client, world):
    from ontmoet.rooms import services

    room = make_room(world.place)
    first = next_weekday(1)
    services.accept(make_request(room, [first], email="ander@example.org"), by=None)
    response = client.post(URL, request_data(room, first, skip_taken="on"))
    assert response.status_code == 400 and "zonder de datums" not in response.content.decode()
    assert BookingRequest.objects.count() == 1


def test_spam_is_dropped_silently_and_a_double_post_creates_one_request(client, world):
    room = make_room(world.place)
    assert client.post(URL, {**request_data(room), "website": "http://spam"}).status_code == 302
    assert client.post(URL, request_data(room, age=0)).status_code == 302  # sent faster than a person can
    assert BookingRequest.objects.count() == 0
    data = request_data(room)
    data["verzendsleutel"] = client.get(URL).context["form"]["verzendsleutel"].initial
    assert client.post(URL, data).status_code == 302
    assert client.post(URL, data).status_code == 302
    assert BookingRequest.objects.count() == 1


@pytest.mark.shared_cache
def test_requests_are_rate_limited_per_visitor(client, world, settings):
    settings.ROOMS_REQUESTS_PER_HOUR = 2
    room = make_room(world.place)
    for weeks in (1, 2):
        assert client.post(URL, request_data(room, next_weekday(1, weeks))).status_code == 302
    assert client.post(URL, request_data(room, next_weekday(1, 3))).status_code == 429
    assert client.post(URL, request_data(room, next_weekday(1, 3)), REMOTE_ADDR="10.0.0.9").status_code == 302
    assert BookingRequest.objects.count() == 3


def test_the_requester_cancels_through_the_personal_link_with_a_reason(client, world):
    room = make_room(world.place)
    booking_request = make_request(room)
    url = f"{URL}aanvraag/{booking_request.token}/"
    assert client.post(url, {"reason": ""}).status_code == 400
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.REQUESTED
    assert client.post(url, {"reason": "Koor gaat niet door"}).status_code == 302
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.CANCELLED
    assert set(booking_request.bookings.values_list("state", flat=True)) == {BookingState.CANCELLED}
    assert any("Koor gaat niet door" in m.body and "board.member@test.example" in m.to for m in mail.outbox)
    assert client.get(f"{URL}aanvraag/verkeerd/").status_code == 404


def test_mail_is_plain_text_with_names_as_typed(client, world):
    room = make_room(world.place)
    assert client.post(URL, request_data(room, name="Jan & Piet <Koor>")).status_code == 302
    to_requester = next(m for m in mail.outbox if m.to == ["jan@example.org"])
    assert "Beste Jan & Piet <Koor>," in to_requester.body


def test_the_personal_page_calls_it_a_request_until_the_board_accepts(client, world):
    from ontmoet.rooms import services

    booking_request = make_request(make_room(world.place))
    url = f"/kaart/plek/RAA-001/ruimtes/aanvraag/{booking_request.token}/"
    page = client.get(url).content.decode()
    assert "Uw aanvraag voor Grote zaal" in page and "nog niet voor u gereserveerd" in page
    services.accept(booking_request, by=None)
    page = client.get(url).content.decode()
    assert "Uw boeking van Grote zaal" in page and "nog niet voor u gereserveerd" not in page


def test_the_public_rooms_page_sits_under_the_sociale_kaart(client, world):
    make_room(world.place)
    for url in ("/kaart/plek/RAA-001/ruimtes/",
                f"/kaart/plek/RAA-001/ruimtes/aanvraag/{make_request(Room.objects.get()).token}/"):
        context = client.get(url).context
        assert [item["label"] for item in context["main_menu"] if item["current"]] == ["Sociale kaart"]
