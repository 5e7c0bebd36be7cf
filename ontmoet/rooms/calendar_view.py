"""A room's calendar for a week or a month: the board sees who booked, everyone else only "bezet".

One view for both sides; `public` decides what an entry shows. Only accepted bookings hold the room;
the board also sees requests still waiting for its decision.
"""

import calendar as months
from dataclasses import dataclass
from datetime import date, time, timedelta

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ontmoet.accounts.decorators import any_role, scope_required

from . import selectors
from .models import Booking, BookingState


@dataclass
class Entry:
    starts_at: object
    ends_at: object
    state: str
    label: str  # "" for the public: the page says "bezet"
    url: str = ""


def period(request) -> tuple[str, date, date]:
    """("week" or "maand", first day, last day) from ?week=YYYY-MM-DD or ?maand=YYYY-MM; default this week."""
    today = timezone.localdate()
    try:
        if "maand" in request.GET:
            year, month = (int(part) for part in request.GET["maand"].split("-"))
            first = date(year, month, 1)
            return "maand", first, date(year, month, months.monthrange(year, month)[1])
        day = date.fromisoformat(request.GET["week"]) if "week" in request.GET else today
    except (ValueError, TypeError):
        day = today
    first = day - timedelta(days=day.weekday())
    return "week", first, first + timedelta(days=6)


def _days(room, first, last, *, board: bool, personal: bool):
    from .pricing import aware

    states = [BookingState.ACCEPTED, BookingState.REQUESTED] if board else [BookingState.ACCEPTED]
    found = (Booking.objects.filter(room=room, state__in=states, starts_at__gte=aware(first, time(0)),
                                    starts_at__lt=aware(last + timedelta(days=1), time(0)))
             .select_related("request__tenant_kind").order_by("starts_at"))
    by_day = {first + timedelta(days=n): [] for n in range((last - first).days + 1)}
    for booking in found:
        label = ""
        if board:
            who = booking.request.organisation if personal and booking.request.organisation else ""
            label = f"{booking.request.tenant_kind.label}{f' ({who})' if who else ''}"
        by_day[timezone.localtime(booking.starts_at).date()].append(Entry(
            booking.starts_at, booking.ends_at, booking.state, label,
            booking.request_id if board else ""))
    return list(by_day.items())


def _render(request, place, room, *, board: bool, personal: bool):
    kind, first, last = period(request)
    previous = first - timedelta(days=1) if kind == "maand" else first - timedelta(days=7)
    following = last + timedelta(days=1)
    return render(request, "rooms/calendar.html", {
        "place": place, "room": room, "kind": kind, "first": first, "last": last, "board": board,
        "days": _days(room, first, last, board=board, personal=personal),
        "previous": f"maand={previous:%Y-%m}" if kind == "maand" else f"week={previous:%Y-%m-%d}",
        "next": f"maand={following:%Y-%m}" if kind == "maand" else f"week={following:%Y-%m-%d}",
        "as_month": f"maand={first:%Y-%m}", "as_week": f"week={first:%Y-%m-%d}"})


@require_safe
def public_calendar(request, code, pk):
    place = selectors.public_place(code)
    room = selectors.rooms(place).filter(pk=pk).first() if place else None
    if room is None:
        raise Http404
    return _render(request, place, room, board=False, personal=False)


@require_safe
@scope_required(any_role)
def board_calendar(request, code, pk, scope):
    place = selectors.place_in_scope(scope, code)
    room = selectors.rooms(place).filter(pk=pk).first() if place else None
    if room is None:
        raise Http404
    return _render(request, place, room, board=True, personal=selectors.personal(scope, place))
