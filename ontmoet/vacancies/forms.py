from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import SpamCheckMixin, StyledFormMixin
from ontmoet.core.submissions import OnceFormMixin

from . import selectors
from .models import ResponseStatus, Vacancy, VacancyRole
from .services import vacancy_errors

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VacancyForm(StyledFormMixin, forms.ModelForm):
    """The board's form; the checks are the service's (services.vacancy_errors), shown next to each field."""

    class Meta:
        model = Vacancy
        fields = ["role", "role_other", "description", "skills", "hours_per_month", "starts_on", "ends_on"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5}), "skills": forms.Textarea(attrs={"rows": 3}),
                   "starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET}
        error_messages = {
            "role": {"required": _("Kies een rol: wie zoekt de plek?"),
                     "invalid_choice": _("Kies een rol uit de lijst.")},
            "description": {"required": _("Schrijf kort wat de vrijwilliger gaat doen.")},
            "hours_per_month": {"invalid": _("Vul een heel aantal uren in, bijvoorbeeld 8.")},
            "starts_on": {"invalid": _("Vul een geldige datum in, bijvoorbeeld 1-9-2026.")},
            "ends_on": {"required": _("Vul in tot wanneer de vacature open staat."),
                        "invalid": _("Vul een geldige datum in, bijvoorbeeld 31-12-2026.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("Kies een rol")), *VacancyRole.choices]
        if not self.instance.pk and not self.is_bound:
            self.initial["ends_on"] = timezone.localdate() + timedelta(days=90)

    def clean(self):
        data = super().clean()
        current = self.instance.pk is None or self.instance.is_open
        for field, message in vacancy_errors(data, timezone.localdate(), current=current).items():
            if field not in self.errors:  # one message per field: the first problem found
                self.add_error(field, message)
        return data

    def _post_clean(self):
        # The service writes; the model's own validation would only repeat (in English) what clean() said.
        pass


NAME_ERRORS = {"required": _("Vul uw naam in.")}
EMAIL_ERRORS = {"required": _("Vul uw e-mailadres in, zodat de plek u kan antwoorden."),
                "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")}
PHONE_HELP = _("Niet verplicht; alleen als u liever gebeld wordt.")


class ResponseForm(SpamCheckMixin, OnceFormMixin, StyledFormMixin, forms.Form):
    SALT, MIN_SECONDS_SETTING = "vacancies.public", "VACANCIES_FORM_MIN_SECONDS"
    name = forms.CharField(label=_("Uw naam"), max_length=200, error_messages=NAME_ERRORS,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Uw e-mailadres"), max_length=254, error_messages=EMAIL_ERRORS,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(label=_("Uw telefoonnummer (niet verplicht)"), max_length=30, required=False,
                            help_text=PHONE_HELP, widget=forms.TextInput(attrs={"autocomplete": "tel"}))
    message = forms.CharField(label=_("Uw bericht"), max_length=3000, min_length=10,
                              widget=forms.Textarea(attrs={"rows": 5}),
                              help_text=_("Vertel kort wie u bent en waarom deze vacature u trekt."),
                              error_messages={"required": _("Schrijf een kort bericht aan de plek."),
                                              "min_length": _("Schrijf iets meer, minstens %(limit_value)d tekens."),
                                              "max_length": _("Houd het kort: hoogstens %(limit_value)d tekens "
                                                              "(nu %(show_value)d).")})


class HelpOfferForm(SpamCheckMixin, OnceFormMixin, StyledFormMixin, forms.Form):
    SALT, MIN_SECONDS_SETTING = "vacancies.public", "VACANCIES_FORM_MIN_SECONDS"
    municipality = forms.ModelChoiceField(label=_("In welke gemeente wilt u helpen?"), queryset=None,
                                          empty_label=_("Kies een gemeente"),
                                          error_messages={"required": _("Kies de gemeente waar u wilt helpen."),
                                                          "invalid_choice": _("Kies een gemeente uit de lijst.")})
    name = forms.CharField(label=_("Uw naam"), max_length=200, error_messages=NAME_ERRORS,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Uw e-mailadres"), max_length=254, error_messages=EMAIL_ERRORS,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(label=_("Uw telefoonnummer (niet verplicht)"), max_length=30, required=False,
                            help_text=PHONE_HELP, widget=forms.TextInput(attrs={"autocomplete": "tel"}))
    interests = forms.CharField(label=_("Wat doet u graag?"), max_length=2000, min_length=5,
                                widget=forms.Textarea(attrs={"rows": 4}),
                                help_text=_("Bijvoorbeeld: koffie schenken, klussen, de administratie, "
                                            "iets organiseren voor ouderen."),
                                error_messages={"required": _("Schrijf kort wat u graag zou doen."),
                                                "min_length": _("Schrijf iets meer, minstens %(limit_value)d "
                                                                "tekens.")})
    consent = forms.BooleanField(label=_("Ik geef toestemming dat de besturen van de plekken in deze gemeente "
                                         "mijn naam, e-mailadres en telefoonnummer zien om contact met mij op "
                                         "te nemen."),
                                 error_messages={"required": _("Zonder uw toestemming kunnen de besturen u niet "
                                                               "benaderen: vink het vakje aan.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = selectors.public_municipalities()


class AnswerForm(StyledFormMixin, forms.Form):
    answer = forms.CharField(label=_("Uw antwoord"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
                             help_text=_("Gaat per e-mail naar de reageerder; een antwoord komt bij u terug."),
                             error_messages={"required": _("Schrijf een antwoord.")})


RADII = [(5, _("5 km")), (10, _("10 km")), (25, _("25 km")), (50, _("50 km"))]


class SearchForm(StyledFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Rol"), required=False, choices=[("", _("Alle rollen")), *VacancyRole.choices])
    municipality = forms.ModelChoiceField(label=_("Gemeente"), required=False, queryset=None,
                                          empty_label=_("Alle gemeenten"))
    near = forms.CharField(label=_("In de buurt van (postcode of plaats)"), required=False, max_length=100,
                           widget=forms.TextInput(attrs={"autocomplete": "postal-code"}))
    radius = forms.TypedChoiceField(label=_("Afstand"), required=False, choices=RADII, coerce=int, empty_value=10,
                                    initial=10)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = selectors.public_municipalities()
        if self.is_bound and not self.data.get("radius"):
            # A search without a distance (a link with only ?near=) uses 10 km; the select must say so, or the
            # browser shows its first option, 5 km, for a search that used 10.
            self.data = self.data.copy()
            self.data["radius"] = str(self.fields["radius"].initial)

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}


class ResponseFilterForm(StyledFormMixin, forms.Form):
    """The board's list of responses, by status; an unknown status is told next to the field and not used."""

    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Alle")), *ResponseStatus.choices],
                               error_messages={"invalid_choice": _("Kies een status uit de lijst.")})

    def status_value(self) -> str:
        return self.cleaned_data.get("status", "") if self.is_valid() else ""
