"""The register side: a place's rooms and rates, and its booking requests.

Everyone whose scope holds the place reads these pages; only the place's board changes them and sees
who asked (selectors.may_manage / personal). Out of scope is 404, as everywhere in the register.
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.accounts.decorators import any_role, scope_required

from . import selectors, services
from .forms import CancelForm, DecisionForm, RequestFilterForm, RoomForm
from .models import BookingState, RequestStatus
from .views_public import photo_response
from .workflows import BOARD, REQUEST, RequestError


def _place(scope, code, manage=False):
    place = selectors.place_in_scope(scope, code)
    if place is None:
        raise Http404
    if manage and not selectors.may_manage(scope, place):
        raise PermissionDenied(_("Alleen het bestuur van de plek beheert de ruimtes en aanvragen."))
    return place


def _uses_requests(scope) -> bool:
    return scope.superuser or scope.is_officer or scope.is_board_member


def _still_to_accept(pending, skipped) -> list:
    """The dates the accept button accepts: not ticked and not passed (services.accept declines those)."""
    now = timezone.now()
    return [b for b in pending if str(b.pk) not in skipped and b.starts_at > now]


def _with_overlaps(requests) -> list:
    """The requests, each with `overlaps`: the waiting requests that accepting it would block."""
    requests = list(requests)
    found = selectors.open_overlaps([item.pk for item in requests if item.status == RequestStatus.REQUESTED])
    for item in requests:
        item.overlaps = found.get(item.pk, [])
    return requests


@require_safe
@scope_required(_uses_requests)
def request_list(request, scope):
    form = RequestFilterForm(request.GET or None)
    status = form.status_value()
    page = Paginator(selectors.request_list(scope, status), 25).get_page(request.GET.get("pagina"))
    own = set(scope.place_ids)
    rows = [(item, scope.superuser or item.room.place_id in own) for item in _with_overlaps(page.object_list)]
    return render(request, "rooms/requests.html", {
        "page": page, "rows": rows, "form": form, "status": status, "query": f"status={status}" if status else ""})


@require_safe
@scope_required(any_role)
def room_list(request, code, scope):
    place = _place(scope, code)
    manage = selectors.may_manage(scope, place)
    return render(request, "rooms/rooms.html", {
        "place": place, "rooms": selectors.rooms(place), "manage": manage,
        "rows": [(item, manage) for item in
                 _with_overlaps(selectors.request_list(scope, "").filter(room__place=place)[:50])]})


@require_safe
@scope_required(any_role)
def room_photo(request, code, pk, scope):
    """The photo for the register's pages: also before the place is public, for whoever reads its rooms."""
    return photo_response(selectors.rooms(_place(scope, code)).filter(pk=pk).first())


def _room_form(request, scope, code, pk=None):
    place = _place(scope, code, manage=True)
    room = None
    if pk is not None:
        room = selectors.rooms(place).filter(pk=pk).first()
        if room is None:
            raise Http404
    form = RoomForm(request.POST or None, request.FILES or None, instance=room)
    if room is None:
        form.instance.place = place
    if request.method == "POST":
        if form.is_valid():
            services.save_room(form.save(commit=False), form.rates())
            messages.success(request, _("De ruimte en haar tarieven zijn opgeslagen."))
            return redirect("rooms_board:rooms", code=place.code)
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    return render(request, "rooms/room_form.html", {"place": place, "form": form, "room": room},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def room_create(request, code, scope):
    return _room_form(request, scope, code)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def room_edit(request, code, pk, scope):
    return _room_form(request, scope, code, pk)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def request_detail(request, code, pk, scope):
    place = _place(scope, code, manage=request.method == "POST")
    booking_request = selectors.request_in_place(place, pk)
    if booking_request is None:
        raise Http404
    bookings = list(booking_request.bookings.all())
    pending = [b for b in bookings if b.state == BookingState.REQUESTED]
    clashing = {b.pk for b in services.conflicts(booking_request.room, pending)}
    decision = DecisionForm(request.POST if "action" in request.POST else None, bookings=pending,
                            initial={"skip": [str(pk) for pk in clashing]})
    cancel = CancelForm(request.POST if "annuleren" in request.POST else None)
    status = 200
    if request.method == "POST":
        try:
            if decision.is_bound and decision.is_valid():
                if decision.cleaned_data["action"] == DecisionForm.DECLINE:
                    services.decline(booking_request, by=request.user, reason=decision.cleaned_data["reason"])
                    messages.success(request, _("De aanvraag is afgewezen; de aanvrager krijgt de reden."))
                else:
                    services.accept(booking_request, by=request.user, except_ids=decision.cleaned_data["skip"])
                    messages.success(request, _("Geaccepteerd; de aanvrager krijgt een bevestiging met agenda."))
                return redirect("rooms_board:request", code=code, pk=pk)
            if cancel.is_bound and cancel.is_valid():
                services.cancel(booking_request, actor=BOARD, by=request.user, reason=cancel.cleaned_data["reason"])
                messages.success(request, _("De boeking is geannuleerd; de aanvrager krijgt de reden."))
                return redirect("rooms_board:request", code=code, pk=pk)
        except services.BookingConflict as conflict:
            decision.add_error("skip", conflict.message)
            clashing |= {b.pk for b in services.conflicts(booking_request.room, pending)}
        except RequestError as error:  # e.g. cancelling a request still waiting: the table says decline
            (cancel if cancel.is_bound else decision).add_error(None, error.message)
            messages.error(request, error.message)
        status = 400
    manage = selectors.may_manage(scope, place)
    # What the boxes show: as posted, or the conflicting dates ticked beforehand.
    skipped = set(request.POST.getlist("skip") if decision.is_bound else decision.initial["skip"])
    accepting = _still_to_accept(pending, skipped)
    return render(request, "rooms/request.html", {
        "accept_total": sum((b.price for b in accepting), Decimal("0")), "accept_count": len(accepting),
        "prices": {str(b.pk): str(b.price) for b in pending if b.starts_at > timezone.now()},
        "place": place, "booking_request": booking_request, "bookings": bookings, "clashing": clashing,
        "decision": decision, "cancel": cancel,
        "overlaps": selectors.open_overlaps([booking_request.pk]).get(booking_request.pk, []),
        "manage": manage, "personal": selectors.personal(scope, place),
        "may_decide": manage and booking_request.status == RequestStatus.REQUESTED,
        "repriced": (selectors.repriced(booking_request, pending)
                     if booking_request.status == RequestStatus.REQUESTED else None),
        "may_cancel": manage and REQUEST.can(booking_request.status, RequestStatus.CANCELLED, BOARD),
    }, status=status)
