"""Place management over the API: the same fields, validators and service as the web form."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from ontmoet.core.serializers import TextInputSerializerMixin
from ontmoet.regions.models import Municipality

from .. import choices, validators
from ..models import Activity, Facility, Place, TargetGroup

LIST_FIELDS = ["facilities", "activities", "target_groups"]


class PlaceSerializer(TextInputSerializerMixin, serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", queryset=Municipality.objects.all(),
                                                help_text="CBS-code, bijvoorbeeld GM0177.")
    facilities = serializers.SlugRelatedField(slug_field="code", many=True, required=False,
                                              queryset=Facility.objects.all())
    activities = serializers.SlugRelatedField(slug_field="code", many=True, required=False,
                                              queryset=Activity.objects.all())
    target_groups = serializers.SlugRelatedField(slug_field="code", many=True, required=False,
                                                 queryset=TargetGroup.objects.all())
    opening_hours = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField(max_length=20)), required=False,
        help_text="Per dag (ma..zo) de tijdvakken, bijvoorbeeld {\"ma\": [\"09:00-12:00\"]}. Ontbrekende dag: dicht.")

    class Meta:
        model = Place
        fields = [
            "code", "name", "kind", "typology", "municipality", "city", "neighbourhood", "street", "house_number",
            "postcode", "latitude", "longitude", "description", "status", "legal_form", "building_owner",
            "staffing", "board_size", "volunteer_count", "facilities", "activities", "target_groups",
            "opening_hours", "opening_hours_note", "wheelchair_accessible", "accessible_toilet", "hearing_loop",
            "contact_name", "email", "phone", "website", "is_public", "contact_is_public", "last_verified_at",
            "updated_at",
        ]
        read_only_fields = ["last_verified_at", "updated_at"]

    def __init__(self, *args, scope=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        if self.instance is not None and not isinstance(self.instance, list | tuple) and hasattr(self.instance, "pk"):
            self.fields["code"].read_only = True

    def validate_postcode(self, value):
        try:
            return validators.normalise_postcode(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error

    def validate_opening_hours(self, value):
        days = dict(choices.WEEKDAYS)
        cleaned = {}
        for day, ranges in value.items():
            if day not in days:
                raise serializers.ValidationError(f"Onbekende dag '{day}'; gebruik ma, di, wo, do, vr, za of zo.")
            try:
                parsed = validators.parse_time_ranges(", ".join(ranges))
            except DjangoValidationError as error:
                raise serializers.ValidationError(error.messages) from error
            if parsed:
                cleaned[day] = parsed
        return cleaned

    def validate_municipality(self, value):
        scope = self.scope
        current = getattr(self.instance, "municipality_id", None)
        if value.pk == current:
            return value
        allowed = scope.municipalities(Municipality.objects.all()) if scope else Municipality.objects.none()
        if not allowed.filter(pk=value.pk).exists():
            raise serializers.ValidationError("U kunt geen plekken in deze gemeente beheren.")
        return value

    def validate(self, attrs):
        lat = attrs.get("latitude", getattr(self.instance, "latitude", None))
        lon = attrs.get("longitude", getattr(self.instance, "longitude", None))
        if (lat is None) != (lon is None):
            raise serializers.ValidationError({"latitude": ["Vul breedtegraad en lengtegraad allebei in, of geen "
                                                            "van beide."]})
        return attrs
