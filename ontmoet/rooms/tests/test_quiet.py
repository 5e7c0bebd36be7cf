"""Quiet rooms: a room below the threshold in each month of the last quarter is pointed out to its board once
(work queue and mail), with the toolkit's revitalisation trees; the board marks it read."""

from datetime import date, time
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from ontmoet.accounts.scoping import get_scope
from ontmoet.rooms import dashboard, quiet, services
from ontmoet.rooms.models import Booking, BookingRequest, BookingState, QuietRoomNotice, RequestStatus
from ontmoet.rooms.pricing import aware

from .factories import kind, make_room

pytestmark = pytest.mark.django_db

TUESDAY_EVENINGS = {"1": ["18:00", "23:00"]}  # five bookable hours a week


def _accepted(room, day, starts=time(18), ends=time(23)):
    request = BookingRequest.objects.create(room=room, status=RequestStatus.ACCEPTED, tenant_kind=kind(), people=10,
                                            first_date=day, last_date=day, starts=starts, ends=ends)
    Booking.objects.create(request=request, room=room, starts_at=aware(day, starts), ends_at=aware(day, ends),
                           state=BookingState.ACCEPTED, price=Decimal("50"))


@pytest.mark.parametrize(("today", "season"), [
    (date(2026, 7, 1), (date(2026, 4, 1), date(2026, 7, 1))),
    (date(2026, 9, 30), (date(2026, 4, 1), date(2026, 7, 1))),
    (date(2026, 2, 14), (date(2025, 10, 1), date(2026, 1, 1))),
    (date(2026, 12, 5), (date(2026, 7, 1), date(2026, 10, 1))),
])
def test_the_season_is_the_last_complete_quarter(today, season):
    assert quiet.last_season(today) == season


def test_a_quiet_room_is_noticed_once_per_quarter_with_a_mail_and_a_work_item(world, client_for, settings, rf):
    settings.ROOMS_LOW_OCCUPANCY_PERCENT = 20
    still = make_room(world.place, name="Stille zaal", hours=TUESDAY_EVENINGS)
    _accepted(still, date(2026, 4, 7), time(18), time(19))  # 1 of 20 hours in April: 5 %
    busy = make_room(world.place, name="Drukke zaal", hours=TUESDAY_EVENINGS)
    for day in (date(2026, 4, 7), date(2026, 5, 5), date(2026, 6, 2)):  # 25 %, 25 %, 20 %: never below 20 %
        _accepted(busy, day)
    half = make_room(world.place, name="Half stil", hours=TUESDAY_EVENINGS)
    _accepted(half, date(2026, 5, 5))  # quiet in April and June, not in May
    make_room(world.place, name="Nooit te boeken", hours={})
    make_room(world.zwolle_place, name="Zwolse zaal", hours=TUESDAY_EVENINGS)
    mail.outbox.clear()
    assert services.notice_quiet_rooms(date(2026, 7, 3)) == 2  # Stille zaal and the Zwolle room
    notice = QuietRoomNotice.objects.get(room=still)
    assert (notice.season_start, notice.occupancy) == (date(2026, 4, 1), 2)  # 1 of 65 hours in the quarter
    board_mail = next(message for message in mail.outbox if message.to == ["board.member@test.example"])
    assert "Stille zaal: 2 %" in board_mail.body and "Drukke zaal" not in board_mail.body
    assert reverse("toolkit:trees") in board_mail.body and "Half stil" not in board_mail.body
    mail.outbox.clear()
    assert services.notice_quiet_rooms(date(2026, 7, 20)) == 0 and not mail.outbox  # once per quarter

    # The work queue points to the figures page, where the board reads it and marks it read.
    settings.ROOMS_LOW_OCCUPANCY_PERCENT = 20
    QuietRoomNotice.objects.update(season_start=quiet.last_season(date.today())[0])
    user = world.users["board_member"]
    request = rf.get("/")
    request.user = user
    [item] = [item for item in dashboard.work_items(request, get_scope(user)) if "stil" in item.label]
    assert item.count == 1
    client = client_for(user)
    page = client.get(item.url).content.decode()
    assert "Melding over Stille zaal gelezen" in page and reverse("toolkit:trees") in page
    assert "Zwolse zaal" not in page
    seen_url = reverse("rooms_board:quiet_notice_seen", args=[world.place.code, notice.pk])
    assert client_for(world.users["municipal_officer"]).post(seen_url).status_code == 403
    assert client_for(user).post(seen_url).status_code == 302  # one test client: log the board in again
    assert not [item for item in dashboard.work_items(request, get_scope(user)) if "stil" in item.label]


def test_the_command_runs_daily_without_harm(world):
    make_room(world.place, hours=TUESDAY_EVENINGS)
    call_command("notice_quiet_rooms", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("notice_quiet_rooms", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert QuietRoomNotice.objects.count() == 1
