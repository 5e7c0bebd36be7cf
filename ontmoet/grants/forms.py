"""Forms of the Sociale Hypotheek. Services re-check everything; forms give field-level Dutch messages."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import StyledFormMixin
from ontmoet.core.submissions import OnceFormMixin

from .models import PlannedActivity, Round
from .requirements import required_fields
from .workflows import DECISIONS, ApplicationStatus, SettlementOutcome


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


RATE_FIELDS = ["repayment_rate", "societal_rate", "repayment_months", "min_amount", "max_amount"]


class RoundForm(OnceFormMixin, StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Round
        fields = ["name", "year", "budget", "min_amount", "max_amount", "repayment_rate", "societal_rate",
                  "repayment_months", "opens_on", "closes_on", "eligibility_questions", "first_timer_priority",
                  "four_eyes_threshold"]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput(),
                   "eligibility_questions": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.awards.exists():
            # Rates are fixed once there are awards, so old awards keep the rate they were given.
            for name in RATE_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Vast: er zijn al toekenningen in deze ronde.")

    def clean(self):
        data = super().clean()
        if data.get("min_amount") is not None and data.get("max_amount") is not None \
                and data["min_amount"] > data["max_amount"]:
            self.add_error("max_amount", _("Het maximum moet minstens zo hoog zijn als het minimum."))
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("De sluitingsdatum ligt voor de openingsdatum."))
        return data


YES_NO = [("ja", _("Ja")), ("nee", _("Nee"))]


class ApplicationForm(StyledFormMixin, forms.Form):
    motivation = forms.CharField(label=_("Motivatie"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
                                 help_text=_("Waarom deze extra activiteiten, en wat levert het de buurt op?"))
    declaration = forms.BooleanField(
        label=_("Ik verklaar dat ik namens het bestuur aanvraag, dat de gegevens kloppen en dat de uren "
                "worden gemaakt door vrijwilligers voor nieuwe activiteiten in het belang van de buurt."),
        required=False)

    def __init__(self, *args, round_, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = round_.questions()
        for number, question in enumerate(self.questions):
            self.fields[f"vraag_{number}"] = forms.ChoiceField(label=question, choices=YES_NO, required=False,
                                                               widget=forms.RadioSelect)
        mark_required_to_submit(self)

    def answers(self) -> dict:
        return {str(n): self.cleaned_data.get(f"vraag_{n}") or "" for n in range(len(self.questions))}

    @staticmethod
    def initial_for(application) -> dict:
        initial = {"motivation": application.motivation, "declaration": application.declaration}
        initial.update({f"vraag_{key}": value for key, value in application.eligibility_answers.items()})
        return initial


def mark_required_to_submit(form) -> None:
    """A draft may be incomplete, but the fields grants.requirements asks for are marked as required."""
    needed = required_fields()
    for name, field in form.fields.items():
        if name in needed or ("vraag_" in needed and name.startswith("vraag_")):
            field.required_to_submit = True
            if not isinstance(field.widget, forms.RadioSelect):  # radios: the fieldset's legend says it
                field.widget.attrs["aria-required"] = "true"


class ActivityForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = PlannedActivity
        fields = ["title", "description", "target_group", "starts_on", "ends_on", "planned_volunteers",
                  "planned_hours"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(),
                   "description": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"planned_hours": _("Alle vrijwilligersuren samen voor deze activiteit.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_required_to_submit(self)
        # The page adds up the hours as they are typed (grants/amount.js).
        self.fields["planned_hours"].widget.attrs["data-planned-hours"] = ""

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("De einddatum ligt voor de begindatum."))
        volunteers, hours = data.get("planned_volunteers"), data.get("planned_hours")
        if volunteers is not None and volunteers < 1:
            self.add_error("planned_volunteers", _("Vul minstens één vrijwilliger in."))
        if hours is not None and hours > 100_000:
            self.add_error("planned_hours", _("Dat zijn onmogelijk veel uren voor één activiteit."))
        return data


ActivityFormSet = forms.formset_factory(ActivityForm, extra=1, max_num=20, validate_max=True)


class AttachmentForm(OnceFormMixin, StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Bijlage (PDF, PNG of JPG, hoogstens 5 MB)"))


class SubmitForm(StyledFormMixin, forms.Form):
    answer = forms.CharField(label=_("Uw antwoord op de vraag van de provincie"), required=False,
                             widget=forms.Textarea(attrs={"rows": 4}))


class DecisionForm(StyledFormMixin, forms.Form):
    to = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Toelichting (komt in de brief of de e-mail)"), required=False,
                             widget=forms.Textarea(attrs={"rows": 4}))
    expected = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, moves=None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {ApplicationStatus.IN_REVIEW: _("In behandeling nemen"),
                  ApplicationStatus.INFO_REQUESTED: _("Informatie vragen aan het bestuur"),
                  ApplicationStatus.AWARDED: _("Toekennen"), ApplicationStatus.REJECTED: _("Afwijzen"),
                  ApplicationStatus.WAITLISTED: _("Op de wachtlijst zetten")}
        moves = moves if moves is not None else [ApplicationStatus.IN_REVIEW, ApplicationStatus.INFO_REQUESTED,
                                                 *DECISIONS]
        self.fields["to"].choices = [(move, labels[move]) for move in moves if move in labels]


class PaymentForm(OnceFormMixin, StyledFormMixin, forms.Form):
    paid_on = forms.DateField(label=_("Betaaldatum"), widget=DateInput())
    amount = forms.DecimalField(label=_("Bedrag (€)"), max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    reference = forms.CharField(label=_("Kenmerk van de betaling"), max_length=100)


class HourEntryForm(OnceFormMixin, StyledFormMixin, forms.Form):
    activity = forms.ChoiceField(label=_("Activiteit"))
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    volunteers = forms.IntegerField(label=_("Aantal vrijwilligers"), min_value=1, max_value=10_000)
    hours = forms.DecimalField(label=_("Uren (alle vrijwilligers samen)"), max_digits=8, decimal_places=2,
                               min_value=Decimal("0.25"))
    description = forms.CharField(label=_("Korte omschrijving"), max_length=300, required=False)
    evidence = forms.FileField(label=_("Bewijs (foto of presentielijst, PDF, PNG of JPG)"), required=False)

    def __init__(self, *args, award, **kwargs):
        super().__init__(*args, **kwargs)
        self.award = award
        activities = list(award.application.activities.all()) if award.application_id else []
        self.activities = {str(a.pk): a for a in activities}
        self.fields["activity"].choices = [("", _("Kies een activiteit"))] + [(str(a.pk), a.title) for a in activities]

    def clean(self):
        data = super().clean()
        volunteers, hours = data.get("volunteers"), data.get("hours")
        if volunteers and hours and hours > volunteers * 24:
            self.add_error("hours", _("Meer dan 24 uur per vrijwilliger op één dag kan niet."))
        return data

    def chosen_activity(self):
        return self.activities.get(self.cleaned_data.get("activity") or "")


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reden"), required=False, max_length=1000)


class SettlementForm(StyledFormMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect, choices=[
        (SettlementOutcome.CONFIRMED, _("Voorstel bevestigen")),
        (SettlementOutcome.REDUCED, _("Bedrag verlagen")),
        (SettlementOutcome.WRITTEN_OFF, _("Kwijtschelden"))])
    amount = forms.DecimalField(label=_("Verlaagd bedrag (€), alleen bij verlagen"), required=False,
                                max_digits=12, decimal_places=2, min_value=0)
    reason = forms.CharField(label=_("Reden"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Bestand (CSV of XLSX)"))


class ImpactFilterForm(StyledFormMixin, forms.Form):
    round = forms.ChoiceField(label=_("Ronde"), required=False)
    year = forms.IntegerField(label=_("Jaar van toekenning"), required=False, min_value=1990, max_value=2100)
    municipality = forms.ChoiceField(label=_("Gemeente"), required=False)

    def __init__(self, *args, rounds, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].choices = [("", _("Alle rondes"))] + [(str(r.pk), r.name) for r in rounds]
        self.fields["municipality"].choices = [("", _("Alle gemeenten"))] + [
            (str(m.pk), m.name) for m in municipalities]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {"round_id": self.cleaned_data.get("round") or None, "year": self.cleaned_data.get("year"),
                "municipality_id": self.cleaned_data.get("municipality") or None}
