"""Rooms, rates and booking requests over the management API. Who asked (name, organisation, e-mail,
phone, purpose) is only filled in for the place's own board; officers get null (docs/privacy.md)."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from ontmoet.core.api import ClockField
from ontmoet.core.serializers import TextInputSerializerMixin
from ontmoet.places.choices import WEEKDAYS

from ..models import Booking, BookingRequest, Facility, Room, Unit
from ..workflows import REASON_MESSAGE

DAY_CODES = [code for code, _label in WEEKDAYS]
PERSONAL = ("name", "organisation", "email", "phone", "purpose")


class RateInputSerializer(TextInputSerializerMixin, serializers.Serializer):
    tenant_kind = serializers.CharField(max_length=50, help_text="Code van de soort huurder, bijv. "
                                                                "'bewonersinitiatief'.")
    unit = serializers.ChoiceField(choices=Unit.choices)
    amount = serializers.DecimalField(max_digits=8, decimal_places=2, help_text="Bedrag in euro; 0 of meer.")


class RoomSerializer(serializers.ModelSerializer):
    hours = serializers.SerializerMethodField(help_text="Per dag (ma..zo) van en tot wanneer te boeken; "
                                                        "ontbrekende dag: niet te boeken.")
    rates = serializers.SerializerMethodField()
    has_photo = serializers.SerializerMethodField()

    class Meta:
        model = Room
        fields = ["id", "name", "capacity", "size_m2", "facilities", "accessibility", "description", "hours",
                  "rates", "has_photo", "photo_alt"]
        read_only_fields = fields
        extra_kwargs = {"photo_alt": {"help_text": "Beschrijving van de foto voor wie hem niet ziet (alt-tekst); "
                                                   "leeg: de openbare pagina zegt 'Foto van' en de naam."}}

    def get_hours(self, room) -> dict[str, list[str]]:
        return {DAY_CODES[int(day)]: list(window) for day, window in sorted(room.hours.items())}

    def get_rates(self, room) -> RateInputSerializer(many=True):
        return [{"tenant_kind": rate.tenant_kind.code, "unit": rate.unit, "amount": f"{rate.amount:.2f}"}
                for rate in room.rates.all()]

    def get_has_photo(self, room) -> bool:
        return bool(room.photo)


class RoomInputSerializer(TextInputSerializerMixin, serializers.Serializer):
    """Types only; what is required and what fits together is the web form's (forms.RoomForm)."""

    name = serializers.CharField(required=False, allow_blank=True, max_length=100)
    capacity = serializers.IntegerField(required=False, allow_null=True)
    size_m2 = serializers.IntegerField(required=False, allow_null=True)
    facilities = serializers.ListField(child=serializers.ChoiceField(choices=Facility.choices), required=False)
    accessibility = serializers.CharField(required=False, allow_blank=True, max_length=300)
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    photo_alt = serializers.CharField(required=False, allow_blank=True, max_length=200,
                                      help_text="Beschrijving van de foto voor wie hem niet ziet (alt-tekst), "
                                                "hoogstens 200 tekens. De foto zelf uploadt het bestuur op de "
                                                "website.")
    hours = serializers.DictField(
        child=serializers.ListField(child=ClockField(), min_length=2, max_length=2), required=False,
        help_text="Per dag (ma..zo) [van, tot], bijvoorbeeld {\"di\": [\"09:00\", \"22:00\"]}. Vervangt alle "
                  "uren; een ontbrekende dag is niet te boeken.")
    rates = RateInputSerializer(many=True, required=False,
                           help_text="Vervangt alle tarieven; een ontbrekend tarief bestaat daarna niet.")

    def validate_hours(self, value):
        unknown = sorted(set(value) - set(DAY_CODES))
        if unknown:
            raise serializers.ValidationError(_("Onbekende dag ‘%(day)s’; gebruik ma, di, wo, do, vr, za of zo.")
                                              % {"day": unknown[0]})
        return value


class BookingSerializer(serializers.ModelSerializer):
    conflicts = serializers.SerializerMethodField(
        help_text="Waar: overlapt een geaccepteerde boeking; zet de id bij except_bookings om de rest te "
                  "accepteren.")

    class Meta:
        model = Booking
        fields = ["id", "starts_at", "ends_at", "state", "price", "conflicts"]
        read_only_fields = fields

    def get_conflicts(self, booking) -> bool:
        return booking.pk in self.context.get("clashing", ())


class BookingRequestSerializer(serializers.ModelSerializer):
    room_name = serializers.CharField(source="room.name", read_only=True)
    starts = ClockField(read_only=True)
    ends = ClockField(read_only=True)
    tenant_kind = serializers.SlugRelatedField(slug_field="code", read_only=True)
    bookings = serializers.SerializerMethodField()
    name = serializers.CharField(allow_null=True, help_text="Alleen voor het bestuur van de plek; anders leeg.")
    organisation = serializers.CharField(allow_null=True, help_text="Alleen voor het bestuur van de plek.")
    email = serializers.CharField(allow_null=True, help_text="Alleen voor het bestuur van de plek.")
    phone = serializers.CharField(allow_null=True, help_text="Alleen voor het bestuur van de plek.")
    purpose = serializers.CharField(allow_null=True, help_text="Alleen voor het bestuur van de plek.")

    class Meta:
        model = BookingRequest
        fields = ["id", "room", "room_name", "status", "tenant_kind", "people", "series", "first_date",
                  "last_date", "starts", "ends", "total", "created_at", *PERSONAL, "bookings"]
        read_only_fields = fields

    def get_bookings(self, booking_request) -> BookingSerializer(many=True):
        bookings = sorted(booking_request.bookings.all(), key=lambda booking: booking.starts_at)
        return BookingSerializer(bookings, many=True, context=self.context).data

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not self.context.get("personal"):
            data.update(dict.fromkeys(PERSONAL))
        return data


class AcceptSerializer(serializers.Serializer):
    except_bookings = serializers.ListField(child=serializers.IntegerField(), required=False,
                                            help_text="Ids van data die u niet accepteert (bijv. de conflicterende); "
                                                      "die worden afgewezen.")


class ReasonSerializer(TextInputSerializerMixin, serializers.Serializer):
    reason = serializers.CharField(max_length=1000, help_text="Verplicht; de aanvrager krijgt de reden te lezen.",
                                   error_messages={"blank": REASON_MESSAGE, "required": REASON_MESSAGE})
