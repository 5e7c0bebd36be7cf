"""Forms of the knowledge network. Every message says in Dutch what to fix."""

import time

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import StyledFormMixin
from ontmoet.core.submissions import OnceFormMixin
from ontmoet.core.uploads import validate_attachment
from ontmoet.places.choices import Kind, LegalForm
from ontmoet.places.models import Facility
from ontmoet.regions.models import Municipality

from . import tokens
from .models import (
    Aanspreekpunt,
    ContactMoment,
    DigestPreference,
    Event,
    FundingScheme,
    GroupDocument,
    Material,
    Module,
    MunicipalContact,
    Post,
)

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class HttpsURLField(forms.URLField):
    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def check_web_link(value: str) -> None:
    if value and not value.lower().startswith(("https://", "http://")):
        raise ValidationError(_("Een link begint met https:// (bijvoorbeeld https://meet.example.nl/abc)."))


class EventForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    """Province staff choose the area (province-wide or one municipality); municipal officers organise for
    their own municipality. Times are Europe/Amsterdam."""

    module = forms.ModelChoiceField(queryset=Module.objects.none(), required=False, label=_("Leergangmodule"),
                                    help_text=_("Alleen voor een leergangbijeenkomst: bij welke module hoort deze?"))

    class Meta:
        model = Event
        fields = ["title", "kind", "starts_at", "ends_at", "location", "online_url", "audience", "capacity",
                  "municipality", "module", "group", "description", "is_published"]
        widgets = {"starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput(),
                   "description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"starts_at": _("Nederlandse tijd."), "ends_at": _("Nederlandse tijd.")}
        field_classes = {"online_url": HttpsURLField}

    def __init__(self, *args, scope, province, municipalities, modules, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope, self.province = scope, province
        self.fields["starts_at"].input_formats = [DATETIME_FORMAT]
        self.fields["ends_at"].input_formats = [DATETIME_FORMAT]
        self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].required = not scope.is_province_staff
        self.fields["municipality"].help_text = (
            _("Leeg laten voor de hele provincie.") if scope.is_province_staff
            else _("U organiseert voor uw eigen gemeente."))
        self.fields["module"].queryset = modules
        self.fields["group"].queryset = groups
        self.fields["group"].required = False
        self.fields["group"].help_text = _("Alleen voor een bijeenkomst van het lerend netwerk.")
        if self.instance.pk and hasattr(self.instance, "course_session"):
            self.initial["module"] = self.instance.course_session.module_id
        self.fields["online_url"].validators.append(check_web_link)

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Het einde ligt vóór of op het begin. Kies een eindtijd na %(start)s.")
                           % {"start": date_format(timezone.localtime(starts), "DATETIME_FORMAT")})
        changed_start = not self.instance.pk or "starts_at" in self.changed_data
        if starts and changed_start and starts < timezone.now():
            self.add_error("starts_at", _("Dit tijdstip ligt in het verleden. Kies een datum en tijd in de "
                                          "toekomst."))
        if not cleaned.get("location") and not cleaned.get("online_url"):
            self.add_error("location", _("Vul een locatie of een link voor online deelname in."))
        if cleaned.get("kind") == "leergang" and not cleaned.get("module"):
            self.add_error("module", _("Kies bij een leergangbijeenkomst de module."))
        capacity = cleaned.get("capacity")
        if capacity is not None and capacity < 1:
            self.add_error("capacity", _("Het maximum is minstens 1, of laat het veld leeg voor onbeperkt."))
        return cleaned

    def save(self, commit=True):
        event = super().save(commit=False)
        event.province = self.province
        return event


class PublicRegistrationForm(OnceFormMixin, StyledFormMixin, forms.Form):
    """Name and e-mail. Spam protection without third parties: a honeypot field that people never see,
    a signed form timestamp (bots submit in under a few seconds) and a per-address limit in the database."""

    name = forms.CharField(label=_("Naam"), max_length=200)
    email = forms.EmailField(label=_("E-mailadres"), error_messages={
        "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")})
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)  # the honeypot
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:
            self.initial["started"] = tokens.make(tokens.FORM_SALT, time.time())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise ValidationError(_("Uw aanmelding is niet verwerkt. Laat het laatste veld leeg en probeer het "
                                    "opnieuw."), code="spam")
        started = tokens.read(tokens.FORM_SALT, cleaned.get("started") or "", max_age=24 * 3600)
        if started is None:
            raise ValidationError(_("Het formulier is verlopen. Laad de pagina opnieuw en vul het nog eens in."),
                                  code="expired")
        if time.time() - float(started) < settings.ONTMOET_NETWORK_MIN_FORM_SECONDS:
            raise ValidationError(_("Dat ging erg snel. Controleer uw gegevens en verstuur het formulier "
                                    "nogmaals."), code="too_fast")
        return cleaned


