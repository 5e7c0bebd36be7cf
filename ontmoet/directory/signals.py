"""Keep the search index in step with the register, whoever writes a place (web form, import, API).

Indexing runs inside the writer's transaction, so the index commits or rolls back with the place.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from ontmoet.agenda.directory import activity_days_changed
from ontmoet.core.pagecache import change_stamp
from ontmoet.places.models import Activity, Facility, Place, TargetGroup
from ontmoet.places.services import places_written
from ontmoet.regions.models import Municipality


def _index(place_ids) -> None:
    from .services import index_places

    index_places(place_ids)


@receiver(post_save, sender=Place, dispatch_uid="directory-index-place")
def place_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _index([instance.pk])


def _lists_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Place):
        _index([instance.pk])
    elif pk_set:  # a vocabulary item's places changed from the other side
        _index(pk_set)


@receiver(places_written, dispatch_uid="directory-index-places-written")
def places_written_in_bulk(sender, place_ids, **kwargs):
    # An import writes in bulk, without post_save: all its places are indexed at once.
    _index(place_ids)


for _field in ("facilities", "activities", "target_groups"):
    m2m_changed.connect(_lists_changed, sender=getattr(Place, _field).through,
                        dispatch_uid=f"directory-index-{_field}")


def _names_changed(sender, **kwargs):
    # The search form's options and the result cards show these names: cached pages are out of date.
    change_stamp("directory")


# A deleted place takes its entry with it (cascade), without indexing: pages listing it are out of date.
post_delete.connect(_names_changed, sender=Place, dispatch_uid="directory-stamp-place-deleted")
for _model in (Facility, Activity, TargetGroup, Municipality):
    post_save.connect(_names_changed, sender=_model, dispatch_uid=f"directory-stamp-save-{_model.__name__}")
    post_delete.connect(_names_changed, sender=_model, dispatch_uid=f"directory-stamp-delete-{_model.__name__}")


@receiver(activity_days_changed, dispatch_uid="directory-agenda-days")
def agenda_days_changed(sender, place_ids=None, **kwargs):
    # The "open op dag" filter also finds places with an activity that day (services._open_days).
    from .services import refresh_open_days

    refresh_open_days(None if place_ids is None else list(place_ids))
