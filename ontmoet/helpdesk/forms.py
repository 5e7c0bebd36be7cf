from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import StyledFormMixin
from ontmoet.core.submissions import OnceFormMixin
from ontmoet.core.uploads import validate_attachment
from ontmoet.places.choices import Kind
from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality

from . import selectors
from .models import (
    Article,
    Category,
    Channel,
    Delivery,
    Expert,
    PeerProfile,
    RoutingRule,
    ServiceLevel,
    Status,
    Team,
    Urgency,
)
from .workflows import STATUS_FIELDS

MAX_FILES = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Zero to five files, each checked by content (PDF, PNG or JPEG, at most 10 MB)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Bijlagen"))
        kwargs.setdefault("help_text", _("Foto's (JPEG, PNG) of PDF, hooguit 5 bestanden van elk 10 MB."))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES:
            raise ValidationError(_("Voeg hooguit %(max)s bestanden toe.") % {"max": MAX_FILES})
        for uploaded in files:
            validate_attachment(uploaded)
        return files


class CategoryChoiceField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(coerce=int, empty_value=None, **kwargs)

    def clean(self, value):
        pk = super().clean(value)
        if pk is None:
            return None
        return Category.objects.get(pk=pk, is_active=True)


def _category_field(required=True):
    field = CategoryChoiceField(label=_("Categorie"), required=required,
                                error_messages={"invalid_choice": _("Kies een categorie uit de lijst.")})
    return field


class QuestionForm(OnceFormMixin, StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Onderwerp"), max_length=150, min_length=5,
                            help_text=_("In een paar woorden, bijvoorbeeld: "
                                        "'Lekkage in het dak van de grote zaal'."))
    category = _category_field()
    description = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 6}), min_length=20,
                                  max_length=5000,
                                  help_text=_("Wat is er aan de hand, sinds wanneer, en wat heeft u al geprobeerd? "
                                              "Hooguit 5000 tekens."))
    urgency = forms.ChoiceField(label=_("Urgentie"), choices=Urgency.choices, initial=Urgency.NORMAL,
                                widget=forms.RadioSelect)
    files = AttachmentsField()

    def __init__(self, *args, places=None, staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Kies een categorie"))] + selectors.category_choices()
        # Suggestions follow the subject, the description and the category as they change.
        for name, trigger in (("title", "keyup changed delay:400ms"), ("description", "keyup changed delay:400ms"),
                              ("category", "change")):
            self.fields[name].widget.attrs.update({
                "hx-get": reverse("helpdesk:suggestions"), "hx-trigger": trigger, "hx-target": "#suggesties",
                "hx-include": "#id_title, #id_description, #id_category",
            })
        if places is not None and (staff or len(places) > 1):
            self.fields["place"] = forms.ModelChoiceField(label=_("Plek"), queryset=places,
                                                          empty_label=_("Kies de plek"))
            self.order_fields(["place"])
        if staff:
            self.fields["channel"] = forms.ChoiceField(label=_("Binnengekomen via"),
                                                       choices=[c for c in Channel.choices if c[0] != Channel.WEB])

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())


