"""The public search form and the 'klopt er iets niet?' report form."""

from functools import partial

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import SpamCheckMixin, StyledFormMixin
from ontmoet.core.pagecache import current_stamp
from ontmoet.core.submissions import OnceFormMixin
from ontmoet.places import choices

from . import selectors

SORT_CHOICES = [("", _("Vanzelf (relevantie of afstand)")), ("relevantie", _("Relevantie")), ("naam", _("Naam")),
                ("afstand", _("Afstand"))]
RADIUS_CHOICES = [("", _("Geen")), *[(str(km), _("%(km)s km") % {"km": km}) for km in (1, 2, 5, 10, 15, 25, 50)]]
YES_ONLY = [("", _("Maakt niet uit")), ("ja", _("Ja"))]

FIXED_CHOICES = {
    "kind": [("", _("Alle soorten")), *choices.Kind.choices],
    "day": [("", _("Elke dag")), *choices.WEEKDAYS],
    "wheelchair": YES_ONLY,
    "sort": SORT_CHOICES,
}


def _fixed(name: str):
    """Fixed choices as a callable: every form deep-copies a list of choices (and its select normalises
    it again), a callable not; Django reads it only to render the select or check a value."""
    return lambda: FIXED_CHOICES[name]


def register_choices(stamp: str, language: str) -> dict[str, list[tuple[str, str]]]:
    """The choices read from the register (municipalities with a public place, the vocabularies).

    Kept in the cache per directory stamp and language: the stamp changes with every change to them
    (core.pagecache), and reading it is one query instead of four. Without a stamp (a database nobody
    wrote to yet) they are read every time: nothing would tell when to read them again.
    """
    key = f"directory:choices:{stamp}:{language}"
    kept = cache.get(key) if stamp else None
    if kept is None:
        lists = selectors.vocabulary_choices()
        kept = {
            "municipality": [("", str(_("Alle gemeenten"))), *selectors.municipality_choices()],
            "activity": [("", str(_("Alle activiteiten"))), *lists["activity"]],
            "facility": [("", str(_("Alle voorzieningen"))), *lists["facility"]],
            "target_group": [("", str(_("Alle doelgroepen"))), *lists["target_group"]],
        }
        if stamp:
            cache.set(key, kept, None)
    return kept


