"""Public API shape of an activity: what /kaart/agenda/ shows, with its coming dates."""

from rest_framework import serializers


class DateSerializer(serializers.Serializer):
    date = serializers.DateField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class PublicActivitySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.CharField(help_text="Code van de soort activiteit (zie het filter 'kind').")
    kind_name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    schedule = serializers.CharField(help_text="Het ritme in woorden, bijvoorbeeld 'elke dinsdag en donderdag'.")
    recurrence = serializers.ChoiceField(source="recurrence_code", choices=["eenmalig", "wekelijks", "maandelijks"])
    starts_on = serializers.DateField(help_text="De (eerste) datum.")
    ends_on = serializers.DateField(allow_null=True, help_text="De laatste datum; leeg: zonder einddatum.")
    start_time = serializers.CharField(help_text="UU:MM")
    end_time = serializers.CharField(help_text="UU:MM")
    skip_public_holidays = serializers.BooleanField()
    cost = serializers.DecimalField(max_digits=7, decimal_places=2,
                                    help_text="Kosten per keer in euro; 0.00 is gratis.")
    free = serializers.BooleanField()
    walk_in = serializers.BooleanField(help_text="Open inloop: kom zonder aanmelden.")
    second_home = serializers.BooleanField(help_text="Tweede thuis: laagdrempelig, een luisterend oor.")
    target_groups = serializers.ListField(child=serializers.CharField())
    accessibility = serializers.CharField(allow_blank=True)
    wheelchair_accessible = serializers.BooleanField(allow_null=True, help_text="Van de plek.")
    contact_name = serializers.CharField(allow_blank=True, help_text="Het openbare contact van de organisator.")
    contact_phone = serializers.CharField(allow_blank=True)
    contact_email = serializers.CharField(allow_blank=True)
    place_code = serializers.CharField()
    place_name = serializers.CharField()
    city = serializers.CharField(allow_blank=True)
    municipality = serializers.CharField()
    municipality_code = serializers.CharField()
    url = serializers.CharField(help_text="De pagina van de plek op de sociale kaart.")
    distance_km = serializers.FloatField(allow_null=True, help_text="Afstand tot 'near' in km; leeg zonder 'near'.")
    next_dates = DateSerializer(many=True, help_text="De komende keren (binnen het gevraagde venster), hoogstens 10.")


class ActivityErrorSerializer(serializers.Serializer):
    """The API's error shape (the project's exception handler): what went wrong, per parameter."""

    detail = serializers.CharField()
    fouten = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)
