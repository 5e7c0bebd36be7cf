"""Writes of the directory: the search index and visitors' reports. Each runs in one transaction."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from ontmoet.core.mail import send_templated_mail
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
        for place_id, name in through.objects.filter(place_id__in=by_place).values_list(
                "place_id", f"{related}__name"):
            by_place[place_id]["names"].append(name)
    return by_place


@transaction.atomic
def index_places(place_ids) -> int:
    """(Re)index these places: public, active ones get a row, the others lose theirs."""
    place_ids = list(place_ids)
    SearchEntry.objects.filter(place_id__in=place_ids).delete()
    places = list(public_places().filter(pk__in=place_ids).select_related("municipality"))
    names = _list_names(places)
    entries, words = [], set()
    for place in places:
        document, vocabulary = _document(place, names[place.pk])
        hours = place.opening_hours if isinstance(place.opening_hours, dict) else {}
        entries.append(SearchEntry(
            place=place, document=document, name_terms=f" {' '.join(text.index_terms(place.name))} "[:400],
            name=place.name, kind=place.kind, municipality_id=place.municipality_id,
            wheelchair_accessible=place.wheelchair_accessible,
            open_days=" " + " ".join(day for day in ("ma", "di", "wo", "do", "vr", "za", "zo") if hours.get(day)) + " ",
            latitude=float(place.latitude) if place.latitude is not None else None,
            longitude=float(place.longitude) if place.longitude is not None else None))
        words |= vocabulary
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    SearchTerm.objects.bulk_create([SearchTerm(term=word[:100]) for word in words], ignore_conflicts=True,
                                   batch_size=500)
    search.forget_vocabulary()
    return len(entries)


def rebuild_index(batch_size: int = 2000, progress=None) -> int:
    """Rebuild the whole index (after a bulk import or the demo); returns the number of rows."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
    ids = list(Place.objects.order_by("pk").values_list("pk", flat=True))
    total = 0
    for start in range(0, len(ids), batch_size):
        total += index_places(ids[start:start + batch_size])
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    return total


# -- reports ("klopt er iets niet?") -------------------------------------------------------------
def sender_hash(ip: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), (ip or "-").encode(), hashlib.sha256).hexdigest()


def too_many_reports(ip: str) -> bool:
    since = timezone.now() - timedelta(hours=1)
    recent = OutdatedReport.objects.filter(sender_hash=sender_hash(ip), created_at__gte=since).count()
    return recent >= settings.DIRECTORY_REPORTS_PER_HOUR


def submit_report(place: Place, message: str, email: str, ip: str) -> OutdatedReport:
    """Store the report and tell the place's board and the province's staff.

    The board's mail does not contain the reporter's address; the province's staff see it only when
    the reporter chose to leave one, so that they can ask a follow-up question.
    """
    with transaction.atomic():
        report = OutdatedReport.objects.create(place=place, message=message, reporter_email=email,
                                               sender_hash=sender_hash(ip))
    board, province = report_recipients(place)
    context = {"place": place, "report": report, "base_url": settings.ONTMOET_BASE_URL}
    if board:
        send_templated_mail("directory/email/report_board", context, to=board)
    if province:
        send_templated_mail("directory/email/report_province", {**context, "show_reporter": True}, to=province)
    return report
