"""Occupancy (booked hours ÷ bookable hours) and rental income per kind of tenant, per room per month.

No personal data: rooms, times, kinds of tenant and amounts only, so municipality and province read
these too. One query for the year's accepted bookings of the place, summed here (a place has at most a
few thousand a year).
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from .models import Booking, BookingState, TenantKind


@dataclass
class Month:
    month: date
    bookable: Decimal = Decimal("0")
    booked: Decimal = Decimal("0")
    income: dict = field(default_factory=dict)  # tenant kind id -> amount

    @property
    def occupancy(self) -> Decimal | None:
        return (self.booked / self.bookable * 100).quantize(Decimal("1")) if self.bookable else None

    @property
    def total(self) -> Decimal:
        return sum(self.income.values(), Decimal("0"))

    def low(self) -> bool:
        return self.occupancy is not None and self.occupancy < settings.ROOMS_LOW_OCCUPANCY_PERCENT


def _hours(opens: str, closes: str) -> Decimal:
    start, end = (datetime.strptime(value, "%H:%M") for value in (opens, closes))
    return Decimal((end - start).seconds) / 3600


def bookable_hours(room, first: date, last: date) -> Decimal:
    """The room's bookable hours from `first` to `last` inclusive, by its weekly windows."""
    total, day = Decimal("0"), first
    while day <= last:
        window = room.window(day.weekday())
        if window:
            total += _hours(*window)
        day += timedelta(days=1)
    return total


def year_figures(place, rooms, year: int) -> list[tuple]:
    """[(room, [Month × 12])] for the year."""
    tz = timezone.get_current_timezone()
    start = datetime(year, 1, 1, tzinfo=tz)
    rows = (Booking.objects.filter(room__place=place, state=BookingState.ACCEPTED, starts_at__gte=start,
                                   starts_at__lt=datetime(year + 1, 1, 1, tzinfo=tz))
            .values_list("room_id", "starts_at", "ends_at", "price", "request__tenant_kind_id"))
    months = {room.pk: [Month(date(year, m, 1)) for m in range(1, 13)] for room in rooms}
    for room in rooms:
        for month in months[room.pk]:
            last = date(year, month.month.month, calendar.monthrange(year, month.month.month)[1])
            month.bookable = bookable_hours(room, month.month, last)
    for room_id, starts_at, ends_at, price, kind_id in rows:
        month = months[room_id][timezone.localtime(starts_at, tz).month - 1]
        month.booked += Decimal((ends_at - starts_at).total_seconds()) / 3600
        month.income[kind_id] = month.income.get(kind_id, Decimal("0")) + price
    return [(room, months[room.pk]) for room in rooms]


def quiet_rooms(figures, today: date) -> list:
    """Rooms below the occupancy threshold in each of the last three complete months (a season)."""
    if today.month <= 3:
        return []
    quiet = []
    for room, months in figures:
        season = months[today.month - 4:today.month - 1]
        if season and all(month.low() for month in season):
            quiet.append(room)
    return quiet


def kinds() -> list[TenantKind]:
    return list(TenantKind.objects.all())


def table_rows(figures, tenant_kinds) -> list[list]:
    """Rows for the XLSX: room, month, booked hours, bookable hours, occupancy %, income per kind, total."""
    rows = []
    for room, months in figures:
        for month in months:
            rows.append([room.name, f"{month.month:%Y-%m}", float(round(month.booked, 1)),
                         float(round(month.bookable, 1)),
                         None if month.occupancy is None else int(month.occupancy),
                         *[float(month.income.get(kind.pk, 0)) for kind in tenant_kinds], float(month.total)])
    return rows
