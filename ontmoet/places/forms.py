import hashlib
from functools import cache, partial

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import StyledFormMixin
from ontmoet.core.submissions import OnceFormMixin
from ontmoet.regions.models import Municipality

from . import choices, selectors, validators
from .columns import VOCABULARY_FIELDS
from .models import Place

BOOLEAN_CHOICES = [("", _("Onbekend")), ("true", _("Ja")), ("false", _("Nee"))]


class PlaceForm(StyledFormMixin, forms.ModelForm):
    """The whole profile of a place, as its board or an officer edits it."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https",
                             help_text=_("Bijvoorbeeld https://www.dorpshuis.nl"))

    class Meta:
        model = Place
        fields = [
            "name", "kind", "typology", "municipality", "city", "neighbourhood", "street", "house_number",
            "postcode", "latitude", "longitude", "description", "status", "legal_form", "building_owner",
            "staffing", "board_size", "volunteer_count", "facilities", "activities", "target_groups",
            "opening_hours_note", "wheelchair_accessible", "accessible_toilet", "hearing_loop",
            "contact_name", "email", "phone", "website", "is_public", "contact_is_public",
        ]
        widgets = {
            "facilities": forms.CheckboxSelectMultiple,
            "activities": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
            "wheelchair_accessible": forms.Select(choices=BOOLEAN_CHOICES),
            "accessible_toilet": forms.Select(choices=BOOLEAN_CHOICES),
            "hearing_loop": forms.Select(choices=BOOLEAN_CHOICES),
        }

    # Sections of the form, so a long profile reads as a few short pieces.
    SECTIONS = [
        (_("De plek"), ["name", "kind", "typology", "description", "status"]),
        (_("Adres en ligging"), ["municipality", "city", "neighbourhood", "street", "house_number", "postcode",
                                 "latitude", "longitude"]),
        (_("Organisatie"), ["legal_form", "building_owner", "staffing", "board_size", "volunteer_count"]),
        (_("Aanbod"), ["facilities", "activities", "target_groups"]),
        (_("Openingstijden"), ["open_ma", "open_di", "open_wo", "open_do", "open_vr", "open_za", "open_zo",
                               "opening_hours_note"]),
        (_("Toegankelijkheid"), ["wheelchair_accessible", "accessible_toilet", "hearing_loop"]),
        (_("Contact en openbaarheid"), ["contact_name", "email", "phone", "website", "is_public",
                                        "contact_is_public"]),
    ]

    def __init__(self, *args, scope=None, **kwargs):
        super().__init__(*args, **kwargs)
        for day, label in choices.WEEKDAYS:
            self.fields[f"open_{day}"] = forms.CharField(
                label=label.capitalize(), required=False, max_length=100,
                help_text=_("Bijvoorbeeld 09:00-12:00, 13:30-17:00. Leeg is gesloten.") if day == "ma" else "",
                initial=", ".join(self.instance.opening_hours.get(day, [])) if self.instance else "",
                widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
            )
        for name in ("wheelchair_accessible", "accessible_toilet", "hearing_loop"):
            self.fields[name] = forms.NullBooleanField(
                label=self.fields[name].label, required=False,
                widget=forms.Select(choices=BOOLEAN_CHOICES,
                                    attrs={"class": "utrecht-select utrecht-select--html-select"}),
            )
            if self.instance and self.instance.pk is not None:
                self.initial[name] = {True: "true", False: "false"}.get(getattr(self.instance, name), "")
        if scope is not None:
            municipalities = scope.municipalities(Municipality.objects.all())
            if self.instance.pk:
                municipalities = municipalities | Municipality.objects.filter(pk=self.instance.municipality_id)
            self.fields["municipality"].queryset = municipalities.distinct()
            if scope.is_board_member and not scope.is_officer:
                # A board cannot move its place to another municipality.
                self.fields["municipality"].disabled = True
        self.fields["latitude"].help_text = _("Bijvoorbeeld 52.5123 (WGS84).")
        self.fields["postcode"].widget.attrs["autocomplete"] = "postal-code"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"

    def list_values(self) -> dict:
        """The vocabulary lists as chosen, for services.save_place."""
        return {field: self.cleaned_data[field] for field in VOCABULARY_FIELDS}

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def clean_postcode(self):
        return validators.normalise_postcode(self.cleaned_data.get("postcode", ""))

    def clean(self):
        cleaned = super().clean()
        hours = {}
        for day, _label in choices.WEEKDAYS:
            try:
                ranges = validators.parse_time_ranges(cleaned.get(f"open_{day}", ""))
            except forms.ValidationError as error:
                self.add_error(f"open_{day}", error)
                continue
            if ranges:
                hours[day] = ranges
        self.instance.opening_hours = hours
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("longitude", _("Vul breedtegraad en lengtegraad allebei in, of allebei niet."))
        return cleaned


class CreatePlaceForm(OnceFormMixin, PlaceForm):
    class Meta(PlaceForm.Meta):
        fields = ["code", *PlaceForm.Meta.fields]

    SECTIONS = [(PlaceForm.SECTIONS[0][0], ["code", *PlaceForm.SECTIONS[0][1]]), *PlaceForm.SECTIONS[1:]]


FILTER_CHOICES = {
    "kind": [("", _("Alle soorten")), *choices.Kind.choices],
    "typology": [("", _("Alle typologieën")), *choices.Typology.choices],
    "staffing": [("", _("Alle vormen")), *choices.Staffing.choices],
    "status": [("", _("Alle statussen")), *choices.Status.choices],
    "verified": [("", _("Maakt niet uit")), ("verouderd", _("Langer dan 12 maanden geleden of nooit")),
                 ("actueel", _("In de afgelopen 12 maanden"))],
    "sort": [("naam", _("Naam (A-Z)")), ("-naam", _("Naam (Z-A)")), ("gemeente", _("Gemeente")),
             ("soort", _("Soort")), ("bevestigd", _("Langst niet bevestigd eerst")),
             ("-gewijzigd", _("Laatst gewijzigd eerst"))],
}


def _fixed(name: str):
    """A filter's fixed choices as a callable: every form deep-copies a list of choices (and its select
    normalises it again), a callable not; Django reads it only to render the select or check a value."""
    return lambda: FILTER_CHOICES[name]


@cache
def _fixed_choices_digest(name: str, language: str) -> str:
    """The text of one filter's fixed choices in a language (the key of its kept markup, list.html)."""
    return hashlib.sha256(repr([(value, str(label)) for value, label in FILTER_CHOICES[name]]).encode()).hexdigest()


