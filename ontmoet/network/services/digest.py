"""The calm digest: one e-mail per user per period with what is relevant to them, sent at most once.

Idempotency: a `DigestSend(user, period)` row is committed *before* the mail goes out (the database's
unique constraint refuses a second one) and marked "sent" afterwards. A run that crashes and is started
again skips every user that already has a row, so nobody gets the same period twice. The price of "never
twice" is that a crash exactly between claim and send can leave one mail unsent; such rows stay in state
"claimed" and are counted on the progress page.

Nothing to say means no mail: the row is recorded as "empty" (seed 001: do not overload volunteer boards).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ontmoet.accounts.models import RoleAssignment, User
from ontmoet.accounts.roles import Role
from ontmoet.core.mail import send_templated_mail

from .. import providers, tokens
from ..models import Audience, DigestPreference, DigestRun, DigestSend, Event, Frequency, FundingScheme
from ..selectors import scheme_fits

CHUNK = 500
# How far ahead a digest looks: events in the coming period, scheme deadlines a little further.
EVENT_HORIZON = {Frequency.WEEKLY: timedelta(days=7), Frequency.MONTHLY: timedelta(days=31)}
DEADLINE_HORIZON = {Frequency.WEEKLY: timedelta(days=31), Frequency.MONTHLY: timedelta(days=62)}
DEFAULT_FREQUENCY = Frequency.MONTHLY


def period_key(frequency: str, day: date) -> str:
    """'2026-W47' for a week (ISO), '2026-11' for a month."""
    if frequency == Frequency.WEEKLY:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day:%Y-%m}"


def recipients(frequency: str, province=None):
    """Active users who chose this frequency (or have no preference and the default is this one)."""
    users = User.objects.filter(is_active=True).exclude(email="")
    chosen = Q(digest_preference__frequency=frequency)
    if frequency == DEFAULT_FREQUENCY:
        chosen |= Q(digest_preference__isnull=True)
    users = users.filter(chosen)
    if province is not None:
        users = users.filter(
            Q(roles__province=province) | Q(roles__municipality__province=province)
            | Q(roles__place__municipality__province=province)).distinct()
    return users.order_by("pk")


@dataclass
class Reader:
    """What the digest needs to know about one user: where they belong and in which role."""

    provinces: set = field(default_factory=set)
    staff_provinces: set = field(default_factory=set)
    municipalities: set = field(default_factory=set)
    places: list = field(default_factory=list)
    is_board: bool = False
    is_officer: bool = False


def _readers(user_ids) -> dict[int, Reader]:
    readers = {pk: Reader() for pk in user_ids}
    rows = RoleAssignment.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "role", "province_id", "municipality_id", "municipality__province_id", "place_id",
        "place__municipality_id", "place__municipality__province_id")
    for user_id, role, province, municipality, municipality_province, place, place_muni, place_province in rows:
        reader = readers[user_id]
        if role in (Role.PROVINCE_STAFF, Role.PROVINCE_ADMIN):
            reader.provinces.add(province)
            reader.staff_provinces.add(province)
            reader.is_officer = True
        elif role == Role.MUNICIPAL_OFFICER:
            reader.provinces.add(municipality_province)
            reader.municipalities.add(municipality)
            reader.is_officer = True
        elif role == Role.BOARD_MEMBER:
            reader.provinces.add(place_province)
            reader.municipalities.add(place_muni)
            reader.places.append(place)
            reader.is_board = True
        elif province is not None:
            reader.provinces.add(province)
    return readers


class Catalogue:
    """Events and schemes of the period, loaded once per run; per-place scheme fits cached."""

    def __init__(self, frequency: str, now):
        today = timezone.localdate(now)
        self.events = list(Event.objects.filter(
            is_published=True, starts_at__gte=now, starts_at__lt=now + EVENT_HORIZON[frequency]).order_by(
            "starts_at"))
        self.schemes = list(FundingScheme.objects.filter(
            is_active=True, deadline__gte=today, deadline__lte=today + DEADLINE_HORIZON[frequency]).order_by(
            "deadline").prefetch_related("municipalities", "required_facilities"))
        self._scheme_sets = {s.pk: ({m.pk for m in s.municipalities.all()}, {f.pk for f in s.required_facilities.all()})
                             for s in self.schemes}
        self._per_place: dict[int, list] = {}

    def events_for(self, reader: Reader) -> list:
        chosen = []
        for event in self.events:
            if event.province_id not in reader.provinces:
                continue
            if event.municipality_id and event.municipality_id not in reader.municipalities \
                    and event.province_id not in reader.staff_provinces:
                continue
            if event.audience == Audience.BOARDS and not (reader.is_board or reader.is_officer):
                continue
            if event.audience == Audience.OFFICERS and not reader.is_officer:
                continue
            chosen.append(event)
        return chosen

    def deadlines_for(self, reader: Reader) -> list:
        from ontmoet.places.models import Place

        missing = [pk for pk in reader.places if pk not in self._per_place]
        if missing and self.schemes:
            for place in Place.objects.filter(pk__in=missing).select_related("municipality").prefetch_related(
                    "facilities"):
                facilities = {f.pk for f in place.facilities.all()}
                self._per_place[place.pk] = [(place, s) for s in self.schemes
                                             if s.province_id == place.municipality.province_id
                                             and scheme_fits(s, place, facilities, *self._scheme_sets[s.pk])]
        return [item for pk in reader.places for item in self._per_place.get(pk, [])]


def unsubscribe_url(user) -> str:
    return settings.ONTMOET_BASE_URL + reverse("network:digest_unsubscribe",
                                               args=[tokens.make(tokens.UNSUBSCRIBE_SALT, user.pk)])


def _claim(user, period: str, state: str) -> bool:
    """Record the send for (user, period); False when it was recorded before (by this or an earlier run)."""
    try:
        with transaction.atomic():
            DigestSend.objects.create(user=user, period=period, state=state,
                                      sent_at=timezone.now() if state == DigestSend.State.EMPTY else None)
    except IntegrityError:
        return False
    return True


def send_one(user, reader: Reader, catalogue: Catalogue, period: str, frequency: str, since) -> bool:
    """Send (or record as empty) this user's digest for the period. Returns True if a mail went out."""
    events = catalogue.events_for(reader)
    deadlines = catalogue.deadlines_for(reader)
    articles = providers.knowledge_articles(user, since)
    if not (events or deadlines or articles):
        _claim(user, period, DigestSend.State.EMPTY)
        return False
    if not _claim(user, period, DigestSend.State.CLAIMED):
        return False
    link = unsubscribe_url(user)
    sent = send_templated_mail("network/email/digest", {
        "user": user, "events": events, "deadlines": deadlines, "articles": articles, "frequency": frequency,
        "unsubscribe_url": link, "preferences_url": settings.ONTMOET_BASE_URL + reverse("network:digest_preferences"),
    }, [user.email], headers={
        "List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "X-Ontmoet-Digest": period,
    })
    DigestSend.objects.filter(user=user, period=period).update(state=DigestSend.State.SENT, sent_at=timezone.now())
    return bool(sent)


