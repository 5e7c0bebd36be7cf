"""Every write of the rooms app, each in one transaction; mail is queued in it and sent after the commit.

Accepting is where double bookings are stopped. All accepts of one room take turns: the transaction
first writes the room row (an UPDATE: a row lock on PostgreSQL; on SQLite, whose transactions begin
IMMEDIATE, the database's write lock), and only then looks for overlapping accepted bookings, so the
second of two simultaneous accepts sees what the first wrote. On PostgreSQL the exclusion constraint
of migration 0002 is the last word: should anything write around this service, the database refuses.
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.core.clientip import visitor_key
from ontmoet.core.mail import send_templated_mail
from ontmoet.places.selectors import board_emails

from . import calendar, quiet
from .models import Booking, BookingRequest, BookingState, QuietRoomNotice, Rate, RequestStatus, Room
from .pricing import MAX_BOOKING, Slot
from .workflows import BOARD, REQUEST, REQUESTER, RequestError


class BookingConflict(RequestError):
    """Accepted bookings of the room overlap these dates."""

    def __init__(self, message, dates=()):
        super().__init__(message)
        self.dates = list(dates)


def too_many_requests(ip: str) -> bool:
    since = timezone.now() - timedelta(hours=1)
    recent = BookingRequest.objects.filter(sender_hash=visitor_key(ip), created_at__gte=since).count()
    return recent >= settings.ROOMS_REQUESTS_PER_HOUR


# -- rooms and rates ---------------------------------------------------------------------------------
def save_room(room: Room, rates: dict) -> Room:
    """Save the room and replace its rates: `rates` maps (tenant kind, unit) to an amount or None (no rate)."""
    with transaction.atomic():
        room.full_clean()
        room.save()
        for (kind, unit), amount in rates.items():
            if amount is None:
                Rate.objects.filter(room=room, tenant_kind=kind, unit=unit).delete()
            else:
                Rate.objects.update_or_create(room=room, tenant_kind=kind, unit=unit, defaults={"amount": amount})
    return room


# -- overlap -------------------------------------------------------------------------------------------
def overlapping(room, starts_at, ends_at):
    """Accepted bookings of the room that overlap [starts_at, ends_at).

    `starts_at > starts_at - MAX_BOOKING` bounds the (room, starts_at) index range to a day, so the
    cost does not grow with the room's history (benchmarks/rooms_accept.py).
    """
    return Booking.objects.filter(room=room, state=BookingState.ACCEPTED, starts_at__lt=ends_at,
                                  starts_at__gt=starts_at - MAX_BOOKING, ends_at__gt=starts_at)


def conflicts(room, slots) -> list:
    """The slots (or bookings: anything with starts_at and ends_at) that overlap an accepted booking."""
    if not slots:
        return []
    first = min(slot.starts_at for slot in slots)
    last = max(slot.ends_at for slot in slots)
    # One range of the (room, starts_at) index for the whole span: a series reads its year once.
    taken = list(overlapping(room, first, last).values_list("starts_at", "ends_at", "request_id", named=True))
    return [slot for slot in slots
            if any(t.starts_at < slot.ends_at and t.ends_at > slot.starts_at
                   and t.request_id != getattr(slot, "request_id", None) for t in taken)]


# -- requests ------------------------------------------------------------------------------------------
def _personal_url(booking_request) -> str:
    return reverse("rooms:personal", args=[booking_request.room.place.code, booking_request.token])


def _board_url(booking_request) -> str:
    return reverse("rooms_board:request", args=[booking_request.room.place.code, booking_request.pk])


def _context(booking_request, **extra) -> dict:
    return {"request": booking_request, "room": booking_request.room, "place": booking_request.room.place,
            "bookings": list(booking_request.bookings.all()), "personal_url": _personal_url(booking_request),
            "board_url": _board_url(booking_request), **extra}


def submit_request(room: Room, data: dict, slots: list[Slot], ip: str) -> BookingRequest:
    """Store the request with one booking per date; the requester gets the price and the personal link."""
    with transaction.atomic():
        clash = conflicts(room, slots)
        if clash:
            raise BookingConflict(_("Deze ruimte is dan al bezet."), [slot.day for slot in clash])
        booking_request = BookingRequest(
            status="", room=room, name=data["name"], email=data["email"], phone=data.get("phone", ""),
            organisation=data.get("organisation", ""), purpose=data["purpose"], tenant_kind=data["tenant_kind"],
            people=data["people"], series=data["series"], first_date=slots[0].day, last_date=slots[-1].day,
            starts=data["starts"], ends=data["ends"], total=sum((slot.price for slot in slots), Decimal("0")),
            sender_hash=visitor_key(ip))
        REQUEST.move(booking_request, RequestStatus.REQUESTED, actor=REQUESTER)
        Booking.objects.bulk_create([Booking(request=booking_request, room=room, starts_at=slot.starts_at,
                                             ends_at=slot.ends_at, price=slot.price) for slot in slots])
        # The dates of a series the requester chose to leave out (already taken): the confirmation names them.
        context = _context(booking_request, left_out=sorted(data.get("left_out") or ()))
        send_templated_mail("rooms/email/received", context, to=[booking_request.email])
        send_templated_mail("rooms/email/new_request", context, to=board_emails(room.place))
    return booking_request


def _locked(booking_request) -> BookingRequest:
    """Take the room's turn (see the module's docstring) and read the request again inside it."""
    Room.objects.filter(pk=booking_request.room_id).update(bookings_changed_at=timezone.now())
    return BookingRequest.objects.select_related("room__place").get(pk=booking_request.pk)


def accept(booking_request: BookingRequest, *, by, except_ids=()) -> BookingRequest:
    """Accept the request's dates except `except_ids` (declined); refused when an accepted one would overlap."""
    except_ids = {int(pk) for pk in except_ids}
    try:
        with transaction.atomic():
            booking_request = _locked(booking_request)
            pending = list(booking_request.bookings.filter(state=BookingState.REQUESTED))
            # A date that passed while the request waited cannot be accepted any more; it is declined.
            now = timezone.now()
            wanted = [booking for booking in pending if booking.pk not in except_ids and booking.starts_at > now]
            if not wanted:
                raise RequestError(_("Kies minstens één datum om te accepteren, of wijs de aanvraag af."))
            target = RequestStatus.ACCEPTED if len(wanted) == len(pending) else RequestStatus.PARTLY
            REQUEST.check(booking_request.status, target, BOARD)
            clash = conflicts(booking_request.room, wanted)
            if clash:
                raise BookingConflict(_("Deze data overlappen een geaccepteerde boeking. Accepteer de andere "
                                        "data en vink deze uit, of wijs de aanvraag af."),
                                      [timezone.localtime(b.starts_at).date() for b in clash])
            Booking.objects.filter(pk__in=[b.pk for b in wanted]).update(state=BookingState.ACCEPTED)
            Booking.objects.filter(request=booking_request, state=BookingState.REQUESTED).update(
                state=BookingState.DECLINED)
            booking_request.total = sum((b.price for b in wanted), Decimal("0"))
            REQUEST.move(booking_request, target, actor=BOARD, by=by, fields=["total"])
            send_templated_mail("rooms/email/accepted", _context(booking_request, accepted=wanted),
                                to=[booking_request.email],
                                attachments=[("boeking.ics", calendar.ics(booking_request, wanted),
                                              "text/calendar")])
    except IntegrityError as error:  # PostgreSQL's exclusion constraint: a writer outside this service
        raise BookingConflict(_("Deze data overlappen een geaccepteerde boeking.")) from error
    return booking_request


