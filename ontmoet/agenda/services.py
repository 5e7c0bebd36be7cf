"""Every write to the agenda, each in one transaction; the materialised dates are rebuilt in the same one."""

import hashlib
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from ontmoet.core.mail import send_templated_mail
from ontmoet.core.stamps import written
from ontmoet.places import choices
from ontmoet.places.models import Place
from ontmoet.places.selectors import board_emails

from . import grid, recurrence, selectors
from .directory import activity_days_changed
from .models import Activity, ActivityDate, CancelledDate


def rule_of(activity: Activity, cancelled=None) -> recurrence.Rule:
    if cancelled is None:
        cancelled = activity.cancelled_dates.values_list("date", flat=True) if activity.pk else ()
    return recurrence.Rule(
        recurrence=activity.recurrence, starts_on=activity.starts_on, ends_on=activity.ends_on,
        weekdays=tuple(activity.weekdays or ()), month_week=activity.month_week,
        month_weekday=activity.month_weekday, skip_public_holidays=activity.skip_public_holidays,
        cancelled=frozenset(cancelled))


def horizon(today: date | None = None) -> date:
    return (today or timezone.localdate()) + timedelta(days=settings.AGENDA_HORIZON_DAYS)


def _listed(place) -> bool:
    """What the date rows copy as `listed`: the public may see the place."""
    return bool(place.is_public) and place.status == choices.Status.ACTIVE


def _rows(activity: Activity, days: list[date]) -> list[ActivityDate]:
    place = activity.place
    latitude = float(place.latitude) if place.latitude is not None else None
    longitude = float(place.longitude) if place.longitude is not None else None
    cell = grid.cell(latitude, longitude)
    copies = {"listed": _listed(place), "confirmed_at": activity.last_confirmed_at}
    rows = []
    for day in days:
        starts_at = recurrence.moment(day, activity.start_time)
        ends_at = recurrence.moment(day, activity.end_time)
        if starts_at is None or ends_at is None:  # the form refuses these; an old rule may still meet one
            continue
        rows.append(ActivityDate(activity=activity, place_id=activity.place_id, date=day, starts_at=starts_at,
                                 ends_at=ends_at, latitude=latitude, longitude=longitude, cell=cell, **copies))
    return rows


class _ChangedDays:
    """The places whose activity days one transaction changed, sent once when it commits (an import of a
    thousand rows refreshes each place's days once, not per row; a rolled-back one refreshes nothing)."""

    def __init__(self):
        self.place_ids: set | None = set()  # None: any place's days

    def add(self, place_ids) -> None:
        if place_ids is None:
            self.place_ids = None
        elif self.place_ids is not None:
            self.place_ids.update(place_ids)

    def send(self) -> None:
        activity_days_changed.send(sender=Activity, place_ids=None if self.place_ids is None
                                   else sorted(self.place_ids))


def on_commit(callback) -> None:
    """transaction.on_commit; tests replace it (conftest) because their transaction never commits. Robust: the
    agenda is written whatever the kaart's refresh does, and the nightly extend() refreshes every place."""
    transaction.on_commit(callback, robust=True)


def _days_changed(place_ids=None) -> None:
    """The weekdays with activities may have changed: the kaart's day filter reads them (seam directory.py).

    Sent once per transaction, after it commits: the places are added to the callback already waiting for
    this commit. A savepoint rolled back drops the callbacks registered inside it, so the waiting one is
    looked up among the connection's callbacks rather than remembered."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for _savepoints, callback, *_robust in connection.run_on_commit:
            changed = getattr(callback, "changed_days", None)
            if changed is not None:
                changed.add(place_ids)
                return
    changed = _ChangedDays()
    changed.add(place_ids)

    def send_changed_days():
        changed.send()

    send_changed_days.changed_days = changed
    on_commit(send_changed_days)  # outside a transaction: at once


def materialise(activity: Activity, today: date | None = None) -> int:
    """Replace the activity's dates from today up to the horizon (past dates are history, not agenda)."""
    today = today or timezone.localdate()
    until = horizon(today)
    ActivityDate.objects.filter(activity=activity).delete()
    rows = _rows(activity, recurrence.dates(rule_of(activity), today, until))
    ActivityDate.objects.bulk_create(rows)
    Activity.objects.filter(pk=activity.pk).update(materialised_until=until)
    activity.materialised_until = until
    return len(rows)