class MessageForm(OnceFormMixin, StyledFormMixin, forms.Form):
    use_required_attribute = False  # several forms on one page: no red fields before anyone typed
    body = forms.CharField(label=_("Bericht"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000,
                           help_text=_("Platte tekst of eenvoudige Markdown (*schuin*, **vet**, lijstjes)."))
    internal = forms.BooleanField(label=_("Interne notitie (de plek ziet dit niet)"), required=False)
    files = AttachmentsField()

    def __init__(self, *args, handler=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not handler:
            del self.fields["internal"]

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(_("Schrijf een bericht."))
        return body


class TransitionForm(StyledFormMixin, forms.Form):
    use_required_attribute = False  # several forms on one page: no red fields before anyone typed
    to_status = forms.ChoiceField(label=_("Nieuwe status"), choices=Status.choices)
    reason = forms.CharField(label=_("Toelichting"), required=False, max_length=500)
    summary = forms.CharField(label=_("Samenvatting van de oplossing"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    tags = forms.CharField(label=_("Trefwoorden"), required=False, max_length=300,
                           help_text=_("Gescheiden door komma's, bijvoorbeeld: dak, lekkage, verzekering."))
    original = forms.IntegerField(label=_("Nummer van de oorspronkelijke vraag"), required=False, min_value=1)

    def clean(self):
        """The fields the chosen status needs (workflows.STATUS_FIELDS) are required, each with its message."""
        data = super().clean()
        for name, message in STATUS_FIELDS.get(data.get("to_status"), {}).items():
            value = data.get(name)
            if name == "tags":
                value = "".join(part.strip() for part in str(value or "").replace(";", ",").split(","))
            if name not in self.errors and not str(value or "").strip():
                self.add_error(name, message)
        return data


class AssignForm(StyledFormMixin, forms.Form):
    use_required_attribute = False  # several forms on one page: no red fields before anyone typed
    expert = forms.ModelChoiceField(label=_("Expert"), queryset=Expert.objects.none(), required=False,
                                    empty_label=_("Geen expert"))
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(), required=False,
                                  empty_label=_("Geen team"))
    reason = forms.CharField(label=_("Reden"), required=False, max_length=500)

    def __init__(self, *args, province_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only vetted experts may receive questions; the choice list shows no one else.
        experts = Expert.objects.filter(province_id=province_id, vetted_at__isnull=False)
        from django.utils import timezone

        self.fields["expert"].queryset = experts.filter(vetted_until__gte=timezone.localdate())
        self.fields["team"].queryset = Team.objects.filter(province_id=province_id)

    def clean(self):
        data = super().clean()
        if not data.get("expert") and not data.get("team"):
            raise ValidationError(_("Kies een expert of een team."))
        return data


class RatingForm(StyledFormMixin, forms.Form):
    use_required_attribute = False  # several forms on one page: no red fields before anyone typed
    score = forms.TypedChoiceField(label=_("Hoe tevreden bent u over de hulp?"), coerce=int, widget=forms.RadioSelect,
                                   choices=[(i, str(i)) for i in range(1, 6)],
                                   help_text=_("1 = zeer ontevreden, 5 = zeer tevreden"))
    solved = forms.TypedChoiceField(label=_("Is uw vraag opgelost?"), coerce=lambda v: v == "ja",
                                    choices=[("ja", _("Ja")), ("nee", _("Nee"))], widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Toelichting (mag leeg blijven)"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))


class ReopenForm(StyledFormMixin, forms.Form):
    use_required_attribute = False  # several forms on one page: no red fields before anyone typed
    reason = forms.CharField(label=_("Wat is nog niet opgelost?"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 3}))


class ArticleForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    tags_text = forms.CharField(label=_("Trefwoorden"), required=False, max_length=300,
                                help_text=_("Gescheiden door komma's."))

    class Meta:
        model = Article
        fields = ["title", "summary", "category", "visibility", "province", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(is_active=True)
        # The owner: one of the editor's own provinces (only its editors may change the article later).
        province = self.fields["province"]
        province.queryset, province.required, province.empty_label = provinces, True, None
        province.help_text = _("Alleen redacteuren van deze provincie kunnen het artikel wijzigen; "
                               "lezen kan iedereen in het land.")
        if self.instance.pk:
            self.fields["tags_text"].initial = ", ".join(t.name for t in self.instance.tags.all())


class ExpertForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    login_email = forms.EmailField(label=_("Login (e-mailadres)"), required=False,
                                   help_text=_("Het e-mailadres van een gebruiker met de rol Expert of coach in "
                                               "deze provincie; die ziet dan de vragen die aan deze expert zijn "
                                               "toegewezen."))

    class Meta:
        model = Expert
        fields = ["name", "organisation", "kind", "team", "categories", "municipalities", "email", "phone",
                  "availability", "is_available"]
        widgets = {"categories": forms.CheckboxSelectMultiple}

    def __init__(self, *args, province=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.province = province
        self.fields["team"].queryset = Team.objects.filter(province=province)
        self.fields["municipalities"].queryset = Municipality.objects.filter(province=province)
        self.fields["categories"].queryset = Category.objects.filter(is_active=True)
        if self.instance.user_id:
            self.fields["login_email"].initial = self.instance.user.email

    def clean_login_email(self):
        from ontmoet.accounts.models import User
        from ontmoet.accounts.roles import Role

        email = self.cleaned_data["login_email"].strip().lower()
        if not email:
            return None
        user = User.objects.filter(email=email, roles__role=Role.EXPERT, roles__province=self.province).first()
        if user is None:
            raise ValidationError(_("Er is geen gebruiker met de rol Expert of coach in deze provincie met dit "
                                    "e-mailadres."))
        taken = Expert.objects.filter(user=user).exclude(pk=self.instance.pk).first()
        if taken:
            raise ValidationError(_("Deze login hoort al bij %(name)s.") % {"name": taken.name})
        return user


class VetForm(StyledFormMixin, forms.Form):
    valid_until = forms.DateField(label=_("Screening geldig tot"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_valid_until(self):
        from django.utils import timezone

        value = self.cleaned_data["valid_until"]
        if value <= timezone.localdate():
            raise ValidationError(_("Kies een datum in de toekomst."))
        return value


class TeamForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name", "email"]


class RoutingRuleForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = RoutingRule
        fields = ["order", "category", "municipality", "place_kind", "team", "expert"]

    def __init__(self, *args, province=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(is_active=True)
        self.fields["category"].empty_label = _("Elke categorie")
        self.fields["municipality"].queryset = Municipality.objects.filter(province=province)
        self.fields["municipality"].empty_label = _("Elke gemeente")
        self.fields["place_kind"].choices = [("", _("Elke soort plek")), *Kind.choices]
        self.fields["team"].queryset = Team.objects.filter(province=province)
        self.fields["expert"].queryset = Expert.objects.filter(province=province)

    def clean(self):
        data = super().clean()
        if not data.get("team") and not data.get("expert"):
            raise ValidationError(_("Kies naar welk team of welke expert deze regel de vraag stuurt."))
        expert = data.get("expert")
        if expert and not expert.is_vetted():
            raise ValidationError(_("%(name)s is niet (meer) gescreend en kan geen vragen ontvangen.")
                                  % {"name": expert.name})
        return data


class TermsInOrderMixin:
    """A service level's first response comes before its resolution (a category's default or a province's own)."""

    def clean(self):
        data = super().clean()
        first, resolution = data.get("first_response_days"), data.get("resolution_days")
        if first is not None and resolution is not None and first > resolution:
            raise ValidationError(_("De eerste reactie moet eerder komen dan de oplossing."))
        return data


class CategoryForm(OnceFormMixin, TermsInOrderMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name", "name_en", "slug", "parent", "order", "first_response_days", "resolution_days",
                  "day_kind", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Category.objects.filter(parent__isnull=True).exclude(pk=self.instance.pk)


class ServiceLevelForm(TermsInOrderMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ServiceLevel
        fields = ["first_response_days", "resolution_days", "day_kind"]


class PeerProfileForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = PeerProfile
        fields = ["opted_in", "strengths", "note", "share_email"]
        widgets = {"strengths": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strengths"].queryset = Category.objects.filter(is_active=True)


class PeerContactForm(OnceFormMixin, StyledFormMixin, forms.Form):
    body = forms.CharField(label=_("Uw bericht"), max_length=3000, min_length=10,
                           widget=forms.Textarea(attrs={"rows": 6}))


class PreferenceForm(StyledFormMixin, forms.Form):
    delivery = forms.ChoiceField(label=_("Meldingen die niet dringend zijn"), choices=Delivery.choices,
                                 widget=forms.RadioSelect,
                                 help_text=_("Dringende meldingen (spoedvragen) krijgt u altijd meteen."))


class QuestionFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Alle")), ("open", _("Alle open vragen")), *Status.choices])
    category = _category_field(required=False)
    lijst = forms.ChoiceField(label=_("Lijst"), required=False, choices=[
        ("", _("Alle")), ("overdue", _("Over de termijn")), ("nearly_due", _("Bijna over de termijn")),
        ("triage", _("Te beoordelen (niet toegewezen)")), ("toegewezen", _("Aan mij toegewezen"))])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Alle"))] + selectors.category_choices()


class ArticleSearchForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Zoek in de kennisbank"), required=False, max_length=100)
    category = _category_field(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Alle categorieën"))] + selectors.category_choices()


def places_for_staff(scope):
    return scope.places(Place.objects.select_related("municipality")).order_by("name")
