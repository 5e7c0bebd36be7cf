"""The result cards of the sociale kaart, kept per place (issue 16).

A place's card is the same in every search that finds it, apart from the distance. Its two parts
around the distance are rendered from directory/includes/result_card.html once per place, directory
stamp and language, and kept in the "template_fragments" cache; a page reads its twenty cards with one
`get_many` and reads the register only for the places whose cards are not kept. The distance is filled
in by directory/includes/result_cards.html for each search. A new stamp (every change to a place, a
vocabulary or a municipality, see directory/signals.py) makes every card again.
"""

import math
import uuid
from dataclasses import dataclass

from django.core.cache import caches
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from ontmoet.core.formatting import one_decimal

from . import selectors


@dataclass
class ResultCard:
    head: SafeString  # the heading and the start of the line the distance ends
    tail: SafeString  # activities and accessibility, after that line
    distance: str  # e.g. "2,3 km", or "" when the search has no origin


def distance_texts(distances2: list[float | None]) -> list[str]:
    """Each distance with one decimal in the language's notation (2,3 km), "" where there is none: the same
    formatter as the agenda's cards (core.formatting.one_decimal), with the unit read once for the page."""
    unit = gettext("%(km)s km")
    return ["" if distance2 is None else unit % {"km": one_decimal(math.sqrt(distance2))} for distance2 in distances2]


def result_cards(entries, stamp: str) -> list[ResultCard]:
    """The cards for a page of search entries, in their order; a place no longer public is left out."""
    entries = list(entries)
    # Without a stamp (a database nobody wrote to yet) nothing would tell when a card is out of date:
    # its cards are then made for this page only.
    stamp = stamp or uuid.uuid4().hex
    store = caches["template_fragments"]
    keys = {entry.place_id: f"directory:card:{stamp}:{get_language()}:{entry.place_id}" for entry in entries}
    kept = store.get_many(keys.values())
    missing = [entry for entry in entries if keys[entry.place_id] not in kept]
    if missing:
        template = get_template("directory/includes/result_card.html")
        made = {}
        for row in selectors.result_rows(missing):
            made[keys[row.pk]] = (template.render({"place": row, "part": "head"}),
                                  template.render({"place": row, "part": "tail"}))
        store.set_many(made, None)
        kept.update(made)
    shown = [entry for entry in entries if keys[entry.place_id] in kept]
    distances = distance_texts([getattr(entry, "distance2", None) for entry in shown])
    return [ResultCard(*kept[keys[entry.place_id]], distance) for entry, distance in zip(shown, distances, strict=True)]
