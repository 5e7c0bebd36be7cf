"""The public rooms page of a place (rooms, rates and the request form) and the requester's personal page."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.core import submissions
from ontmoet.core.clientip import client_ip
from ontmoet.core.uploads import attachment_response

from . import selectors, services
from .forms import CancelForm, RequestForm
from .workflows import REQUEST, REQUESTER

SEND = "versturen"


def _place_or_404(code):
    place = selectors.public_place(code)
    if place is None:
        raise Http404
    return place


@require_http_methods(["GET", "POST"])
def rooms_page(request, code):
    """Step one computes the price (the server's calculation is the truth); the send button comes with it."""
    place = _place_or_404(code)
    rooms = list(selectors.rooms(place))
    form = RequestForm(request.POST or None, place=place, initial={"room": request.GET.get("ruimte")})
    status, preview = 200, None
    if request.method == "POST":
        ip = client_ip(request)
        if services.too_many_requests(ip):
            messages.error(request, _("Vanaf uw adres zijn het afgelopen uur al een paar aanvragen gestuurd. "
                                      "Probeer het later nog eens."))
            status = 429
        elif not form.is_valid():
            messages.error(request, _("Nog niet verstuurd: verbeter de velden die rood gemarkeerd zijn."))
            status = 400
        elif request.POST.get("stap") != SEND:
            preview = {"slots": form.cleaned_data["slots"], "total": form.cleaned_data["total"],
                       "left_out": form.cleaned_data["left_out"]}
        elif form.is_spam():  # the same answer as a real request, so a bot learns nothing
            messages.success(request, _("Dank u wel! Uw aanvraag is verstuurd."))
            return redirect("rooms:page", code=place.code)
        else:
            try:
                outcome = submissions.submit_once(
                    form.submission_token,
                    lambda: services.submit_request(form.cleaned_data["room"], form.cleaned_data,
                                                    form.cleaned_data["slots"], ip),
                    lambda made: reverse("rooms:personal", args=[place.code, made.token]))
            except services.BookingConflict as conflict:
                form.add_error("date", conflict.message)
                status = 400
            else:
                if outcome.repeated:
                    return submissions.repeated(request, outcome)
                messages.success(request, _("Dank u wel! Uw aanvraag is verstuurd. U krijgt een e-mail met deze "
                                            "pagina; bewaar de link om uw boeking te bekijken of te annuleren."))
                return redirect(outcome.url)
    return render(request, "rooms/public.html", {
        "place": place, "rooms": rooms, "form": form, "preview": preview, "send": SEND,
        "min_seconds": settings.ROOMS_REQUEST_MIN_SECONDS}, status=status)


@require_safe
def photo(request, code, pk):
    """A room's photo: public like the rest of the room, checked by content when it was uploaded."""
    place = _place_or_404(code)
    return photo_response(selectors.rooms(place).filter(pk=pk).exclude(photo="").first())


def photo_response(room):
    """The photo shown in the page (inline), or 404 when there is no room or no photo."""
    if room is None or not room.photo:
        raise Http404
    response = attachment_response(room.photo, f"{room.name}.{'png' if room.photo_kind == 'png' else 'jpg'}",
                                   room.photo_kind)
    response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline", 1)
    return response


@require_http_methods(["GET", "POST"])
def personal(request, code, token):
    """What the requester sees through the personal link; no account, the link is the key."""
    booking_request = selectors.request_by_token(code, token)
    if booking_request is None:
        raise Http404
    may_cancel = REQUEST.can(booking_request.status, "geannuleerd", REQUESTER)
    form = CancelForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if may_cancel and form.is_valid():
            services.cancel(booking_request, actor=REQUESTER, reason=form.cleaned_data["reason"])
            messages.success(request, _("Uw boeking is geannuleerd. De plek krijgt bericht."))
            return redirect("rooms:personal", code=code, token=token)
        status = 400
    return render(request, "rooms/personal.html", {
        "booking_request": booking_request, "place": booking_request.room.place,
        "bookings": booking_request.bookings.all(), "form": form, "may_cancel": may_cancel}, status=status)
