"""Public API shape of a vacancy: what the public page shows, never who responded."""

from rest_framework import serializers

from ..models import VacancyRole


class PublicVacancySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    role = serializers.ChoiceField(choices=VacancyRole.choices)
    title = serializers.CharField(help_text="De rol, of bij 'anders' de naam die de plek gaf.")
    description = serializers.CharField()
    skills = serializers.CharField(allow_blank=True)
    hours_per_month = serializers.IntegerField(allow_null=True)
    starts_on = serializers.DateField(allow_null=True)
    ends_on = serializers.DateField(help_text="Reageren kan tot en met deze datum.")
    place_code = serializers.CharField(source="place.code")
    place_name = serializers.CharField(source="place.name")
    city = serializers.CharField(source="place.city", allow_blank=True)
    municipality = serializers.CharField(source="place.municipality.name")
    municipality_code = serializers.CharField(source="place.municipality.code")
    url = serializers.CharField(source="get_public_url", help_text="De pagina op de sociale kaart, om te reageren.")
    distance_km = serializers.FloatField(allow_null=True, required=False,
                                         help_text="Afstand tot 'near' in km; leeg zonder 'near'.")


class VacancyErrorSerializer(serializers.Serializer):
    """The API's error shape (the project's exception handler): what went wrong, per parameter."""

    detail = serializers.CharField()
    fouten = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)
