"""An activity's dates, from its rule, with dateutil's rrule (never by hand).

Pure functions on plain values, so that the form can check a rule before anything is saved and the service
can materialise the same dates afterwards.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday
from django.conf import settings

MAX_DATES = 500  # more is a mistake in the rule, not an agenda
MAX_SERIES_YEARS = 5  # a series with an end date may run this long; without one the horizon limits it


@dataclass(frozen=True)
class Rule:
    recurrence: str  # Recurrence value
    starts_on: date
    ends_on: date | None = None
    weekdays: tuple[int, ...] = ()
    month_week: int | None = None
    month_weekday: int | None = None
    skip_public_holidays: bool = False
    cancelled: frozenset = field(default_factory=frozenset)


@lru_cache(maxsize=64)
def _dutch_holidays(year: int) -> frozenset:
    return frozenset(holidays.country_holidays("NL", years=year))


def is_public_holiday(day: date) -> bool:
    return day in _dutch_holidays(day.year)


def holiday_name(day: date) -> str:
    return holidays.country_holidays("NL", years=day.year, language="nl").get(day, "")


def dates(rule: Rule, first: date, last: date) -> list[date]:
    """The rule's dates from `first` to `last` inclusive, without cancelled dates and (if ticked) holidays."""
    first = max(first, rule.starts_on)
    if rule.ends_on:
        last = min(last, rule.ends_on)
    if last < first:
        return []
    if rule.recurrence == "eenmalig":
        found = [rule.starts_on] if first <= rule.starts_on <= last else []
    else:
        start = datetime.combine(rule.starts_on, time())
        if rule.recurrence == "wekelijks":
            pattern = rrule(WEEKLY, dtstart=start, byweekday=sorted(rule.weekdays))
        else:
            pattern = rrule(MONTHLY, dtstart=start, byweekday=weekday(rule.month_weekday, rule.month_week))
        found = [moment.date() for moment in
                 pattern.between(datetime.combine(first, time()), datetime.combine(last, time()), inc=True)]
    return [day for day in found if day not in rule.cancelled
            and not (rule.skip_public_holidays and is_public_holiday(day))]


def series_end(rule: Rule) -> date:
    """The last date the rule is checked and counted up to: its end date, or a year when it runs on."""
    return rule.ends_on or rule.starts_on + timedelta(days=365)


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def moment(day: date, at: time) -> datetime | None:
    """The aware moment of a wall-clock time on a day, or None if that time does not exist that day (the hour
    skipped when summer time starts)."""
    zone = local_zone()
    local = datetime.combine(day, at, tzinfo=zone)
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return local


def missing_times(days: list[date], start: time, end: time) -> list[date]:
    """The days on which the start or end time falls in the hour that summer time skips."""
    return [day for day in days if moment(day, start) is None or moment(day, end) is None]
