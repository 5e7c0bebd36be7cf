"""Demo for the sociale kaart: the search index over all demo places, and a place that answers the
README's example search "dorpshuis met biljart in Raalte". Idempotent."""

from django.db import transaction

from ontmoet.places.models import Activity, Place

from .services import rebuild_index


@transaction.atomic
def _example_place() -> None:
    biljart = Activity.objects.filter(code="biljarten").first()
    place = Place.objects.filter(is_demo=True, kind="dorpshuis", municipality__code="GM0177").order_by("code").first()
    if biljart is None or place is None or place.activities.filter(pk=biljart.pk).exists():
        return
    # Demo places keep exactly one history row (their creation), as the places demo test expects.
    place.skip_history_when_saving = True
    try:
        place.activities.add(biljart)
    finally:
        del place.skip_history_when_saving


def load_demo() -> str:
    _example_place()
    count = rebuild_index()
    return f"zoekindex met {count} openbare plekken"