def _with_everything(everything, names: list[tuple[int, str]]) -> list[tuple]:
    return [("", everything), *names]


class PlaceFilterForm(StyledFormMixin, forms.Form):
    """Filters of the officers' list. Invalid values are dropped, never an error page.

    Municipalities, facilities and activities are plain choices read with one narrow query each (a
    ModelChoiceField would count, build model instances and query again to validate);
    `municipality_names` (id → name, in the user's scope) is what the list uses for its scope and its rows.
    """

    q = forms.CharField(label=_("Zoek op naam, code, plaats of postcode"), required=False, max_length=100)
    municipality = forms.TypedChoiceField(label=_("Gemeente"), required=False, coerce=int, empty_value=None)
    # The fixed choices are given here as callables (_fixed), rather than set again on every form.
    kind = forms.ChoiceField(label=_("Soort plek"), required=False, choices=_fixed("kind"))
    typology = forms.ChoiceField(label=_("Typologie"), required=False, choices=_fixed("typology"))
    staffing = forms.ChoiceField(label=_("Bemensing"), required=False, choices=_fixed("staffing"))
    facility = forms.TypedChoiceField(label=_("Voorziening"), required=False, coerce=int, empty_value=None)
    activity = forms.TypedChoiceField(label=_("Activiteit"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_fixed("status"))
    verified = forms.ChoiceField(label=_("Laatst bevestigd"), required=False, choices=_fixed("verified"))
    sort = forms.ChoiceField(label=_("Sorteren op"), required=False, choices=_fixed("sort"))

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.names = selectors.filter_names(scope)
        self.municipality_names = dict(self.names["municipality"])
        # Callables: Django reads (and normalises) a list only when its select is rendered or a value is
        # checked, and most requests take the selects' markup from the fragment cache (list.html).
        for name, everything in (("municipality", _("Alle gemeenten")), ("facility", _("Alle voorzieningen")),
                                 ("activity", _("Alle activiteiten"))):
            self.fields[name].choices = partial(_with_everything, everything, self.names[name])

    def choice_fields(self) -> list[tuple[forms.BoundField, str]]:
        """Every field but the free text (the long selects), each with the key its markup is kept under.

        A field's markup depends, besides the language, only on its own value and its choices (read
        from the register, in the user's scope): kept per field, the few values each field takes are
        soon all kept, whatever combination a visitor asks for. The key is empty when the form has an
        error to show: that markup is not kept (list.html)."""
        errors = self.errors
        language = get_language()
        fields = []
        for name in self.fields:
            if name == "q":
                continue
            value = self.data.get(name) if self.is_bound else None
            # Fixed choices: their text changes only with the code, so it is read once per process; the
            # others are ids and names from the register.
            options = (_fixed_choices_digest(name, language) if name in FILTER_CHOICES
                       else repr(self.names[name]))
            key = "" if errors else hashlib.sha256(repr((name, value, options)).encode()).hexdigest()
            fields.append((self[name], key))
        return fields

    def filters(self) -> dict:
        """The valid filters; an invalid value is simply ignored."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


class ImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Bestand (CSV of XLSX)"),
        help_text=_("Hoogstens 5 MB. De kolommen staan beschreven in de handleiding voor importeren."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ONTMOET_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Het bestand is %(size)s MB; de grens is %(limit)s MB. Splits het bestand in delen.")
                % {"size": round(upload.size / 1_048_576, 1), "limit": round(limit / 1_048_576)}
            )
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Kies een CSV- of XLSX-bestand (u koos %(name)s).") % {"name": upload.name})
        return upload


class ReminderForm(forms.Form):
    places = forms.ModelMultipleChoiceField(queryset=Place.objects.none(), required=True,
                                            error_messages={"required": _("Kies minstens één plek.")})

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        if queryset is not None:
            self.fields["places"].queryset = queryset