def decline(booking_request: BookingRequest, *, by, reason: str) -> BookingRequest:
    with transaction.atomic():
        booking_request = _locked(booking_request)
        REQUEST.move(booking_request, RequestStatus.DECLINED, actor=BOARD, by=by, reason=reason)
        booking_request.bookings.filter(state=BookingState.REQUESTED).update(state=BookingState.DECLINED)
        send_templated_mail("rooms/email/declined", _context(booking_request, reason=reason),
                            to=[booking_request.email])
    return booking_request


def cancel(booking_request: BookingRequest, *, actor: str, by=None, reason: str) -> BookingRequest:
    """Cancel what is still to come (dates already past stay as they were); the other side is told why."""
    with transaction.atomic():
        booking_request = _locked(booking_request)
        REQUEST.move(booking_request, RequestStatus.CANCELLED, actor=actor, by=by, reason=reason)
        booking_request.bookings.filter(
            Q(state=BookingState.REQUESTED) | Q(state=BookingState.ACCEPTED, starts_at__gte=timezone.now())
        ).update(state=BookingState.CANCELLED)
        kept = booking_request.bookings.filter(state=BookingState.ACCEPTED).aggregate(total=Sum("price"))["total"]
        booking_request.total = kept or Decimal("0")
        booking_request.save(update_fields=["total"])
        context = _context(booking_request, reason=reason)
        if actor == BOARD:
            send_templated_mail("rooms/email/cancelled", context, to=[booking_request.email])
        else:
            send_templated_mail("rooms/email/cancelled_board", context, to=board_emails(booking_request.room.place))
    return booking_request


def notice_quiet_rooms(today=None) -> int:
    """The periodic look at the last quarter (`notice_quiet_rooms`): each room that stayed below the threshold
    gets one notice for its board's work queue, and the board one mail per place listing them, pointing to
    the toolkit's revitalisation trees. Safe to run daily: a room is noticed once per quarter. Returns the
    number of new notices."""
    first, end = quiet.last_season(today or timezone.localdate())
    noticed = set(QuietRoomNotice.objects.filter(season_start=first).values_list("room_id", flat=True))
    rooms = [room for room in Room.objects.select_related("place").order_by("place_id", "name")
             if room.pk not in noticed and room.hours]
    figures = quiet.season_figures(rooms, first, end)
    per_place: dict = {}
    for room in rooms:
        if quiet.quiet(figures[room.pk]):
            per_place.setdefault(room.place, []).append((room, quiet.season_occupancy(figures[room.pk])))
    created = 0
    for place, found in per_place.items():
        with transaction.atomic():
            notices = QuietRoomNotice.objects.bulk_create(
                [QuietRoomNotice(room=room, season_start=first, occupancy=occupancy) for room, occupancy in found],
                ignore_conflicts=True)
            created += len(notices)
            send_templated_mail(
                "rooms/email/quiet_rooms",
                {"place": place, "rooms": found, "first": first, "last": end - timedelta(days=1),
                 "threshold": settings.ROOMS_LOW_OCCUPANCY_PERCENT,
                 "help_url": reverse(settings.ROOMS_QUIET_ROOM_HELP_URL_NAME),
                 "figures_url": reverse("rooms_board:figures", args=[place.code]) + f"?jaar={first.year}"},
                to=board_emails(place) or [place.email], key=f"rooms-quiet-{place.pk}-{first:%Y-%m}")
    return created


@transaction.atomic
def mark_quiet_notice_seen(notice: QuietRoomNotice) -> None:
    QuietRoomNotice.objects.filter(pk=notice.pk, seen_at__isnull=True).update(seen_at=timezone.now())
