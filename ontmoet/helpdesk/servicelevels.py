"""Service-level arithmetic: working days (Monday–Friday without Dutch public holidays) or calendar days.

The clock stops while a question waits on the place: the days it waited (counted in the same kind
of days) are added to both due dates when the question moves on.
"""

from datetime import date, timedelta
from functools import cache

import holidays
from django.utils import timezone

from .models import DayKind, ServiceLevel


@cache
def _dutch_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.NL(years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _dutch_holidays(day.year)


def add_days(start: date, days: int, kind: str) -> date:
    """The date `days` days of `kind` after `start` (a working-day count skips weekends and holidays)."""
    if kind == DayKind.CALENDAR:
        return start + timedelta(days=days)
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def days_between(start: date, end: date, kind: str) -> int:
    """How many days of `kind` lie after `start` up to and including `end` (0 if end <= start)."""
    if end <= start:
        return 0
    if kind == DayKind.CALENDAR:
        return (end - start).days
    return sum(1 for offset in range(1, (end - start).days + 1) if is_working_day(start + timedelta(days=offset)))


def level_for(category, province_id):
    """The terms for a category in one province: its own ServiceLevel, else the category's default."""
    own = ServiceLevel.objects.filter(category=category, province_id=province_id).first() if province_id else None
    return own or category


def question_level(question):
    """The terms that hold for a question: those of the province its place lies in."""
    return level_for(question.category, question.place.municipality.province_id)


def due_dates(question) -> tuple[date, date]:
    """First-response and resolution due dates of a question, including the days it waited."""
    level = question_level(question)
    start = timezone.localdate(question.created_at)
    extra = question.paused_days
    return (add_days(start, level.first_response_days + extra, level.day_kind),
            add_days(start, level.resolution_days + extra, level.day_kind))
