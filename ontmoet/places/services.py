"""Writes for places. Database writes run inside one transaction; mail goes out after them."""

from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone

from ontmoet.core.mail import send_templated_mail

from .models import Place
from .selectors import board_emails

# Sent inside verify_place's transaction (sender: Place; place, user): the modules that keep something of the
# place (its agenda) confirm it as well, since "the details are still right" covers what the board sees there.
place_verified = Signal()
# Sent inside a bulk write's transaction (sender: Place; place_ids, moved: the places whose coordinates changed)
# by bulk_write, which sends no post_save or m2m_changed: what those signals keep up to date is updated here.
places_written = Signal()


@transaction.atomic
def save_place(place: Place, m2m: dict, user, reason: str = "") -> Place:
    """Save a place and its lists as exactly one change in the history, attributed to `user`."""
    # Each m2m .set() would write its own history row; write the fields and lists first without
    # history, then save once so that one row holds the whole change.
    is_new = place.pk is None
    place.skip_history_when_saving = True
    try:
        if is_new:
            place.save()
        for field, values in m2m.items():
            getattr(place, field).set(values)
    finally:
        del place.skip_history_when_saving
    place._history_user = user
    if reason:
        place._change_reason = reason
    place.save()
    if is_new:  # the one history row of a new place records its creation
        place.history.filter(history_id=place.history.latest().history_id).update(history_type="+")
    return place


@transaction.atomic
def verify_place(place: Place, user) -> Place:
    """Record that someone responsible for the place confirmed its details are still right."""
    place.last_verified_at = timezone.now()
    place.last_verified_by = user
    place._history_user = user
    place._change_reason = "gegevens kloppen nog"
    place.save(update_fields=["last_verified_at", "last_verified_by", "updated_at"])
    place_verified.send(sender=Place, place=place, user=user)
    return place


def send_verification_reminder(place: Place) -> int:
    """Mail the place's board (or the place itself) to check its details. Returns messages sent."""
    recipients = board_emails(place) or [place.email]
    sent = send_templated_mail(
        "places/email/verification_reminder",
        {"place": place},
        to=recipients,
    )
    if sent:
        Place.objects.filter(pk=place.pk).update(verification_reminder_sent_at=timezone.now())
    return sent


def refresh_statistics() -> None:
    """Fresh query-planner statistics for the place tables, after a bulk change such as an import.

    PostgreSQL's autovacuum does this by itself; SQLite never does, and without statistics it picks
    plans that sort the whole register for every page of the officers' list. A few milliseconds per
    10,000 places.
    """
    tables = [Place._meta.db_table, *(getattr(Place, field).through._meta.db_table
                                      for field in ("facilities", "activities", "target_groups"))]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
