"""A place that moves, or is made (non-)public or (in)active, takes its materialised dates along (their copied
coordinates and `listed` feed the public search);
a confirmed place confirms its activities; a renamed kind or target group makes the cached filter fields stale."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ontmoet.core.pagecache import change_stamp
from ontmoet.places.models import Activity as ActivityKind
from ontmoet.places.models import Place, TargetGroup
from ontmoet.places.services import place_verified, places_written

VOCABULARY_STAMP = "agenda-vocabulary"


@receiver(post_save, sender=Place, dispatch_uid="agenda_place_moved")
def place_saved(sender, instance, raw=False, **kwargs):
    # Every writer of a place saves it (places.services.save_place for the form, API, import and monitor).
    if not raw:
        from .services import sync_place

        sync_place(instance)


@receiver(places_written, dispatch_uid="agenda_places_moved_in_bulk")
def places_moved(sender, place_ids=(), moved=(), **kwargs):
    """An import's places (written in bulk, without post_save): made (non-)public or (in)active, or moved."""
    from .services import sync_places

    sync_places(place_ids, moved)


@receiver(place_verified, dispatch_uid="agenda_place_verified")
def place_confirmed(sender, place, user=None, **kwargs):
    """"Gegevens kloppen nog" on the place's page confirms its activities too (they are listed there)."""
    from .services import confirm_place

    confirm_place(place, user)


def _vocabulary_changed(sender, **kwargs):
    # The agenda's filter fields (kept in the fragment cache per stamp) show these names.
    change_stamp(VOCABULARY_STAMP)


for _model in (ActivityKind, TargetGroup):
    post_save.connect(_vocabulary_changed, sender=_model, dispatch_uid=f"agenda-stamp-save-{_model.__name__}")
    post_delete.connect(_vocabulary_changed, sender=_model, dispatch_uid=f"agenda-stamp-delete-{_model.__name__}")