def start_run(frequency: str, province=None, by=None, today=None) -> DigestRun:
    today = today or timezone.localdate()
    return DigestRun.objects.create(frequency=frequency, period=period_key(frequency, today), province=province,
                                    started_by=by, total=recipients(frequency, province).count())


def execute_run(run: DigestRun, now=None, progress=None) -> DigestRun:
    """Work through the run's recipients in chunks; users with a recorded send for the period are skipped,
    so running it again after a crash resumes where it stopped."""
    now = now or timezone.now()
    since = now - EVENT_HORIZON[run.frequency]
    catalogue = Catalogue(run.frequency, now)
    users = recipients(run.frequency, run.province)
    processed = sent = 0
    last_pk = 0
    while True:
        chunk = list(users.filter(pk__gt=last_pk)[:CHUNK])
        if not chunk:
            break
        last_pk = chunk[-1].pk
        done = set(DigestSend.objects.filter(period=run.period, user__in=chunk).values_list("user_id", flat=True))
        readers = _readers([u.pk for u in chunk if u.pk not in done])
        for user in chunk:
            if user.pk not in done:
                sent += send_one(user, readers[user.pk], catalogue, run.period, run.frequency, since)
            processed += 1
            if progress:
                progress(1)
        DigestRun.objects.filter(pk=run.pk).update(processed=processed, sent=sent)
    DigestRun.objects.filter(pk=run.pk).update(processed=processed, sent=sent, finished_at=timezone.now())
    run.refresh_from_db()
    return run


@transaction.atomic
def set_frequency(user, frequency: str) -> DigestPreference:
    preference, _ = DigestPreference.objects.update_or_create(user=user, defaults={"frequency": frequency})
    return preference
