"""Rooms, rates and booking requests over the management API: the room form's checks, the services'
accept (no double booking, 'all but these dates'), decline and cancel with a reason, requesters' details
for the board alone, 404 out of scope."""

from datetime import time as clock
from decimal import Decimal

import pytest
from django.core import mail
from rest_framework.authtoken.models import Token

from ontmoet.rooms.models import BookingState, Rate, RequestStatus, Room

from .factories import make_request, make_room, next_weekday

URL = "/api/v1/beheer/plekken/RAA-001/"


def api(user):
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


def hall(**overrides):
    return {"name": "Grote zaal", "capacity": 80, "facilities": ["beamer", "keuken"],
            "hours": {"di": ["09:00", "23:00"], "za": ["10:00", "17:00"]},
            "rates": [{"tenant_kind": "bewonersinitiatief", "unit": "uur", "amount": "5.00"},
                      {"tenant_kind": "maatschappelijk", "unit": "uur", "amount": "15.00"},
                      {"tenant_kind": "commercieel", "unit": "dagdeel", "amount": "120.00"}], **overrides}


def test_board_describes_a_room_with_three_rates_and_changes_it(client, world):
    board = api(world.users["board_member"])
    response = client.post(f"{URL}ruimtes/", hall(), content_type="application/json", **board)
    assert response.status_code == 201, response.json()
    body = response.json()
    room = Room.objects.get(pk=body["id"])
    assert room.hours == {"1": ["09:00", "23:00"], "5": ["10:00", "17:00"]}
    assert body["hours"] == {"di": ["09:00", "23:00"], "za": ["10:00", "17:00"]}
    assert {(r["tenant_kind"], r["unit"], r["amount"]) for r in body["rates"]} == {
        ("bewonersinitiatief", "uur", "5.00"), ("maatschappelijk", "uur", "15.00"),
        ("commercieel", "dagdeel", "120.00")}
    # A PATCH without rates or hours keeps them.
    response = client.patch(f"{URL}ruimtes/{room.pk}/", {"capacity": 60}, content_type="application/json", **board)
    assert response.status_code == 200 and response.json()["capacity"] == 60
    assert Rate.objects.filter(room=room).count() == 3 and Room.objects.get(pk=room.pk).hours == room.hours
    response = client.patch(f"{URL}ruimtes/{room.pk}/", {"rates": [{"tenant_kind": "commercieel", "unit": "uur",
                                                                    "amount": "40"}]},
                            content_type="application/json", **board)
    assert [(r.tenant_kind.code, r.amount) for r in Rate.objects.filter(room=room)] == [("commercieel",
                                                                                         Decimal("40.00"))]


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"rates": [{"tenant_kind": "bewonersinitiatief", "unit": "uur", "amount": "-1"}]}, "rates", "niet negatief"),
    ({"rates": [{"tenant_kind": "koning", "unit": "uur", "amount": "1"}]}, "rates", "Onbekende soort huurder"),
    ({"capacity": 0}, "capacity", "minstens 1"),
    ({"name": ""}, "name", "naam"),
    ({"hours": {"di": ["22:00", "09:00"]}}, "hours", "na de begintijd"),
    ({"hours": {"xx": ["09:00", "10:00"]}}, "hours", "Onbekende dag"),
    ({"facilities": ["zwembad"]}, "facilities", ""),
])
def test_bad_rooms_are_refused_with_the_forms_message(client, world, change, field, words):
    response = client.post(f"{URL}ruimtes/", hall(**change), content_type="application/json",
                           **api(world.users["board_member"]))
    assert response.status_code == 400 and words in str(response.json()["fouten"][field])
    assert not Room.objects.exists()


