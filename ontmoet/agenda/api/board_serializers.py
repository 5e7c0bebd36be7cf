"""The agenda's management API shape. Input is checked by the web form (forms.ActivityForm) after these
types: the same rules and messages as the board's page (more than 500 dates, end before start, a time
that does not exist on a clock-change day)."""

from django.utils import timezone
from rest_framework import serializers

from ontmoet.core.api import ClockField
from ontmoet.core.serializers import TextInputSerializerMixin

from .. import selectors
from ..models import Activity, MonthWeek, Recurrence

NEXT_DATES = 10


class ActivitySerializer(serializers.ModelSerializer):
    kind = serializers.SlugRelatedField(slug_field="code", read_only=True)
    target_groups = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    weekdays = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=6),
                                     help_text="Bij wekelijks: 0 = maandag ... 6 = zondag.")
    start_time = ClockField(read_only=True)
    end_time = ClockField(read_only=True)
    contact_email = serializers.CharField(read_only=True)
    schedule = serializers.CharField(read_only=True, help_text="De herhaling in woorden.")
    cancelled_dates = serializers.SerializerMethodField(help_text="Data waarop de activiteit niet doorgaat.")
    next_dates = serializers.SerializerMethodField(help_text=f"De eerstvolgende {NEXT_DATES} keren.")
    needs_confirmation = serializers.SerializerMethodField(
        help_text="Waar: bevestig de activiteit binnenkort (bevestigen), anders verdwijnt zij uit de openbare "
                  "agenda.")

    class Meta:
        model = Activity
        fields = ["id", "title", "kind", "description", "target_groups", "recurrence", "weekdays", "month_week",
                  "month_weekday", "starts_on", "ends_on", "start_time", "end_time", "skip_public_holidays",
                  "schedule", "cancelled_dates", "next_dates", "cost", "walk_in", "second_home", "accessibility",
                  "contact_name", "contact_phone", "contact_email", "last_confirmed_at", "needs_confirmation",
                  "updated_at"]
        read_only_fields = fields

    def get_cancelled_dates(self, activity) -> list[str]:
        return [cancelled.date.isoformat() for cancelled in activity.cancelled_dates.all()]

    def get_next_dates(self, activity) -> list[str]:
        dates = getattr(activity, "upcoming", None)  # prefetched for the list (selectors.place_activities)
        if dates is None:
            dates = activity.dates.filter(date__gte=timezone.localdate()).order_by("starts_at")
        dates = dates[:NEXT_DATES]
        return [timezone.localtime(row.starts_at).isoformat() for row in dates]

    def get_needs_confirmation(self, activity) -> bool:
        return activity.last_confirmed_at < selectors.warn_cutoff()


class ActivityInputSerializer(TextInputSerializerMixin, serializers.Serializer):
    """Types only; what is required and what fits together is the form's (the web page's) to say."""

    title = serializers.CharField(required=False, allow_blank=True, max_length=200)
    kind = serializers.CharField(required=False, help_text="Code uit de lijst van activiteiten, bijv. "
                                                          "'koffiemomenten'.")
    description = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    target_groups = serializers.ListField(child=serializers.CharField(max_length=50), required=False,
                                          help_text="Codes van doelgroepen.")
    recurrence = serializers.ChoiceField(choices=Recurrence.choices, required=False)
    weekdays = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=6), required=False,
                                     help_text="Bij wekelijks: 0 = maandag ... 6 = zondag.")
    month_week = serializers.ChoiceField(choices=MonthWeek.choices, required=False, allow_null=True,
                                         help_text="Bij maandelijks: 1..4, of -1 voor de laatste.")
    month_weekday = serializers.IntegerField(min_value=0, max_value=6, required=False, allow_null=True,
                                             help_text="Bij maandelijks: 0 = maandag ... 6 = zondag.")
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField(required=False, allow_null=True)
    start_time = ClockField(required=False)
    end_time = ClockField(required=False)
    skip_public_holidays = serializers.BooleanField(required=False)
    cost = serializers.DecimalField(max_digits=7, decimal_places=2, required=False)
    walk_in = serializers.BooleanField(required=False)
    second_home = serializers.BooleanField(required=False)
    accessibility = serializers.CharField(required=False, allow_blank=True, max_length=300)
    contact_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    contact_phone = serializers.CharField(required=False, allow_blank=True, max_length=30)
    contact_email = serializers.CharField(required=False, allow_blank=True, max_length=254)


class DateInputSerializer(serializers.Serializer):
    date = serializers.DateField()


class ConfirmedSerializer(serializers.Serializer):
    confirmed = serializers.IntegerField(help_text="Het aantal bevestigde activiteiten.")
