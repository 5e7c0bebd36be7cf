"""The board's activity form and the public agenda search form."""

from datetime import timedelta

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ontmoet.core.forms import StyledFormMixin
from ontmoet.places.models import Activity as ActivityKind
from ontmoet.places.models import TargetGroup

from . import recurrence
from .models import Activity, Recurrence, Weekday


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


def _day(day) -> str:
    return formats.date_format(day, "DATE_FORMAT")


class ActivityForm(StyledFormMixin, forms.ModelForm):
    """One page for an activity; the rule is checked here, before anything is written."""

    weekdays = forms.TypedMultipleChoiceField(label=_("Op welke dagen"), required=False, coerce=int,
                                              choices=Weekday.choices, widget=forms.CheckboxSelectMultiple,
                                              help_text=_("Alleen bij wekelijks."))

    class Meta:
        model = Activity
        fields = ["title", "kind", "description", "target_groups", "recurrence", "weekdays", "month_week",
                  "month_weekday", "starts_on", "ends_on", "start_time", "end_time", "skip_public_holidays",
                  "cost", "walk_in", "second_home", "accessibility", "contact_name", "contact_phone",
                  "contact_email"]
        widgets = {"recurrence": forms.RadioSelect, "target_groups": forms.CheckboxSelectMultiple,
                   "starts_on": DateInput(), "ends_on": DateInput(), "start_time": TimeInput(),
                   "end_time": TimeInput(), "description": forms.Textarea(attrs={"rows": 4}),
                   "cost": forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"})}
        help_texts = {
            "month_week": _("Alleen bij maandelijks: bijvoorbeeld de tweede dinsdag of de laatste vrijdag."),
            "starts_on": _("Bij eenmalig de datum; anders de eerste keer."),
            "ends_on": _("Leeg: de activiteit loopt door."),
            "skip_public_holidays": _("Op officiële feestdagen (Koningsdag, Pasen, Kerstmis, ...) gaat het niet door."),
            "cost": _("0 is gratis."),
            "walk_in": _("Iedereen kan zonder aanmelden binnenlopen."),
            "second_home": _("Laagdrempelig, een luisterend oor: een plek om er gewoon te zijn."),
            "contact_name": _("Openbaar: wie bezoekers kunnen bellen of mailen over deze activiteit."),
        }
        error_messages = {
            "cost": {"min_value": _("De kosten kunnen niet negatief zijn: vul 0 in als het gratis is."),
                     "invalid": _("Vul de kosten in als bedrag, bijvoorbeeld 2,50.")},
            "starts_on": {"invalid": _("Vul een geldige datum in.")},
            "ends_on": {"invalid": _("Vul een geldige datum in.")},
            "start_time": {"invalid": _("Vul een tijd in als uu:mm, bijvoorbeeld 09:30.")},
            "end_time": {"invalid": _("Vul een tijd in als uu:mm, bijvoorbeeld 11:30.")},
        }

    SECTIONS = [
        (_("Wat"), ["title", "kind", "description", "target_groups"]),
        (_("Wanneer"), ["recurrence", "weekdays", "month_week", "month_weekday", "starts_on", "ends_on",
                        "start_time", "end_time", "skip_public_holidays"]),
        (_("Voor bezoekers"), ["cost", "walk_in", "second_home", "accessibility"]),
        (_("Contact"), ["contact_name", "contact_phone", "contact_email"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = ActivityKind.objects.all()
        self.fields["target_groups"].queryset = TargetGroup.objects.all()
        self.fields["recurrence"].choices = Recurrence.choices  # no empty choice for radio buttons
        if self.instance.pk:
            self.initial["weekdays"] = self.instance.weekdays

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def clean(self):
        data = super().clean()
        kind = data.get("recurrence")
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if kind == Recurrence.WEEKLY and not data.get("weekdays"):
            self.add_error("weekdays", _("Kies op welke dag of dagen de activiteit is."))
        if kind == Recurrence.MONTHLY:
            if data.get("month_week") is None:
                self.add_error("month_week", _("Kies welke week van de maand: de eerste tot vierde of de laatste."))
            if data.get("month_weekday") is None:
                self.add_error("month_weekday", _("Kies op welke dag van de week."))
        if kind != Recurrence.WEEKLY:
            data["weekdays"] = []
        if kind != Recurrence.MONTHLY:
            data["month_week"] = data["month_weekday"] = None
        if kind == Recurrence.ONCE:
            data["ends_on"] = ends_on = None
        if starts_on and ends_on:
            if ends_on < starts_on:
                self.add_error("ends_on", _("De laatste datum ligt vóór de eerste datum."))
            elif ends_on > starts_on + timedelta(days=365 * recurrence.MAX_SERIES_YEARS + 1):
                self.add_error("ends_on", _("Een reeks loopt hoogstens %(years)s jaar. Kies een eerdere laatste "
                                            "datum.") % {"years": recurrence.MAX_SERIES_YEARS})
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("De eindtijd ligt niet na de begintijd."))
        if not self.errors and starts_on:
            self._check_dates(data)
        return data

    def _check_dates(self, data):
        cancelled = self.instance.cancelled_dates.values_list("date", flat=True) if self.instance.pk else ()
        rule = recurrence.Rule(
            recurrence=data["recurrence"], starts_on=data["starts_on"], ends_on=data.get("ends_on"),
            weekdays=tuple(data.get("weekdays") or ()), month_week=data.get("month_week"),
            month_weekday=data.get("month_weekday"), skip_public_holidays=data.get("skip_public_holidays", False),
            cancelled=frozenset(cancelled))
        days = recurrence.dates(rule, rule.starts_on, recurrence.series_end(rule))
        if len(days) > recurrence.MAX_DATES:
            self.add_error("ends_on", ngettext(
                "Dit zijn %(count)s data; hoogstens %(max)s kan. Kies een eerdere laatste datum of minder dagen.",
                "Dit zijn %(count)s data; hoogstens %(max)s kan. Kies een eerdere laatste datum of minder dagen.",
                len(days)) % {"count": len(days), "max": recurrence.MAX_DATES})
            return
        if not days:
            self.add_error("starts_on", _("Met deze keuzes valt de activiteit op geen enkele datum. Kies een andere "
                                          "eerste datum of andere dagen."))
            return
        missing = recurrence.missing_times(days, data["start_time"], data["end_time"])
        if missing:
            field = "start_time" if recurrence.moment(missing[0], data["start_time"]) is None else "end_time"
            self.add_error(field, _("Deze tijd bestaat niet op %(day)s: dan gaat de klok van 02:00 naar 03:00 "
                                    "(zomertijd). Kies een andere tijd.") % {"day": _day(missing[0])})

    def save_rule(self) -> Activity:
        """The instance with the cleaned rule, not yet saved (the service saves it with its dates)."""
        activity = self.save(commit=False)
        activity.weekdays = sorted(self.cleaned_data.get("weekdays") or [])
        activity.month_week = self.cleaned_data.get("month_week")
        activity.month_weekday = self.cleaned_data.get("month_weekday")
        activity.ends_on = self.cleaned_data.get("ends_on")
        return activity


class CancelDateForm(forms.Form):
    date = forms.DateField()


WHEN_CHOICES = [("vandaag", _("Vandaag")), ("morgen", _("Morgen")), ("week", _("Deze week")),
                ("datum", _("Op datum"))]
RADIUS_CHOICES = [(str(km), _("%(km)s km") % {"km": km}) for km in (2, 5, 10, 15, 25, 50)]
DEFAULT_RADIUS_KM = 10


class AgendaSearchForm(StyledFormMixin, forms.Form):
    """The public agenda's filters; every field is optional and a bad one is reported and left out."""

    wanneer = forms.ChoiceField(label=_("Wanneer"), required=False, choices=WHEN_CHOICES, widget=forms.RadioSelect)
    datum = forms.DateField(label=_("Datum"), required=False, widget=DateInput(),
                            help_text=_("Bij ‘Op datum’."), error_messages={"invalid": _("Vul een geldige datum in.")})
    # The date the page showed results for: a date that differs from it was typed now, and is searched for.
    getoond = forms.CharField(required=False, widget=forms.HiddenInput)
    near = forms.CharField(label=_("In de buurt van"), required=False, max_length=100,
                           help_text=_("Postcode, dorp of stad, bijvoorbeeld 8102 of Heeten."),
                           error_messages={"max_length": _("Gebruik hoogstens %(limit_value)d tekens.")})
    radius = forms.TypedChoiceField(label=_("Straal"), required=False, coerce=int, choices=RADIUS_CHOICES,
                                    empty_value=None)
    kind = forms.ModelChoiceField(label=_("Soort activiteit"), required=False, queryset=ActivityKind.objects.all(),
                                  to_field_name="code", empty_label=_("Alle soorten"))
    target_group = forms.ModelChoiceField(label=_("Doelgroep"), required=False, queryset=TargetGroup.objects.all(),
                                          to_field_name="code", empty_label=_("Alle doelgroepen"))
    free = forms.BooleanField(label=_("Gratis"), required=False)
    walk_in = forms.BooleanField(label=_("Open inloop"), required=False)
    wheelchair = forms.BooleanField(label=_("Rolstoeltoegankelijk"), required=False)

    INVALID_CHOICE = _("Deze keuze bestaat niet (meer); het filter is niet gebruikt.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["radius"].initial = str(DEFAULT_RADIUS_KM)
        self.fields["wanneer"].initial = "week"  # what the agenda shows when nothing is chosen
        if self.is_bound:
            self.data = self._when_as_meant(self.data)
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
                field.error_messages["invalid_choice"] = self.INVALID_CHOICE

    @staticmethod
    def _when_as_meant(data):
        """A typed date means "Op datum", whatever is ticked: a date differing from the one the page showed
        (`getoond`) was typed now. The date the page showed, sent again with another choice ticked, gives way
        to that choice and is cleared. Nothing ticked and no date: this week, ticked."""
        data = data.copy()
        typed, when = data.get("datum", "").strip(), data.get("wanneer", "")
        if typed and (not when or (when != "datum" and typed != data.get("getoond", ""))):
            when = "datum"
        elif not when:
            when = "week"
        if when != "datum":
            typed = ""
        data["wanneer"], data["datum"], data["getoond"] = when, typed, typed
        return data

    def fields_cache_key(self) -> str:
        """What the kept fields' markup depends on besides the vocabularies and the language: the values asked
        for, except the place (`near` is rendered apart, search.html). Empty when a field has an error to show
        (that markup is not kept)."""
        if self.is_bound and self.errors:
            return ""
        return repr(tuple(self.data.get(name) for name in self.fields if name != "near") if self.is_bound else ())

    def clean(self):
        data = super().clean()
        if data.get("wanneer") == "datum" and not data.get("datum") and "datum" not in self.errors:
            self.add_error("datum", _("Kies een datum, of kies vandaag, morgen of deze week."))
        return data

    def filters(self) -> dict:
        """The valid part of the query, with the date window worked out."""
        data = {}
        if self.is_bound:
            self.is_valid()
            data = {key: value for key, value in self.cleaned_data.items()
                    if value not in (None, "", False) and key != "getoond"}
        today = timezone.localdate()
        when = data.get("wanneer") or ("datum" if data.get("datum") else "week")
        if when == "datum" and data.get("datum"):
            first = last = data["datum"]
        elif when == "morgen":
            first = last = today + timedelta(days=1)
        elif when == "vandaag":
            first = last = today
        else:  # "deze week": the coming seven days, so that on a Saturday it is not just the weekend
            when, first, last = "week", today, today + timedelta(days=6)
        data.update(wanneer=when, first=first, last=last)
        if data.get("near"):
            data.setdefault("radius", DEFAULT_RADIUS_KM)
        else:
            data.pop("radius", None)
        return data
