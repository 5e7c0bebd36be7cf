import io
from datetime import date, time
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ontmoet.rooms import figures
from ontmoet.rooms.models import Booking, BookingRequest, BookingState, RequestStatus
from ontmoet.rooms.pricing import aware

from .factories import kind, make_room

pytestmark = pytest.mark.django_db

TUESDAY_EVENINGS = {"1": ["18:00", "23:00"]}  # five bookable hours a week


def _accepted(room, day, starts, ends, tenant, price):
    request = BookingRequest.objects.create(room=room, status=RequestStatus.ACCEPTED, tenant_kind=kind(tenant),
                                            people=10, first_date=day, last_date=day, starts=starts, ends=ends)
    Booking.objects.create(request=request, room=room, starts_at=aware(day, starts), ends_at=aware(day, ends),
                           state=BookingState.ACCEPTED, price=Decimal(price))


def test_occupancy_is_booked_over_bookable_hours_and_income_is_per_kind_of_tenant(client_for, world):
    room = make_room(world.place, hours=TUESDAY_EVENINGS)
    # March 2026 has five Tuesdays: 25 bookable hours. Booked: 2.5 + 5 = 7.5 hours, 30 %.
    _accepted(room, date(2026, 3, 3), time(19, 30), time(22), "bewonersinitiatief", "25")
    _accepted(room, date(2026, 3, 10), time(18), time(23), "commercieel", "300")
    declined = BookingRequest.objects.create(room=room, status=RequestStatus.DECLINED, tenant_kind=kind(), people=1,
                                             first_date=date(2026, 3, 17), last_date=date(2026, 3, 17),
                                             starts=time(18), ends=time(23))
    Booking.objects.create(request=declined, room=room, starts_at=aware(date(2026, 3, 17), time(18)),
                           ends_at=aware(date(2026, 3, 17), time(23)), state=BookingState.DECLINED, price=50)
    [(_room, months)] = figures.year_figures(world.place, [room], 2026)
    march = months[2]
    assert march.bookable == 25 and march.booked == Decimal("7.5") and march.occupancy == 30
    assert march.income == {kind().pk: 25, kind("commercieel").pk: 300} and march.total == 325
    assert months[3].booked == 0 and months[3].occupancy == 0

    client = client_for(world.users["municipal_officer"])
    page = client.get("/plekken/RAA-001/ruimtes/bezetting/?jaar=2026").content.decode()
    assert "30 %" in page and "€ 325,00" in page
    workbook = load_workbook(io.BytesIO(
        client.get("/plekken/RAA-001/ruimtes/bezetting.xlsx?jaar=2026").content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[3][:5] == ("Grote zaal", "2026-03", 7.5, 25.0, 30) and rows[3][-1] == 325


def test_a_room_quiet_for_a_season_is_pointed_out_with_the_toolkit(client_for, world, settings):
    settings.ROOMS_LOW_OCCUPANCY_PERCENT = 20
    room = make_room(world.place, hours=TUESDAY_EVENINGS)
    found = figures.year_figures(world.place, [room], 2026)
    assert figures.quiet_rooms(found, date(2026, 7, 1)) == [room]
    busy = make_room(world.place, name="Drukke zaal", hours=TUESDAY_EVENINGS)
    for day in (date(2026, 4, 7), date(2026, 5, 5), date(2026, 6, 2)):  # 25 %, 25 % and 20 % of the hours
        _accepted(busy, day, time(18), time(23), "commercieel", "100")
    found = figures.year_figures(world.place, [room, busy], 2026)
    assert figures.quiet_rooms(found, date(2026, 7, 1)) == [room]
    assert figures.quiet_rooms(found, date(2026, 2, 1)) == []  # no complete season yet this year
