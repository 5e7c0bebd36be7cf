"""A place's rooms, rates and booking requests over the API, with the web pages' rules: the place's scope
reads (officers without who asked), only its board writes. Writes go through the room form and the
rooms services, so the double-booking guarantee (services.accept) and the request workflow hold."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from ontmoet.core.api import READ_ERRORS, WRITE_ERRORS, ManagementView, check_form, object_id

from .. import selectors, services
from ..forms import RoomForm
from ..models import Booking, BookingState, RequestStatus, Room, TenantKind
from ..workflows import BOARD, RequestError
from .board_serializers import (
    DAY_CODES,
    AcceptSerializer,
    BookingRequestSerializer,
    ReasonSerializer,
    RoomInputSerializer,
    RoomSerializer,
)

BOARD_ONLY = gettext_lazy("Alleen het bestuur van de plek beheert de ruimtes en aanvragen.")
PLAIN = ("name", "capacity", "size_m2", "facilities", "accessibility", "description", "photo_alt")
RENAME = {"rate_": "rates", "open_": "hours", "close_": "hours"}


def _refused(field, message) -> serializers.ValidationError:
    return serializers.ValidationError({field: [str(message)]})


class PlaceRoomsView(ManagementView):
    serializer_class = RoomSerializer

    def place(self, *, manage=False):
        place = selectors.place_in_scope(self.scope, self.kwargs["code"])
        if place is None:
            raise Http404
        if manage and not selectors.may_manage(self.scope, place):
            raise PermissionDenied(BOARD_ONLY)
        return place


# -- rooms and rates ------------------------------------------------------------------------------------
def _form_data(room: Room | None, given: dict, kinds: list, *, partial: bool) -> dict:
    """The web form's fields from the API's shape; a PATCH keeps what it does not mention."""
    current = room if partial and room is not None else None
    data = {field: getattr(current, field) for field in PLAIN} if current else {}
    data.update({field: given[field] for field in PLAIN if field in given})
    if "hours" in given:
        hours = {str(DAY_CODES.index(day)): window for day, window in given["hours"].items()}
    else:
        hours = current.hours if current else {}
    for day, (opens, closes) in hours.items():
        data[f"open_{day}"], data[f"close_{day}"] = opens, closes
    if "rates" in given:
        by_code = {kind.code: kind for kind in kinds}
        unknown = [rate["tenant_kind"] for rate in given["rates"] if rate["tenant_kind"] not in by_code]
        if unknown:
            raise _refused("rates", _("Onbekende soort huurder ‘%(code)s’; kies uit: %(codes)s.") % {
                "code": unknown[0], "codes": ", ".join(by_code)})
        rates = [(by_code[rate["tenant_kind"]].pk, rate["unit"], rate["amount"]) for rate in given["rates"]]
    else:
        rates = [(rate.tenant_kind_id, rate.unit, rate.amount) for rate in current.rates.all()] if current else []
    for kind_pk, unit, amount in rates:
        data[f"rate_{kind_pk}_{unit}"] = amount
    return data


class RoomsBase(PlaceRoomsView):
    def rooms(self, place):
        return selectors.rooms(place)

    def room(self, *, manage=False):
        place = self.place(manage=manage)
        pk = object_id(self.kwargs["pk"])
        found = self.rooms(place).filter(pk=pk).first() if pk else None
        if found is None:
            raise Http404
        return found

    def save(self, room: Room | None, place, *, partial: bool) -> Room:
        given = self.valid(RoomInputSerializer)
        kinds = list(TenantKind.objects.all())
        form = RoomForm(data=_form_data(room, given, kinds, partial=partial), instance=room)
        if room is None:
            form.instance.place = place
        check_form(form, RENAME)
        try:
            saved = services.save_room(form.save(commit=False), form.rates())
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return self.rooms(place).get(pk=saved.pk)


class RoomList(RoomsBase):
    """De ruimtes van een plek met hun te boeken uren en tarieven; toevoegen alleen door het bestuur."""

    @extend_schema(summary="Ruimtes van een plek", responses={200: RoomSerializer(many=True), **READ_ERRORS})
    def get(self, request, code):
        page = self.paginate_queryset(self.rooms(self.place()))
        return self.get_paginated_response(RoomSerializer(page, many=True).data)

    @extend_schema(summary="Ruimte toevoegen", request=RoomInputSerializer,
                   responses={201: RoomSerializer, **WRITE_ERRORS})
    def post(self, request, code):
        place = self.place(manage=True)
        return Response(RoomSerializer(self.save(None, place, partial=False)).data, status=201)


class RoomDetail(RoomsBase):
    """Eén ruimte; 'rates' en 'hours' vervangen, als u ze meestuurt, alle tarieven of uren."""

    @extend_schema(summary="Eén ruimte", responses={200: RoomSerializer, **READ_ERRORS})
    def get(self, request, code, pk):
        return Response(RoomSerializer(self.room()).data)

    @extend_schema(summary="Ruimte vervangen", request=RoomInputSerializer,
                   responses={200: RoomSerializer, **WRITE_ERRORS})
    def put(self, request, code, pk):
        room = self.room(manage=True)
        return Response(RoomSerializer(self.save(room, room.place, partial=False)).data)

    @extend_schema(summary="Ruimte deels wijzigen", request=RoomInputSerializer,
                   responses={200: RoomSerializer, **WRITE_ERRORS})
    def patch(self, request, code, pk):
        room = self.room(manage=True)
        return Response(RoomSerializer(self.save(room, room.place, partial=True)).data)


# -- booking requests -----------------------------------------------------------------------------------
class RequestsBase(PlaceRoomsView):
    serializer_class = BookingRequestSerializer

    def requests(self, place):
        return (selectors.request_list(self.scope).filter(room__place=place)
                .prefetch_related(Prefetch("bookings", Booking.objects.order_by("starts_at"))))

    def booking_request(self, *, manage=False):
        place = self.place(manage=manage)
        pk = object_id(self.kwargs["pk"])
        found = self.requests(place).filter(pk=pk).first() if pk else None
        if found is None:
            raise Http404
        return found

    def show(self, rows, place, many=False):
        clashing = set()
        for booking_request in rows if many else [rows]:
            if booking_request.status == RequestStatus.REQUESTED:
                pending = [b for b in booking_request.bookings.all() if b.state == BookingState.REQUESTED]
                clashing |= {b.pk for b in services.conflicts(booking_request.room, pending)}
        context = {"personal": selectors.personal(self.scope, place), "clashing": clashing}
        return BookingRequestSerializer(rows, many=many, context=context).data

    def fresh(self, booking_request):
        return self.show(self.requests(booking_request.room.place).get(pk=booking_request.pk),
                         booking_request.room.place)


class RequestList(RequestsBase):
    """Boekingsaanvragen voor de ruimtes van een plek, nieuwste eerst; wie vroeg ziet alleen het bestuur."""

    @extend_schema(summary="Boekingsaanvragen van een plek",
                   parameters=[OpenApiParameter("status", str, enum=RequestStatus.values)],
                   responses={200: BookingRequestSerializer(many=True), **READ_ERRORS,
                              400: WRITE_ERRORS[400]})
    def get(self, request, code):
        place = self.place()
        wanted = request.query_params.get("status", "")
        if wanted and wanted not in RequestStatus.values:
            raise _refused("status", _("Kies een van: %(values)s.") % {"values": ", ".join(RequestStatus.values)})
        found = self.requests(place)
        found = found.filter(status=wanted) if wanted else found
        return self.get_paginated_response(self.show(self.paginate_queryset(found), place, many=True))


class RequestDetail(RequestsBase):
    """Eén aanvraag met haar data; 'conflicts' wijst de data aan die een geaccepteerde boeking overlappen."""

    @extend_schema(summary="Eén boekingsaanvraag", responses={200: BookingRequestSerializer, **READ_ERRORS})
    def get(self, request, code, pk):
        booking_request = self.booking_request()
        return Response(self.show(booking_request, booking_request.room.place))


class RequestAccept(RequestsBase):
    """Accepteren, eventueel behalve de gekozen data (die worden afgewezen). Overlapt een datum een
    geaccepteerde boeking, dan wordt niets geaccepteerd en noemt de fout de data."""

    @extend_schema(summary="Aanvraag accepteren (behalve gekozen data)", request=AcceptSerializer,
                   responses={200: BookingRequestSerializer, **WRITE_ERRORS})
    def post(self, request, code, pk):
        booking_request = self.booking_request(manage=True)
        given = self.valid(AcceptSerializer)
        try:
            accepted = services.accept(booking_request, by=request.user,
                                       except_ids=given.get("except_bookings", []))
        except services.BookingConflict as conflict:
            dates = ", ".join(day.isoformat() for day in conflict.dates)
            raise _refused("except_bookings", f"{conflict.message} ({dates})" if dates else conflict.message) \
                from conflict
        except RequestError as error:
            raise _refused("status", error.message) from error
        return Response(self.fresh(accepted))


class RequestDecline(RequestsBase):
    """Afwijzen, met een reden die de aanvrager per e-mail krijgt."""

    @extend_schema(summary="Aanvraag afwijzen", request=ReasonSerializer,
                   responses={200: BookingRequestSerializer, **WRITE_ERRORS})
    def post(self, request, code, pk):
        booking_request = self.booking_request(manage=True)
        given = self.valid(ReasonSerializer)
        try:
            declined = services.decline(booking_request, by=request.user, reason=given["reason"])
        except RequestError as error:
            raise _refused("status", error.message) from error
        return Response(self.fresh(declined))


class RequestCancel(RequestsBase):
    """Een geaccepteerde boeking annuleren (wat nog komt), met een reden die de aanvrager krijgt."""

    @extend_schema(summary="Boeking annuleren", request=ReasonSerializer,
                   responses={200: BookingRequestSerializer, **WRITE_ERRORS})
    def post(self, request, code, pk):
        booking_request = self.booking_request(manage=True)
        given = self.valid(ReasonSerializer)
        try:
            cancelled = services.cancel(booking_request, actor=BOARD, by=request.user,
                                        reason=given["reason"])
        except RequestError as error:
            raise _refused("status", error.message) from error
        return Response(self.fresh(cancelled))
