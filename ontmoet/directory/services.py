"""Writes of the directory: the search index and visitors' reports. Each runs in one transaction."""

import bisect
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation

from ontmoet.agenda.directory import activity_weekdays
from ontmoet.core.clientip import visitor_key
from ontmoet.core.mail import send_templated_mail
from ontmoet.core.pagecache import change_stamp
from ontmoet.places.models import Place

from . import search, text
from .models import OutdatedReport, SearchEntry, SearchTerm
from .selectors import public_places, report_recipients


def _document(place: Place, lists: dict) -> tuple[str, set[str]]:
    """The index document of a place (stems) and its vocabulary words (folded, for suggestions)."""
    with translation.override("nl"):
        kind = str(place.get_kind_display())
    named = [place.name, place.city, place.neighbourhood, place.municipality.name, kind, *lists["names"]]
    # The name counts twice, so that a match in the name outranks one in the description.
    body = " ".join([place.name, *named, place.postcode.replace(" ", ""), place.description])
    vocabulary = {word for word in text.words(" ".join(named)) if len(word) >= 4 and word not in text.STOPWORDS}
    return " ".join(text.index_terms(body)), vocabulary


def _list_names(places) -> dict[int, dict]:
    """Names of each place's facilities, activities and target groups, in three queries."""
    by_place = {place.pk: {"names": []} for place in places}
    for field in ("facilities", "activities", "target_groups"):
        through = getattr(Place, field).through
        related = getattr(Place, field).field.related_model._meta.model_name
        # The English names too: a visitor of the English interface searches for "billiards".
        for place_id, name, name_en in through.objects.filter(place_id__in=by_place).values_list(
                "place_id", f"{related}__name", f"{related}__name_en"):
            by_place[place_id]["names"] += [name, name_en] if name_en else [name]
    return by_place


# -- alphabetical positions ---------------------------------------------------------------------
# Each entry has a `position`: its rank in (sort_name, place_id) order, with room in between. A new
# entry takes the middle of the gap between its neighbours; when a gap is used up, every entry is
# numbered again (two UPDATEs; rare: it takes about 40 new places in one gap).
SPACING = 2**40
TOP = 2**62
MANY = 200  # from this many new entries on, read every key once instead of asking per entry
POSITION_LOCK = 7_317_001  # PostgreSQL advisory lock: one writer at a time decides positions


def _lock_positions() -> None:
    # SQLite's IMMEDIATE transactions already let one writer in at a time.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [POSITION_LOCK])


def _neighbour(key: tuple[str, int], before: bool) -> int | None:
    """The position of the entry just before (or after) `key` in alphabetical order."""
    name, place_id = key
    entries = SearchEntry.objects.values_list("position", flat=True)
    if before:
        same = entries.filter(sort_name=name, place_id__lt=place_id).order_by("-place_id").first()
        return same if same is not None else entries.filter(sort_name__lt=name).order_by(
            "-sort_name", "-place_id").first()
    same = entries.filter(sort_name=name, place_id__gt=place_id).order_by("place_id").first()
    return same if same is not None else entries.filter(sort_name__gt=name).order_by("sort_name", "place_id").first()


def _gaps(keys: list[tuple[str, int]]) -> dict[tuple, list]:
    """The new keys grouped by the gap (position before, position after) they fall into."""
    gaps = defaultdict(list)
    if len(keys) >= MANY:
        existing = list(SearchEntry.objects.order_by("sort_name", "place_id").values_list(
            "sort_name", "place_id", "position"))
        order = [(name, place_id) for name, place_id, _position in existing]
        for key in keys:
            at = bisect.bisect_left(order, key)
            gaps[(existing[at - 1][2] if at else None,
                  existing[at][2] if at < len(existing) else None)].append(key)
    else:
        for key in keys:
            gaps[(_neighbour(key, before=True), _neighbour(key, before=False))].append(key)
    return gaps


def renumber_positions() -> None:
    """Give every entry a fresh position, SPACING apart, in alphabetical order."""
    with connection.cursor() as cursor:
        # Negative first, so that no new number meets an old one (positions are unique).
        cursor.execute("UPDATE directory_searchentry SET position = -position")
        cursor.execute(
            "UPDATE directory_searchentry SET position = numbered.n * %s FROM (SELECT place_id, "
            "ROW_NUMBER() OVER (ORDER BY sort_name, place_id) AS n FROM directory_searchentry) AS numbered "
            "WHERE numbered.place_id = directory_searchentry.place_id", [SPACING])


def assign_positions(keys: list[tuple[str, int]]) -> dict[int, int]:
    """Positions for new entries with these (sort_name, place_id) keys, between the existing ones."""
    keys = sorted(keys)
    positions = {}
    for (low, high), group in _gaps(keys).items():
        low = 0 if low is None else low
        high = min(low + SPACING * (len(group) + 1), TOP) if high is None else high
        if high - low <= len(group):  # no room left in this gap
            renumber_positions()
            return assign_positions(keys)
        for number, (_name, place_id) in enumerate(group, start=1):
            positions[place_id] = low + (high - low) * number // (len(group) + 1)
    return positions


