"""Public API shapes: only public facts about public places (opendata.public_record)."""

from rest_framework import serializers

from ontmoet.places.choices import Kind


class PublicPlaceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    kind_label = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    street = serializers.CharField(allow_blank=True)
    house_number = serializers.CharField(allow_blank=True)
    postcode = serializers.CharField(allow_blank=True)
    city = serializers.CharField(allow_blank=True)
    neighbourhood = serializers.CharField(allow_blank=True)
    municipality = serializers.CharField()
    municipality_code = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    activities = serializers.ListField(child=serializers.CharField())
    facilities = serializers.ListField(child=serializers.CharField())
    target_groups = serializers.ListField(child=serializers.CharField())
    opening_hours = serializers.DictField(child=serializers.ListField(child=serializers.CharField()),
                                          help_text="Per dag (ma, di, wo, do, vr, za, zo) de tijdvakken, "
                                                    "bijvoorbeeld {\"ma\": [\"09:00-12:00\"]}.")
    opening_hours_note = serializers.CharField(allow_blank=True)
    wheelchair_accessible = serializers.BooleanField(allow_null=True)
    accessible_toilet = serializers.BooleanField(allow_null=True)
    hearing_loop = serializers.BooleanField(allow_null=True)
    website = serializers.CharField(allow_blank=True)
    contact_name = serializers.CharField(allow_blank=True, help_text="Alleen als de plek dit openbaar maakt.")
    email = serializers.CharField(allow_blank=True, help_text="Alleen als de plek dit openbaar maakt.")
    phone = serializers.CharField(allow_blank=True, help_text="Alleen als de plek dit openbaar maakt.")
    last_verified_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()
    url = serializers.CharField(help_text="De pagina van de plek op de sociale kaart.")
    distance_km = serializers.FloatField(allow_null=True, required=False,
                                         help_text="Afstand tot het punt van 'near', alleen bij zoeken in de buurt.")


class MunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    province = serializers.CharField(source="province.name")


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    fouten = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)
