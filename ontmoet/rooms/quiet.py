"""Quiet rooms: occupancy per room over a season, to point a board to the toolkit's revitalisation trees.

A season is a calendar quarter (January–March, April–June, July–September, October–December). A room is
quiet when each of the quarter's three months stayed below ROOMS_LOW_OCCUPANCY_PERCENT (the figures page
uses the same test on the last three months). Quarters, not a rolling window, so that a room that stays
quiet is pointed out once a quarter and not every month. Months without bookable hours count as not
low: a room that cannot be booked is not quiet, it is closed.
"""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from .figures import Month, bookable_hours
from .models import Booking, BookingState


def last_season(today: date) -> tuple[date, date]:
    """(first day, day after the last) of the last complete quarter before `today`."""
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    first = date(quarter_start.year - 1, 10, 1) if quarter_start.month == 1 else date(
        quarter_start.year, quarter_start.month - 3, 1)
    return first, quarter_start


def _months(first: date) -> list[date]:
    return [date(first.year, first.month + offset, 1) for offset in range(3)]


def season_figures(rooms, first: date, end: date) -> dict[int, list[Month]]:
    """{room pk: [Month × 3]}: the bookable and booked hours of each month, in one query for all the rooms."""
    tz = timezone.get_current_timezone()
    starts = _months(first)
    months = {room.pk: [Month(start) for start in starts] for room in rooms}
    for room in rooms:
        for index, month in enumerate(months[room.pk]):
            following = starts[index + 1] if index < 2 else end
            month.bookable = bookable_hours(room, month.month, date.fromordinal(following.toordinal() - 1))
    rows = Booking.objects.filter(
        room__in=[room.pk for room in rooms], state=BookingState.ACCEPTED,
        starts_at__gte=datetime.combine(first, datetime.min.time(), tzinfo=tz),
        starts_at__lt=datetime.combine(end, datetime.min.time(), tzinfo=tz)).values_list("room_id", "starts_at",
                                                                                         "ends_at")
    for room_id, starts_at, ends_at in rows:
        local = timezone.localtime(starts_at, tz)
        month = months[room_id][(local.year - first.year) * 12 + local.month - first.month]
        month.booked += Decimal((ends_at - starts_at).total_seconds()) / 3600
    return months


def season_occupancy(months: list[Month]) -> int:
    """The quarter's occupancy as a whole, in whole percents (booked over bookable hours)."""
    bookable = sum((month.bookable for month in months), Decimal("0"))
    booked = sum((month.booked for month in months), Decimal("0"))
    return int((booked / bookable * 100).quantize(Decimal("1"))) if bookable else 0


def quiet(months: list[Month]) -> bool:
    return all(month.low() for month in months)