# -- the index --------------------------------------------------------------------------------
@transaction.atomic
def index_places(place_ids, positions: dict[int, int] | None = None) -> int:
    """(Re)index these places: public, active ones get a row, the others lose theirs.

    An entry keeps its position while its name sorts the same; `positions` (from rebuild_index)
    gives them all at once.
    """
    place_ids = list(place_ids)
    _lock_positions()
    change_stamp("directory")  # cached public pages made before this write are no longer used
    kept = {place_id: (name, position) for place_id, name, position in SearchEntry.objects.filter(
        place_id__in=place_ids).values_list("place_id", "sort_name", "position")}
    SearchEntry.objects.filter(place_id__in=place_ids).delete()
    places = list(public_places().filter(pk__in=place_ids).select_related("municipality"))
    names = _list_names(places)
    activity_days = activity_weekdays([place.pk for place in places])
    entries, words = [], set()
    for place in places:
        document, vocabulary = _document(place, names[place.pk])
        entries.append(SearchEntry(
            place=place, document=document, name_terms=f" {' '.join(text.index_terms(place.name))} "[:400],
            name=place.name, sort_name=text.sort_name(place.name), kind=place.kind,
            municipality_id=place.municipality_id, wheelchair_accessible=place.wheelchair_accessible,
            open_days=_open_days(place.opening_hours, activity_days.get(place.pk, ())),
            latitude=float(place.latitude) if place.latitude is not None else None,
            longitude=float(place.longitude) if place.longitude is not None else None))
        words |= vocabulary
    given = positions or {}
    for entry in entries:
        old = kept.get(entry.place_id)
        if entry.place_id in given:
            entry.position = given[entry.place_id]
        elif old is not None and old[0] == entry.sort_name:
            entry.position = old[1]
    # Entries with a position go in first, so that the gaps for the others are measured around them.
    SearchEntry.objects.bulk_create([entry for entry in entries if entry.position is not None], batch_size=500)
    unplaced = [entry for entry in entries if entry.position is None]
    new_positions = assign_positions([(entry.sort_name, entry.place_id) for entry in unplaced])
    for entry in unplaced:
        entry.position = new_positions[entry.place_id]
    SearchEntry.objects.bulk_create(unplaced, batch_size=500)
    SearchTerm.objects.bulk_create([SearchTerm(term=word[:100]) for word in words], ignore_conflicts=True,
                                   batch_size=500)
    search.forget_vocabulary()
    return len(entries)


DAY_CODES = ("ma", "di", "wo", "do", "vr", "za", "zo")  # Monday first, as the agenda's weekdays (0 = Monday)


def _open_days(opening_hours, activity_days) -> str:
    """The days the kaart's "open op dag" filter finds a place, space-padded (" ma wo za "): the days it has
    opening hours, and the days it has an activity in the agenda (the place opens its doors for it)."""
    hours = opening_hours if isinstance(opening_hours, dict) else {}
    return " " + " ".join(code for number, code in enumerate(DAY_CODES)
                          if hours.get(code) or number in activity_days) + " "


@transaction.atomic
def refresh_open_days(place_ids=None, batch_size: int = 2000) -> int:
    """Bring the entries' days in step with the agenda (its seam's signal); None: every entry. Returns how
    many entries changed; cached search pages are stale only when one did."""
    if place_ids is None:
        activity_days = activity_weekdays()
        rows = SearchEntry.objects.values_list("place_id", "open_days", "place__opening_hours")
    else:
        place_ids = list(place_ids)
        activity_days = activity_weekdays(place_ids)
        rows = SearchEntry.objects.filter(place_id__in=place_ids).values_list(
            "place_id", "open_days", "place__opening_hours")
    changed: dict[str, list[int]] = defaultdict(list)
    for place_id, days, opening_hours in rows.iterator(chunk_size=batch_size):
        wanted = _open_days(opening_hours, activity_days.get(place_id, ()))
        if wanted != days:
            changed[wanted].append(place_id)
    for days, ids in changed.items():
        for start in range(0, len(ids), batch_size):
            SearchEntry.objects.filter(place_id__in=ids[start:start + batch_size]).update(open_days=days)
    if changed:
        change_stamp("directory")
    return sum(len(ids) for ids in changed.values())


def rebuild_index(batch_size: int = 2000, progress=None) -> int:
    """Rebuild the whole index (after a bulk import or the demo); returns the number of rows."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
        change_stamp("directory")
    # Every position at once, SPACING apart: batch by batch they would fill each other's gaps.
    order = sorted((text.sort_name(name), place_id) for place_id, name in public_places().values_list("pk", "name"))
    positions = {place_id: number * SPACING for number, (_name, place_id) in enumerate(order, start=1)}
    ids = list(Place.objects.order_by("pk").values_list("pk", flat=True))
    total = 0
    for start in range(0, len(ids), batch_size):
        total += index_places(ids[start:start + batch_size], positions)
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    return total


# -- reports ("klopt er iets niet?") -------------------------------------------------------------
def too_many_reports(ip: str) -> bool:
    since = timezone.now() - timedelta(hours=1)
    recent = OutdatedReport.objects.filter(sender_hash=visitor_key(ip), created_at__gte=since).count()
    return recent >= settings.DIRECTORY_REPORTS_PER_HOUR


def submit_report(place: Place, message: str, email: str, ip: str) -> OutdatedReport:
    """Store the report and tell the place's board and the province's staff.

    The board's mail does not contain the reporter's address; the province's staff see it only when
    the reporter chose to leave one, so that they can ask a follow-up question.
    """
    with transaction.atomic():
        report = OutdatedReport.objects.create(place=place, message=message, reporter_email=email,
                                               sender_hash=visitor_key(ip))
    board, province = report_recipients(place)
    context = {"place": place, "report": report, "base_url": settings.ONTMOET_BASE_URL}
    if board:
        send_templated_mail("directory/email/report_board", context, to=board)
    if province:
        send_templated_mail("directory/email/report_province", {**context, "show_reporter": True}, to=province)
    return report
