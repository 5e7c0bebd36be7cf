"""Reads of the rooms app. Boards see their own place's requests in full; officers in scope see rooms,
times, kinds of tenant and amounts, never who asked (`personal`)."""

from decimal import Decimal

from django.db.models import Count, F, FilteredRelation, Prefetch, Q, QuerySet
from django.utils import timezone

from ontmoet.places.choices import Status
from ontmoet.places.models import Place

from . import pricing
from .models import Booking, BookingRequest, BookingState, QuietRoomNotice, Rate, RequestStatus, Room
from .pricing import MAX_BOOKING
from .quiet import last_season


def public_place(code: str) -> Place | None:
    return Place.objects.filter(code=code, is_public=True, status=Status.ACTIVE).first()


def place_in_scope(scope, code: str) -> Place | None:
    return scope.places(Place.objects.select_related("municipality")).filter(code=code).first()


def may_manage(scope, place) -> bool:
    """Only the place's own board keeps its rooms and decides on requests."""
    return scope.superuser or place.pk in scope.place_ids


def personal(scope, place) -> bool:
    """Whether this user may see who asked: the board, not the municipality or province."""
    return may_manage(scope, place)


def rooms(place) -> QuerySet[Room]:
    rates = Prefetch("rates", Rate.objects.select_related("tenant_kind"))
    return Room.objects.filter(place=place).prefetch_related(rates).order_by("name")


def has_rooms(place) -> bool:
    return Room.objects.filter(place=place).exists()


def requests_in_scope(scope) -> QuerySet[BookingRequest]:
    if scope.superuser:
        return BookingRequest.objects.all()
    return BookingRequest.objects.filter(room__place__in=scope.places(Place.objects.all()).values("pk"))


def request_list(scope, status: str = "") -> QuerySet[BookingRequest]:
    found = requests_in_scope(scope).select_related("room__place", "tenant_kind").annotate(
        dates=Count("bookings")).order_by("-created_at", "-pk")
    return found.filter(status=status) if status else found


def open_overlaps(request_ids) -> dict[int, list[int]]:
    """For each of these requests, the other waiting requests with a date overlapping one of its waiting dates:
    accepting one blocks the other. One query: each date joined to the room's other waiting dates through
    the (room, starts_at) index, bounded to a day as in services.overlapping."""
    if not request_ids:
        return {}
    other = FilteredRelation("room__bookings", condition=Q(
        room__bookings__state=BookingState.REQUESTED, room__bookings__starts_at__lt=F("ends_at"),
        room__bookings__starts_at__gt=F("starts_at") - MAX_BOOKING, room__bookings__ends_at__gt=F("starts_at"),
    ) & (Q(room__bookings__request_id__lt=F("request_id")) | Q(room__bookings__request_id__gt=F("request_id"))))
    pairs = (Booking.objects.filter(request_id__in=request_ids, state=BookingState.REQUESTED)
             .annotate(other=other).filter(other__isnull=False)
             .values_list("request_id", "other__request_id").distinct().order_by("request_id", "other__request_id"))
    found: dict[int, list[int]] = {}
    for mine, theirs in pairs:
        found.setdefault(mine, []).append(theirs)
    return found


def waiting_count(scope) -> int:
    """Requests waiting for a decision at the board's own places (the work queue's count; one COUNT)."""
    return BookingRequest.objects.filter(status=RequestStatus.REQUESTED, room__place_id__in=scope.place_ids).count()


def request_in_place(place, pk) -> BookingRequest | None:
    return (BookingRequest.objects.select_related("room__place", "tenant_kind")
            .filter(room__place=place, pk=pk).first())


def request_by_token(code: str, token: str) -> BookingRequest | None:
    return (BookingRequest.objects.select_related("room__place", "tenant_kind")
            .filter(room__place__code=code, token=token).first())


def busy(room, starts_at, ends_at) -> list[Booking]:
    return list(Booking.objects.filter(room=room, state=BookingState.ACCEPTED, starts_at__lt=ends_at,
                                       ends_at__gt=starts_at))


def public_rooms() -> QuerySet[Room]:
    """Rooms of public, active places with their rates: what the places' rooms pages show (open data, API)."""
    rates = Prefetch("rates", Rate.objects.select_related("tenant_kind"))
    return (Room.objects.filter(place__is_public=True, place__status=Status.ACTIVE)
            .select_related("place__municipality").prefetch_related(rates))


def open_quiet_notices(place_ids) -> QuerySet[QuietRoomNotice]:
    """Notices of the last quarter the board has not marked as read (the work queue and the figures page);
    a new quarter makes the old ones history."""
    first, _end = last_season(timezone.localdate())
    return QuietRoomNotice.objects.filter(room__place_id__in=place_ids, season_start=first, seen_at__isnull=True)


def repriced(booking_request, pending) -> tuple[Decimal, Decimal | None] | None:
    """(quoted, current) for the dates still waiting when the room's rates changed after the request, else None.

    The request keeps the price it showed when it was sent (the requester agreed to that, and accepting keeps
    it); the board is shown what the current rates would charge, to decide with both in view. `current` is
    None when the kind of tenant no longer has a rate.
    """
    if not pending:
        return None
    quoted = sum((booking.price for booking in pending), Decimal("0"))
    per_date = pricing.price(pricing.rates_for(booking_request.room, booking_request.tenant_kind),
                             pricing.hours_between(booking_request.starts, booking_request.ends))
    current = None if per_date is None else per_date * len(pending)
    return None if current == quoted else (quoted, current)