def test_accept_all_but_the_conflicting_date_then_cancel(client, world):
    room = make_room(world.place)
    tuesdays = [next_weekday(1, weeks) for weeks in (1, 2, 3)]
    taken = make_request(room, days=[tuesdays[1]], starts=clock(20), ends=clock(21), email="eerst@example.org")
    series = make_request(room, days=tuesdays)  # both wait; accepting the first makes one date of the series clash
    board = api(world.users["board_member"])
    assert client.post(f"{URL}boekingsaanvragen/{taken.pk}/accepteren/", {}, content_type="application/json",
                       **board).status_code == 200
    body = client.get(f"{URL}boekingsaanvragen/{series.pk}/", **board).json()
    clashing = [b["id"] for b in body["bookings"] if b["conflicts"]]
    assert len(clashing) == 1 and body["email"] == "jan@example.org"
    # Everything at once clashes: refused, the dates named, nothing accepted.
    response = client.post(f"{URL}boekingsaanvragen/{series.pk}/accepteren/", {}, content_type="application/json",
                           **board)
    assert response.status_code == 400 and tuesdays[1].isoformat() in response.json()["fouten"]["except_bookings"][0]
    assert not series.bookings.filter(state=BookingState.ACCEPTED).exists()
    mail.outbox.clear()
    response = client.post(f"{URL}boekingsaanvragen/{series.pk}/accepteren/", {"except_bookings": clashing},
                           content_type="application/json", **board)
    assert response.status_code == 200 and response.json()["status"] == RequestStatus.PARTLY
    assert series.bookings.filter(state=BookingState.ACCEPTED).count() == 2 and mail.outbox
    assert client.post(f"{URL}boekingsaanvragen/{series.pk}/annuleren/", {"reason": " "},
                       content_type="application/json", **board).status_code == 400
    response = client.post(f"{URL}boekingsaanvragen/{series.pk}/annuleren/", {"reason": "Lekkage"},
                           content_type="application/json", **board)
    assert response.json()["status"] == RequestStatus.CANCELLED
    assert [change.reason for change in series.history.order_by("pk")][-1] == "Lekkage"


def test_decline_needs_a_reason_and_goes_through_the_workflow(client, world):
    booking_request = make_request(make_room(world.place))
    board = api(world.users["board_member"])
    url = f"{URL}boekingsaanvragen/{booking_request.pk}/afwijzen/"
    response = client.post(url, {}, content_type="application/json", **board)
    assert response.status_code == 400 and "reden" in response.json()["fouten"]["reason"][0]
    assert client.post(url, {"reason": "Vol"}, content_type="application/json", **board).json()["status"] == \
        RequestStatus.DECLINED
    # Declined is final: accepting now is the workflow's refusal.
    response = client.post(f"{URL}boekingsaanvragen/{booking_request.pk}/accepteren/", {},
                           content_type="application/json", **board)
    assert response.status_code == 400


def test_officers_read_rooms_and_requests_without_who_asked(client, world):
    room = make_room(world.place)
    booking_request = make_request(room)
    for role in ("municipal_officer", "province_staff"):
        officer = api(world.users[role])
        assert client.get(f"{URL}ruimtes/", **officer).json()["results"][0]["id"] == room.pk
        body = client.get(f"{URL}boekingsaanvragen/", **officer).json()
        row = body["results"][0]
        assert row["id"] == booking_request.pk and row["tenant_kind"] == "bewonersinitiatief" and row["total"]
        assert all(row[field] is None for field in ("name", "email", "phone", "organisation", "purpose"))
        assert "jan@example.org" not in str(body) and "Jan Jansen" not in str(body)
        assert client.post(f"{URL}boekingsaanvragen/{booking_request.pk}/accepteren/", {},
                           content_type="application/json", **officer).status_code == 403
        assert client.post(f"{URL}ruimtes/", hall(), content_type="application/json", **officer).status_code == 403
    assert client.get(f"{URL}boekingsaanvragen/?status=onzin", **api(world.users["board_member"])).status_code == 400


@pytest.mark.parametrize("role", ["other_board_member", "other_municipal_officer", "other_province_staff",
                                  "expert", "initiator"])
def test_out_of_scope_is_a_404_everywhere(client, world, role):
    room = make_room(world.place)
    booking_request = make_request(room)
    auth = api(world.users[role])
    for method, url in [("get", "ruimtes/"), ("post", "ruimtes/"), ("get", f"ruimtes/{room.pk}/"),
                        ("patch", f"ruimtes/{room.pk}/"), ("get", "boekingsaanvragen/"),
                        ("get", f"boekingsaanvragen/{booking_request.pk}/"),
                        ("post", f"boekingsaanvragen/{booking_request.pk}/accepteren/"),
                        ("post", f"boekingsaanvragen/{booking_request.pk}/afwijzen/"),
                        ("post", f"boekingsaanvragen/{booking_request.pk}/annuleren/")]:
        response = getattr(client, method)(URL + url, {"reason": "x"}, content_type="application/json", **auth)
        assert response.status_code == 404, (method, url)
    assert client.get(f"{URL}ruimtes/").status_code == 401
    booking_request.refresh_from_db()
    assert booking_request.status == RequestStatus.REQUESTED