@transaction.atomic
def save_activity(activity: Activity, target_groups, user=None) -> Activity:
    """Create or update an activity; saving it is also confirming that it is still right."""
    activity.last_confirmed_at = timezone.now()
    activity.save()
    activity.target_groups.set(target_groups)
    materialise(activity)
    _days_changed([activity.place_id])
    return activity


@transaction.atomic
def delete_activity(activity: Activity) -> None:
    activity.delete()  # its dates and cancellations go with it (CASCADE)
    _days_changed([activity.place_id])


@transaction.atomic
def cancel_date(activity: Activity, day: date) -> bool:
    """Cancel one date; False when the activity has no such date."""
    if not activity.dates.filter(date=day).exists():
        return False
    CancelledDate.objects.get_or_create(activity=activity, date=day)
    ActivityDate.objects.filter(activity=activity, date=day).delete()
    _days_changed([activity.place_id])
    return True


@transaction.atomic
def restore_date(activity: Activity, day: date) -> None:
    CancelledDate.objects.filter(activity=activity, date=day).delete()
    materialise(activity)
    _days_changed([activity.place_id])


@transaction.atomic
def confirm_place(place, user=None) -> int:
    """"Klopt nog": every activity of the place is confirmed as it is."""
    now = timezone.now()
    count = Activity.objects.filter(place=place).update(last_confirmed_at=now)
    ActivityDate.objects.filter(place=place).update(confirmed_at=now)  # the search reads the copy
    written(Activity)  # one hidden for want of confirmation is public again
    _days_changed([place.pk])  # an activity hidden for want of confirmation is back
    return count


@transaction.atomic
def end_activity(activity: Activity, today: date | None = None) -> bool:
    """It no longer runs: the last date becomes yesterday, so its history stays and nothing is on from today.
    One that has not begun yet never ran, so it is removed. Returns True when it was removed."""
    today = today or timezone.localdate()
    if activity.starts_on >= today:
        place_id = activity.place_id
        activity.delete()
        _days_changed([place_id])
        return True
    activity.ends_on = min(activity.ends_on or today, today - timedelta(days=1))
    activity.save(update_fields=["ends_on", "updated_at"])
    materialise(activity, today)
    return False


def _reminder_key(place, activities) -> str:
    """The same activities at the same confirmation are mailed about once, however often the night runs."""
    listed = ",".join(f"{activity.pk}:{activity.last_confirmed_at.timestamp():.0f}" for activity in activities)
    return f"agenda-confirm-{place.pk}-{hashlib.sha256(listed.encode()).hexdigest()[:32]}"


def remind_confirmations() -> int:
    """The nightly mail to boards whose activities will be hidden within AGENDA_CONFIRM_WARN_DAYS: one per place,
    listing them; marked in the same transaction, so each confirmation period gets one mail. Returns mails queued."""
    now = timezone.now()
    per_place: dict = {}
    for activity in selectors.confirm_reminders_due().select_related("place").order_by("place_id", "title", "pk"):
        per_place.setdefault(activity.place, []).append(activity)
    sent = 0
    for place, activities in per_place.items():
        with transaction.atomic():
            Activity.objects.filter(pk__in=[activity.pk for activity in activities]).update(
                confirm_reminder_sent_at=now)
            hidden_on = min(activity.last_confirmed_at for activity in activities) + (now - selectors.confirm_cutoff())
            sent += send_templated_mail(
                "agenda/email/confirm_reminder", {"place": place, "activities": activities, "hidden_on": hidden_on},
                to=board_emails(place) or [place.email],
                key=_reminder_key(place, activities))
    return sent


