from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import StyledFormMixin
from ontmoet.core.submissions import OnceFormMixin
from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality

from . import budget as budget_calc
from . import content, decision_trees
from .models import Budget, BudgetLine, Initiative, Quickscan


class DutchDecimalField(forms.DecimalField):
    """Accepts 1250,50 as well as 1250.50 and '€ 1.250,50'; says in Dutch what to fix.

    A text box (not type=number), so that a Dutch decimal comma can be typed and a wrong value is kept
    exactly as typed."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    default_error_messages = {
        "invalid": _("Vul een getal in, bijvoorbeeld 1250,50."),
        "min_value": _("Vul een bedrag of getal van %(limit_value)s of meer in."),
        "max_value": _("Vul een getal van hoogstens %(limit_value)s in."),
        "max_digits": _("Dit getal is te groot."),
        "max_decimal_places": _("Gebruik hoogstens %(max)s cijfers achter de komma."),
        "max_whole_digits": _("Dit getal is te groot."),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace(" ", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
            try:
                Decimal(value) if value else None
            except InvalidOperation:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)


class InitiativeForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Initiative
        fields = ["name", "stage", "description", "municipality", "place"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"place": _("Alleen als de ruimte al in het register staat.")}

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["place"].queryset = scope.places(Place.objects.all()).order_by("name")
        self.fields["place"].required = False

    def clean(self):
        data = super().clean()
        place = data.get("place")
        if place and data.get("municipality") and place.municipality_id != data["municipality"].pk:
            self.add_error("place", _("Deze plek ligt in %(name)s; kies die gemeente of een andere plek.")
                           % {"name": place.municipality.name})
        return data


class PartnerForm(OnceFormMixin, StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("E-mailadres van de partner"),
                             error_messages={"invalid": _("Vul een geldig e-mailadres in, "
                                                          "bijvoorbeeld naam@voorbeeld.nl.")})
    organisation = forms.CharField(label=_("Organisatie of rol"), max_length=200, required=False)


class PartnerAccountForm(OnceFormMixin, StyledFormMixin, forms.Form):
    """A new account for an invited partner; the invitation link proves the e-mail address."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    password = forms.CharField(label=_("Wachtwoord"), widget=forms.PasswordInput(render_value=False),
                               help_text=_("Minstens 10 tekens, niet te voor de hand liggend."))
    password_again = forms.CharField(label=_("Wachtwoord nog een keer"), widget=forms.PasswordInput)

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        for name in ("first_name", "last_name", "password", "password_again"):
            self.fields[name].error_messages["required"] = _("Dit veld is verplicht.")

    def clean(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.password_validation import validate_password

        data = super().clean()
        password = data.get("password")
        if password and data.get("password_again") and password != data["password_again"]:
            self.add_error("password_again", _("De twee wachtwoorden zijn niet gelijk."))
        elif password:
            user = get_user_model()(email=self.email, first_name=data.get("first_name", ""),
                                    last_name=data.get("last_name", ""))
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.add_error("password", error)
        return data


class QuickscanForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Quickscan
        fields = ["goal", "target_groups", "needs", "neighbourhood_task", "test_outcome", "decision",
                  "decision_reasons", "location_criteria", "location_choice", "no_suitable_room"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in
                   ["goal", "target_groups", "needs", "neighbourhood_task", "test_outcome", "decision_reasons",
                    "location_criteria"]}
        widgets["decision"] = forms.RadioSelect
        labels = {"goal": _("Doel van de ontmoetingsruimte"), "target_groups": _("Doelgroepen"),
                  "needs": _("Behoeften van bewoners"), "neighbourhood_task": _("Opgave van de buurt"),
                  "test_outcome": _("Toets: past wat u ophaalde bij het doel?"),
                  "decision": _("Go of no-go"), "decision_reasons": _("Redenen van het besluit")}

    def __init__(self, *args, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        self.fields["decision"].choices = Quickscan.Decision.choices
        self.fields["decision"].required = False

    def clean(self):
        data = super().clean()
        if self.submitting:
            if not data.get("decision"):
                self.add_error("decision", _("Kies go of no-go voordat u de Quickscan afrondt."))
            if not (data.get("decision_reasons") or "").strip():
                self.add_error("decision_reasons", _("Schrijf op waarom u tot dit besluit komt."))
        return data


class PartnerTalkForm(StyledFormMixin, forms.Form):
    who = forms.CharField(label=_("Wie"), max_length=200, required=False)
    role = forms.CharField(label=_("Rol"), max_length=200, required=False)
    commitment = forms.CharField(label=_("Toezegging"), max_length=300, required=False)


class LocationForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Kandidaat-locatie"), max_length=200, required=False)
    notes = forms.CharField(label=_("Hoe scoort deze op de criteria?"), max_length=500, required=False)


PartnerTalkFormSet = forms.formset_factory(PartnerTalkForm, extra=2)
LocationFormSet = forms.formset_factory(LocationForm, extra=2)


class TypologyForm(StyledFormMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for characteristic in content.CHARACTERISTICS:
            self.fields[characteristic["key"]] = forms.TypedChoiceField(
                label=characteristic["question"], required=False, coerce=int, empty_value=None,
                choices=[("", _("Weet ik nog niet"))] + list(enumerate(characteristic["levels"])),
                widget=forms.RadioSelect)


class SocialRowForm(StyledFormMixin, forms.Form):
    stakeholder = forms.ChoiceField(label=_("Partij"), required=False,
                                    choices=[("", "—")] + [(s["key"], s["label"]) for s in content.STAKEHOLDERS])
    who = forms.CharField(label=_("Wie (naam)"), max_length=200, required=False)
    tasks = forms.CharField(label=_("Doet wat"), max_length=500, required=False)
    agreed_by = forms.CharField(label=_("Afgesproken met"), max_length=200, required=False)


SocialRowFormSet = forms.formset_factory(SocialRowForm, extra=3)


class DesignForm(StyledFormMixin, forms.Form):
    notes = forms.CharField(label=_("Aantekeningen"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, typology="", **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(code, text) for _key, _title, items in content.checklist_for(typology) for code, text in items]
        self.fields["checked"] = forms.MultipleChoiceField(label=_("Wat is geregeld"), choices=choices,
                                                           required=False, widget=forms.CheckboxSelectMultiple)
        self.order_fields(["checked", "notes"])


class BudgetForm(StyledFormMixin, forms.ModelForm):
    indexation = DutchDecimalField(label=_("Indexatie per jaar (%)"), max_digits=5, decimal_places=2,
                                   min_value=Decimal("-100"), max_value=Decimal("100"))
    energy_change = DutchDecimalField(label=_("Verandering energieprijs per jaar (%)"), max_digits=5,
                                      decimal_places=2, min_value=Decimal("-100"), max_value=Decimal("100"),
                                      help_text=_("Het scenario voor de energieprijs; geldt in plaats van de "
                                                  "indexatie voor regels van de soort Energie."))
    opening_hours_per_week = DutchDecimalField(label=_("Openingsuren per week"), max_digits=5, decimal_places=1,
                                               min_value=Decimal("0"), max_value=Decimal("168"), required=False)

    volunteer_hours_per_week = DutchDecimalField(label=_("Vrijwilligersuren per week"), max_digits=6,
                                                 decimal_places=1, min_value=Decimal("0"), required=False)
    volunteer_hour_value = DutchDecimalField(
        label=_("Waarde van een vrijwilligersuur (€)"), max_digits=6, decimal_places=2, min_value=Decimal("0"),
        required=False, help_text=_("Voor het maatschappelijk rendement. Kies zelf een bedrag en leg uit waarom, "
                                    "bijvoorbeeld het bedrag dat uw gemeente hanteert."))

    class Meta:
        model = Budget
        fields = ["start_year", "indexation", "energy_change", "opening_hours_per_week", "visitors_per_week",
                  "volunteer_hours_per_week", "volunteer_hour_value"]
        error_messages = {"start_year": {"invalid": _("Vul een jaartal in, bijvoorbeeld 2026."),
                                         "min_value": _("Vul een jaartal vanaf 2000 in."),
                                         "max_value": _("Vul een jaartal tot 2100 in.")},
                          "visitors_per_week": {"invalid": _("Vul een heel aantal in."),
                                                "min_value": _("Een aantal kan niet negatief zijn.")}}


CATEGORY_CHOICES = [("", "—"), (_("Kosten"), budget_calc.COST_CATEGORIES),
                    (_("Inkomsten"), budget_calc.INCOME_CATEGORIES)]


class BudgetLineForm(StyledFormMixin, forms.ModelForm):
    category = forms.ChoiceField(label=_("Soort"), choices=CATEGORY_CHOICES)
    quantity = DutchDecimalField(label=_("Aantal per jaar"), max_digits=10, decimal_places=2,
                                 min_value=Decimal("0"), initial=Decimal("1"))
    unit_amount = DutchDecimalField(label=_("Bedrag per eenheid (€)"), max_digits=12, decimal_places=2,
                                    min_value=Decimal("0"))

    class Meta:
        model = BudgetLine
        fields = ["category", "label", "quantity", "unit_amount", "indexed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].error_messages["required"] = _("Kies de soort van deze regel.")
        self.fields["label"].error_messages["required"] = _("Geef deze regel een omschrijving.")
        self.fields["unit_amount"].error_messages["required"] = _("Vul een bedrag in.")

    def save(self, commit=True):
        line = super().save(commit=False)
        costs = {key for key, _label in budget_calc.COST_CATEGORIES}
        line.direction = BudgetLine.Direction.COST if line.category in costs else BudgetLine.Direction.INCOME
        if commit:
            line.save()
        return line


BudgetLineFormSet = forms.inlineformset_factory(Budget, BudgetLine, form=BudgetLineForm, extra=3, can_delete=True)


class TreeEditForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Beslisboom (YAML)"),
                           widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false"}))
    note = forms.CharField(label=_("Wat is er veranderd?"), max_length=200, required=False)

    def __init__(self, *args, slug, **kwargs):
        super().__init__(*args, **kwargs)
        self.slug = slug
        self.tree_errors = []

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        _tree, errors = decision_trees.parse_tree(text, f"{self.slug}.yaml")
        if errors:
            self.tree_errors = errors
            raise ValidationError([str(error) for error in errors])
        return text
