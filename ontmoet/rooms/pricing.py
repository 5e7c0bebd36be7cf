"""Dates, times and prices of a request: the one calculation behind the preview, the stored price and the mail."""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from .models import DAGDEEL_HOURS, Rate, Unit

# A booking lies within one day's bookable window, so none is longer than this. The overlap query
# relies on it to bound its index range (services.overlapping).
MAX_BOOKING = timedelta(hours=24)
MAX_SERIES_DAYS = 366
TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Slot:
    day: date
    starts_at: datetime
    ends_at: datetime
    price: Decimal


def series_dates(first: date, last: date, series: bool) -> list[date]:
    """The first date, or every week on its weekday until `last` (inclusive)."""
    if not series:
        return [first]
    days = []
    day = first
    while day <= last:
        days.append(day)
        day += timedelta(days=7)
    return days


def aware(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at), timezone.get_default_timezone())


def hours_between(starts: time, ends: time) -> Decimal:
    minutes = (ends.hour * 60 + ends.minute) - (starts.hour * 60 + starts.minute)
    return Decimal(minutes) / Decimal(60)


def rates_for(room, tenant_kind) -> dict[str, Decimal]:
    return dict(Rate.objects.filter(room=room, tenant_kind=tenant_kind).values_list("unit", "amount"))


def price(rates: dict[str, Decimal], hours: Decimal) -> Decimal | None:
    """The lower of hours × the hourly rate and started dagdelen × the dagdeel rate; None without a rate."""
    options = []
    if Unit.HOUR in rates:
        options.append(rates[Unit.HOUR] * hours)
    if Unit.DAGDEEL in rates:
        options.append(rates[Unit.DAGDEEL] * math.ceil(hours / DAGDEEL_HOURS))
    return min(options).quantize(TWO_PLACES) if options else None


def slots(days: list[date], starts: time, ends: time, amount: Decimal) -> list[Slot]:
    return [Slot(day, aware(day, starts), aware(day, ends), amount) for day in days]