def extend(today: date | None = None, batch: int = 500) -> tuple[int, int]:
    """The nightly job (`extend_agenda`): drop past dates and add the days that have come within the horizon.

    Only the new days are computed per activity, so a night costs one day of dates, not a rebuild.
    Returns (dates removed, dates added).
    """
    today = today or timezone.localdate()
    until = horizon(today)
    removed = ActivityDate.objects.filter(date__lt=today).delete()[0]
    added = 0
    pending = (Activity.objects.filter(materialised_until__lt=until)
               .exclude(ends_on__lt=today).select_related("place").order_by("pk"))
    last_pk = 0
    while True:
        chunk = list(pending.filter(pk__gt=last_pk)[:batch])
        if not chunk:
            break
        cancelled: dict[int, list] = {}
        for activity_id, day in CancelledDate.objects.filter(activity__in=chunk).values_list("activity_id", "date"):
            cancelled.setdefault(activity_id, []).append(day)
        with transaction.atomic():
            rows = []
            for activity in chunk:
                first = max(today, (activity.materialised_until or today - timedelta(days=1)) + timedelta(days=1))
                rule = rule_of(activity, cancelled.get(activity.pk, ()))
                rows += _rows(activity, recurrence.dates(rule, first, until))
            ActivityDate.objects.bulk_create(rows, ignore_conflicts=True)
            Activity.objects.filter(pk__in=[activity.pk for activity in chunk]).update(materialised_until=until)
        added += len(rows)
        last_pk = chunk[-1].pk
    resync_copies()
    # Days went by: dates left the five weeks the kaart looks at, activities ended or went unconfirmed.
    with transaction.atomic():
        _days_changed()
    return removed, added


def sync_place(place) -> int:
    """A place's coordinates (and grid cell) and whether it is listed, copied into its dates (signals.py):
    one UPDATE of the rows that differ, whoever saved the place (form, API, import, monitor)."""
    latitude = float(place.latitude) if place.latitude is not None else None
    longitude = float(place.longitude) if place.longitude is not None else None
    listed = _listed(place)
    return ActivityDate.objects.filter(place=place).exclude(
        latitude=latitude, longitude=longitude, listed=listed).update(
        latitude=latitude, longitude=longitude, cell=grid.cell(latitude, longitude), listed=listed)


def sync_places(place_ids, moved=()) -> int:
    """`sync_place` for places written in bulk (a places import, signals.py): their `listed` in two UPDATEs
    whatever their number, coordinates per moved place."""
    changed = _sync_listed(ActivityDate.objects.filter(place_id__in=place_ids))
    return changed + sum(sync_place(place) for place in moved)


def _sync_listed(dates) -> int:
    """Set `listed` right on these dates from their places (one UPDATE each way)."""
    public = Place.objects.filter(pk=OuterRef("place_id"), is_public=True, status=choices.Status.ACTIVE)
    changed = dates.filter(listed=True).exclude(Exists(public)).update(listed=False)
    return changed + dates.filter(listed=False).filter(Exists(public)).update(listed=True)


@transaction.atomic
def resync_copies() -> int:
    """The safety net behind the copy-keeping (nightly, in extend()): dates whose `listed` or `confirmed_at`
    disagree with their place or activity are set right, one UPDATE per kind. Returns the rows changed."""
    changed = _sync_listed(ActivityDate.objects.all())
    confirmed = Activity.objects.filter(pk=OuterRef("activity_id")).values("last_confirmed_at")[:1]
    changed += ActivityDate.objects.exclude(confirmed_at=Subquery(confirmed)).update(confirmed_at=Subquery(confirmed))
    if changed:
        written(Activity)  # the kept open-data files and pages follow
    return changed
