"""Writing many places at once (the import): a few queries per batch, not a dozen per place.

`save_place` per row cost about twenty queries and, through the signals it sends (post_save twice and
m2m_changed for every list), re-indexed the directory up to eight times per place. Here the places are
inserted and updated in bulk, their lists replaced in bulk, and the history written as `save_place`
writes it (one row per place, "+" for a new one, with the lists as they are afterwards). What the
signals would have done is done once for all places: the content stamp (core.stamps) and
`places_written`, on which the directory indexes the places and the agenda moves the dates of places
whose coordinates changed.
"""

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from ontmoet.core import stamps

from .models import Place
from .services import places_written

LIST_FIELDS = ("facilities", "activities", "target_groups")
BATCH = 500
ID_CHUNK = 1000  # ids per `IN (...)`: well below SQLite's limit on query parameters


def _chunks(items: list, size: int = ID_CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


@transaction.atomic
def write_places(new: list, changed: list, lists: list, user, reason: str) -> None:
    """Insert `new` and update `changed` places (their fields already set), replace their lists.

    `lists`: [(place, {list field: [items]})], only the lists the file had. The history gets one row per
    place with `user` and `reason`, as `services.save_place` writes it.
    """
    now = timezone.now()
    moved = [place for place in changed if getattr(place, "_moved", False)]
    Place.objects.bulk_create(new, batch_size=BATCH)
    fields = sorted({field for place in changed for field in place._import_fields} | {"updated_at"})
    for place in changed:
        place.updated_at = now
    if changed:
        Place.objects.bulk_update(changed, fields, batch_size=BATCH)
    _replace_lists(lists)
    _history(new, "+", user, reason, now)
    _history(changed, "~", user, reason, now)
    ids = [place.pk for place in (*new, *changed)]
    if ids:
        stamps.written(Place)
        places_written.send(sender=Place, place_ids=ids, moved=moved)


def _replace_lists(lists: list) -> None:
    for field in LIST_FIELDS:
        through = getattr(Place, field).through
        target = Place._meta.get_field(field).m2m_reverse_field_name()
        wanted = {place.pk: {item.pk for item in chosen[field]} for place, chosen in lists if field in chosen}
        if not wanted:
            continue
        for chunk in _chunks(list(wanted)):
            through.objects.filter(place_id__in=chunk).delete()
        through.objects.bulk_create([through(place_id=place_id, **{f"{target}_id": item_id})
                                     for place_id, items in wanted.items() for item_id in sorted(items)],
                                    batch_size=BATCH)


def _history(places: list, kind: str, user, reason: str, now) -> None:
    """One history row per place, and its lists as they are now (what simple-history's save writes)."""
    if not places:
        return
    rows = Place.history.bulk_history_create(places, batch_size=BATCH, update=kind == "~", default_user=user,
                                             default_change_reason=reason, default_date=now)
    history_of = {row.id: row.history_id for row in rows}
    for field in LIST_FIELDS:
        through = getattr(Place, field).through
        target = Place._meta.get_field(field).m2m_reverse_field_name()
        model = apps.get_model("places", f"HistoricalPlace_{field}")
        links = []
        for chunk in _chunks(list(history_of)):
            links += through.objects.filter(place_id__in=chunk).values_list("id", "place_id", f"{target}_id")
        model.objects.bulk_create([model(history_id=history_of[place_id], id=link_id, place_id=place_id,
                                         **{f"{target}_id": item_id}) for link_id, place_id, item_id in links],
                                  batch_size=BATCH)
