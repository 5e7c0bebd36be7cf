"""Public API shape of a room: what the place's rooms page shows (never a booking or who asked)."""

from rest_framework import serializers

from ..models import Facility, Unit


class HoursSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(help_text="0 is maandag, 6 is zondag.")
    day = serializers.CharField()
    opens = serializers.CharField(help_text="UU:MM")
    closes = serializers.CharField(help_text="UU:MM")


class RateSerializer(serializers.Serializer):
    tenant_kind = serializers.CharField(help_text="Code van de soort huurder, bijvoorbeeld bewonersinitiatief.")
    tenant_kind_name = serializers.CharField()
    unit = serializers.ChoiceField(choices=Unit.values, help_text="Per uur, of per dagdeel (4 uur).")
    amount = serializers.DecimalField(max_digits=8, decimal_places=2, help_text="Bedrag in euro.")


class PhotoSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="Waar de foto staat (PNG of JPEG).")
    alt = serializers.CharField(help_text="Tekst voor wie de foto niet ziet, dezelfde als op de ruimtepagina: de "
                                          "beschrijving die het bestuur gaf, anders 'Foto van' en de naam.")
    content_type = serializers.ChoiceField(choices=["image/png", "image/jpeg"])


class PublicRoomSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    capacity = serializers.IntegerField(help_text="Aantal personen.")
    size_m2 = serializers.IntegerField(allow_null=True)
    facilities = serializers.ListField(child=serializers.ChoiceField(choices=Facility.values))
    facility_names = serializers.ListField(child=serializers.CharField())
    accessibility = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    photo_url = serializers.CharField(allow_null=True, help_text="De eerste foto, of leeg; zie ook 'photos'.")
    photo_alt = serializers.CharField(allow_null=True, help_text="De tekst bij photo_url voor wie de foto niet "
                                                                 "ziet (alt-tekst), of leeg zonder foto.")
    photos = PhotoSerializer(many=True, help_text="De foto's van de ruimte (leeg als er geen is).")
    hours = HoursSerializer(many=True, help_text="Wanneer de ruimte te boeken is.")
    rates = RateSerializer(many=True, help_text="Tarieven per soort huurder (huurdifferentiatie).")
    place_code = serializers.CharField()
    place_name = serializers.CharField()
    city = serializers.CharField(allow_blank=True)
    municipality = serializers.CharField()
    municipality_code = serializers.CharField()
    url = serializers.CharField(help_text="De ruimtepagina van de plek, om een aanvraag te doen.")
    distance_km = serializers.FloatField(allow_null=True, help_text="Afstand tot 'near' in km; leeg zonder 'near'.")


class RoomErrorSerializer(serializers.Serializer):
    """The API's error shape (the project's exception handler): what went wrong, per parameter."""

    detail = serializers.CharField()
    fouten = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)