class SearchForm(StyledFormMixin, forms.Form):
    """All filters of the sociale kaart. Every field is optional; invalid ones are reported and ignored."""

    q = forms.CharField(label=_("Zoek op naam, plaats, activiteit of voorziening"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
                        error_messages={"max_length": _("Gebruik hoogstens %(limit_value)d tekens om te zoeken.")})
    near = forms.CharField(label=_("In de buurt van"), required=False, max_length=100,
                           help_text=_("Postcode, dorp, stad of coördinaten, bijvoorbeeld 8102 of Heeten."),
                           error_messages={"max_length": _("Gebruik hoogstens %(limit_value)d tekens.")})
    radius = forms.DecimalField(label=_("Straal (km)"), required=False, min_value=0.1, max_value=200,
                                max_digits=5, decimal_places=1,
                                widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
                                error_messages={
                                    "min_value": _("Kies een straal van meer dan 0 km."),
                                    "max_value": _("Kies een straal van hoogstens 200 km."),
                                    "invalid": _("Vul de straal in als getal, bijvoorbeeld 5."),
                                })
    municipality = forms.ChoiceField(label=_("Gemeente"), required=False)
    # The fixed choices are given here as callables (_fixed), rather than set again on every form.
    kind = forms.ChoiceField(label=_("Soort plek"), required=False, choices=_fixed("kind"))
    activity = forms.ChoiceField(label=_("Activiteit"), required=False)
    facility = forms.ChoiceField(label=_("Voorziening"), required=False)
    target_group = forms.ChoiceField(label=_("Doelgroep"), required=False)
    day = forms.ChoiceField(label=_("Open op"), required=False, choices=_fixed("day"))
    wheelchair = forms.ChoiceField(label=_("Rolstoeltoegankelijk"), required=False, choices=_fixed("wheelchair"))
    sort = forms.ChoiceField(label=_("Sorteer op"), required=False, choices=_fixed("sort"))

    INVALID_CHOICE = _("Deze keuze bestaat niet (meer); het filter is niet gebruikt.")
    MAIN_FIELDS = ("q", "near", "radius")  # always shown; the others sit under "Meer filters"

    def __init__(self, *args, stamp: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        language = translation.get_language() or settings.LANGUAGE_CODE
        # The page cache has read it for the request already (views.run_search passes it on).
        self.stamp = current_stamp("directory") if stamp is None else stamp
        kept = register_choices(self.stamp, language)
        for name in kept:
            # A callable: Django reads (and normalises) the list only when the select is rendered or a
            # value is checked, and most searches take the selects' markup from the fragment cache.
            self.fields[name].choices = partial(kept.__getitem__, name)
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = self.INVALID_CHOICE

    def filter_fields(self) -> list[forms.BoundField]:
        """The fields under "Meer filters"."""
        return [self[name] for name in self.fields if name not in self.MAIN_FIELDS]

    def _values_key(self, names) -> str:
        """The values asked for in these fields, as a fragment cache key (search.html); empty when one of
        them has an error to show: that markup is not kept."""
        if any(name in self.errors for name in names):
            return ""
        return repr(tuple(self.data.get(name) for name in names) if self.is_bound else ())

    def main_fields_with_keys(self) -> list[tuple[forms.BoundField, str]]:
        """The three main fields, each with the key its markup is kept under (search.html).

        A main field's markup depends, besides the language, only on its own value: kept per field, the
        places and radii asked for (and the commoner words) are soon all kept, whatever combination a
        search asks for. The key is empty when the field has an error to show: that markup is not kept."""
        return [(self[name], self._values_key([name])) for name in self.MAIN_FIELDS]

    def filter_fields_cache_key(self) -> str:
        """What the filter fields' markup depends on besides the choices (directory stamp, language):
        the values asked for."""
        return self._values_key([name for name in self.fields if name not in self.MAIN_FIELDS])

    def clean(self):
        data = super().clean()
        if data.get("radius") and not data.get("near"):
            self.add_error("near", _("Vul een postcode of plaats in om binnen een straal te zoeken."))
        return data

    def filters(self) -> dict:
        """The valid part of the query: a bad field is reported on the page and left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}
        if "radius" in data:
            data["radius"] = float(data["radius"])
        data["wheelchair"] = data.get("wheelchair") == "ja"
        return data


class HomeSearchForm(StyledFormMixin, forms.Form):
    """The start page's two questions; sent (GET) straight to the sociale kaart, whose form has the same names."""

    q = forms.CharField(label=_("Wat zoekt u?"), required=False, max_length=200,
                        help_text=_("Bijvoorbeeld biljarten, koffieochtend of de naam van een dorpshuis."),
                        widget=forms.TextInput(attrs={"type": "search"}))
    near = forms.CharField(label=_("Waar? postcode of plaats"), required=False, max_length=100,
                           help_text=_("Bijvoorbeeld 8102 of Heeten. Leeg laten om overal te zoeken."),
                           widget=forms.TextInput(attrs={"autocomplete": "postal-code"}))


class ReportForm(SpamCheckMixin, OnceFormMixin, StyledFormMixin, forms.Form):
    """'Klopt er iets niet?': what is wrong, an optional address, and two silent spam checks."""

    message = forms.CharField(label=_("Wat klopt er niet?"), max_length=2000, min_length=10,
                              widget=forms.Textarea(attrs={"rows": 5}),
                              help_text=_("Bijvoorbeeld: de openingstijden zijn veranderd, of de plek is verhuisd."),
                              error_messages={
                                  "required": _("Schrijf kort wat er niet klopt."),
                                  "min_length": _("Schrijf iets meer, minstens %(limit_value)d tekens."),
                                  "max_length": _("Houd het kort: hoogstens %(limit_value)d tekens "
                                                  "(nu %(show_value)d)."),
                              })
    email = forms.EmailField(label=_("Uw e-mailadres (niet verplicht)"), required=False, max_length=254,
                             help_text=_("Alleen als u wilt dat de provincie u iets kan vragen. "
                                         "Het wordt nooit getoond en niet aan de plek doorgegeven."),
                             error_messages={"invalid": _("Vul een geldig e-mailadres in, of laat het veld leeg.")})
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))
    token = forms.CharField(widget=forms.HiddenInput)

    SALT, MIN_SECONDS_SETTING = "directory.report", "DIRECTORY_REPORT_MIN_SECONDS"
