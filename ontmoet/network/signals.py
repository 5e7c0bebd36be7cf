"""The start page shows the coming activities and is kept in the page cache: any change to an event makes
the kept pages out of date (core.pagecache), whoever writes it (service, admin, demo loader)."""

from django.db.models.signals import post_delete, post_save

from ontmoet.core.pagecache import change_stamp

from .models import Event

EVENTS_STAMP = "events"


def _events_changed(sender, raw=False, **kwargs):
    if not raw:
        change_stamp(EVENTS_STAMP)


post_save.connect(_events_changed, sender=Event, dispatch_uid="network-stamp-event-saved")
post_delete.connect(_events_changed, sender=Event, dispatch_uid="network-stamp-event-deleted")
