"""What the sociale kaart reads of the agenda: on which weekdays a place has an activity (a seam).

Domain apps import each other only through seam modules like this one (docs/adr/0015-boundaries.md). The
kaart's "open op dag" filter also finds places with an activity that day; the directory keeps those days
in its search index, and refreshes them when this module's signal says they may have changed.
"""

from datetime import timedelta

from django.db.models.functions import ExtractIsoWeekDay
from django.dispatch import Signal
from django.utils import timezone

from .selectors import public_dates

# Five weeks: a monthly activity ("the first Tuesday") has a date in any five weeks in a row.
WINDOW_DAYS = 35

# Sent once after the writing transaction commits (services._days_changed) with `place_ids` (an iterable),
# or None when any place's days may have changed (the nightly job: dates went by, activities ended or were
# hidden for want of confirmation).
activity_days_changed = Signal()


def activity_weekdays(place_ids=None) -> dict[int, set[int]]:
    """Place id -> the weekdays (0 = Monday) on which it has a public activity in the coming five weeks."""
    today = timezone.localdate()
    dates = public_dates().filter(date__range=(today, today + timedelta(days=WINDOW_DAYS - 1)))
    if place_ids is not None:
        dates = dates.filter(place_id__in=list(place_ids))
    days: dict[int, set[int]] = {}
    pairs = (dates.annotate(weekday=ExtractIsoWeekDay("date")).order_by()
             .values_list("place_id", "weekday").distinct())
    for place_id, weekday in pairs:
        days.setdefault(place_id, set()).add(weekday - 1)
    return days


__all__ = ["WINDOW_DAYS", "activity_days_changed", "activity_weekdays"]