class AttendanceForm(forms.Form):
    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        for registration in self.registrations:
            self.fields[f"r{registration.pk}"] = forms.BooleanField(
                required=False, label=registration.display_name, initial=bool(registration.attended),
                widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}))

    def present_ids(self) -> set[int]:
        return {r.pk for r in self.registrations if self.cleaned_data.get(f"r{r.pk}")}


class MessageForm(OnceFormMixin, StyledFormMixin, forms.Form):
    subject = forms.CharField(label=_("Onderwerp"), max_length=150)
    body = forms.CharField(label=_("Bericht"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000)
    include_waitlist = forms.BooleanField(label=_("Ook naar de wachtlijst sturen"), required=False)


# -- contacts ------------------------------------------------------------------------------------
class ContactMomentForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ContactMoment
        fields = ["kind", "date", "with_whom", "notes", "follow_up_on"]
        widgets = {"date": DateInput(), "follow_up_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 5})}

    def clean(self):
        cleaned = super().clean()
        day, follow_up = cleaned.get("date"), cleaned.get("follow_up_on")
        if day and day > timezone.localdate():
            self.add_error("date", _("Een contactmoment leg je vast als het geweest is; kies vandaag of eerder."))
        if day and follow_up and follow_up < day:
            self.add_error("follow_up_on", _("De opvolgdatum ligt vóór het contactmoment."))
        return cleaned


class AanspreekpuntForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Aanspreekpunt
        fields = ["officer", "phone", "note"]

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers


class MunicipalContactForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = MunicipalContact
        fields = ["name", "function", "email", "phone"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error("email", _("Vul een e-mailadres of telefoonnummer in, zodat plekken deze persoon "
                                      "kunnen bereiken."))
        return cleaned


# -- schemes -------------------------------------------------------------------------------------
class SchemeForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    place_kinds = forms.MultipleChoiceField(label=_("Soorten plekken"), choices=Kind.choices, required=False,
                                            widget=forms.CheckboxSelectMultiple,
                                            help_text=_("Niets aangevinkt: alle soorten."))
    legal_forms = forms.MultipleChoiceField(label=_("Rechtsvormen"), choices=LegalForm.choices, required=False,
                                            widget=forms.CheckboxSelectMultiple,
                                            help_text=_("Niets aangevinkt: elke rechtsvorm."))

    class Meta:
        model = FundingScheme
        fields = ["name", "provider", "purpose", "conditions", "amount_min", "amount_max", "deadline", "link",
                  "place_kinds", "legal_forms", "municipalities", "required_facilities", "is_active"]
        widgets = {"deadline": DateInput(), "purpose": forms.Textarea(attrs={"rows": 4}),
                   "conditions": forms.Textarea(attrs={"rows": 4}),
                   "municipalities": forms.CheckboxSelectMultiple,
                   "required_facilities": forms.CheckboxSelectMultiple}
        field_classes = {"link": HttpsURLField}
        help_texts = {"municipalities": _("Niets aangevinkt: de hele provincie."),
                      "required_facilities": _("De plek moet al deze voorzieningen hebben.")}

    def __init__(self, *args, province, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = Municipality.objects.filter(province=province)
        self.fields["required_facilities"].queryset = Facility.objects.all()
        self.fields["link"].validators.append(check_web_link)

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("amount_min"), cleaned.get("amount_max")
        if low is not None and high is not None and high < low:
            self.add_error("amount_max", _("Het maximum is lager dan het minimum."))
        for name in ("amount_min", "amount_max"):
            if cleaned.get(name) is not None and cleaned[name] < 0:
                self.add_error(name, _("Een bedrag kan niet negatief zijn."))
        return cleaned


# -- leergang and learning network ---------------------------------------------------------------
class MaterialForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Material
        fields = ["title", "file", "url"]
        field_classes = {"url": HttpsURLField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["url"].validators.append(check_web_link)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if not upload and not cleaned.get("url"):
            raise ValidationError(_("Kies een bestand of vul een link in."))
        if upload:
            try:
                self.instance.file_kind = validate_attachment(upload)
            except ValidationError as error:
                self.add_error("file", error)
        return cleaned


class PostForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Post
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class GroupDocumentForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = GroupDocument
        fields = ["title", "theme", "file"]

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = group.themes.all()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.instance.file_kind = validate_attachment(upload)
        return upload


class ThemeForm(OnceFormMixin, StyledFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Jaarthema"), max_length=200)
    description = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DigestPreferenceForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = DigestPreference
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
