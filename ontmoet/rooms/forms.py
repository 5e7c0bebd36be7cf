"""The public request form, the board's room form (with its rates and hours) and the decision forms.

Every check of a request is here, so the preview and the stored request agree: each message says
what to change, next to the field it is about, and nothing is written while one remains.
"""

from datetime import timedelta

from django import forms
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ontmoet.core.forms import TEXTBOX_CLASSES, SpamCheckMixin, StyledFormMixin
from ontmoet.core.submissions import OnceFormMixin
from ontmoet.core.uploads import validate_attachment
from ontmoet.places.choices import WEEKDAYS

from . import pricing, services
from .models import Facility, RequestStatus, Room, TenantKind, Unit

PHOTO_MAX_BYTES = 5 * 1024 * 1024
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TIME_ERRORS = {"invalid": _("Vul een bestaande tijd in, bijvoorbeeld 19:30.")}
DATE_ERRORS = {"invalid": _("Vul een bestaande datum in, bijvoorbeeld 14-10-2026.")}


def _dates(days) -> str:
    return ", ".join(formats.date_format(day, "DATE_FORMAT") for day in days)


class RequestForm(SpamCheckMixin, OnceFormMixin, StyledFormMixin, forms.Form):
    room = forms.ModelChoiceField(label=_("Ruimte"), queryset=Room.objects.none(), empty_label=None,
                                  error_messages={"invalid_choice": _("Kies een ruimte van deze plek.")})
    date = forms.DateField(label=_("Datum"), widget=DATE_WIDGET,
                           error_messages={"required": _("Kies de datum."), **DATE_ERRORS})
    starts = forms.TimeField(label=_("Van"), widget=TIME_WIDGET,
                             error_messages={"required": _("Vul de begintijd in."), **TIME_ERRORS})
    ends = forms.TimeField(label=_("Tot"), widget=TIME_WIDGET,
                           error_messages={"required": _("Vul de eindtijd in."), **TIME_ERRORS})
    series = forms.BooleanField(label=_("Elke week op deze dag en tijd (een reeks)"), required=False)
    last_date = forms.DateField(label=_("Laatste datum van de reeks"), required=False, widget=DATE_WIDGET,
                                help_text=_("Alleen bij een reeks; hoogstens een jaar na de eerste datum."),
                                error_messages=DATE_ERRORS)
    # Offered once a series hits dates already taken: send the rest, with the lower price shown first.
    skip_taken = forms.BooleanField(label=_("Verstuur zonder de datums die al bezet zijn"), required=False)
    tenant_kind = forms.ModelChoiceField(label=_("Soort huurder"), queryset=TenantKind.objects.all(),
                                         empty_label=_("Kies..."),
                                         error_messages={"required": _("Kies wat voor huurder u bent."),
                                                         "invalid_choice": _("Kies een soort huurder uit de lijst.")})
    organisation = forms.CharField(label=_("Organisatie of initiatief"), required=False, max_length=150)
    purpose = forms.CharField(label=_("Waarvoor wilt u de ruimte gebruiken?"), max_length=1000,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages={"required": _("Schrijf kort waarvoor u de ruimte wilt gebruiken.")})
    people = forms.IntegerField(label=_("Verwacht aantal personen"), min_value=1,
                                error_messages={"required": _("Vul in met hoeveel personen u komt."),
                                                "min_value": _("Vul minstens 1 persoon in."),
                                                "invalid": _("Vul een getal in.")})
    name = forms.CharField(label=_("Uw naam"), max_length=150,
                           error_messages={"required": _("Vul uw naam in.")})
    email = forms.EmailField(label=_("Uw e-mailadres"), max_length=254,
                             help_text=_("Hierheen sturen we de bevestiging en de link om te annuleren."),
                             error_messages={"required": _("Vul uw e-mailadres in."),
                                             "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")})
    phone = forms.CharField(label=_("Telefoon (niet verplicht)"), required=False, max_length=30)
    # Honeypot and timing token, as on the "klopt er iets niet?" form.
    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    SALT, MIN_SECONDS_SETTING = "rooms.request", "ROOMS_REQUEST_MIN_SECONDS"

    def __init__(self, *args, place, **kwargs):
        super().__init__(*args, **kwargs)
        self.place = place
        self.offer_skip = False  # set by clean when some, not all, dates of a series are taken
        self.fields["room"].queryset = Room.objects.filter(place=place).order_by("name")
        if self.is_bound:  # the preview carries the first token on, so the timing counts from the empty form
            self.initial["token"] = self.data.get("token", "")

    def clean(self):
        data = super().clean()
        room, first, starts, ends = (data.get(name) for name in ("room", "date", "starts", "ends"))
        series, last = data.get("series"), data.get("last_date")
        if None in (room, first, starts, ends):
            return data
        now = timezone.localtime()
        if first < now.date() or (first == now.date() and starts <= now.time()):
            self.add_error("date", _("Kies een datum en tijd in de toekomst."))
        if ends <= starts:
            self.add_error("ends", _("De eindtijd moet na de begintijd liggen (een boeking eindigt op dezelfde dag)."))
        if series:
            if last is None:
                self.add_error("last_date", _("Vul de laatste datum van de reeks in."))
            elif last < first:
                self.add_error("last_date", _("De laatste datum moet na de eerste datum liggen."))
            elif last - first > timedelta(days=pricing.MAX_SERIES_DAYS - 1):
                self.add_error("last_date", _("Een reeks loopt hoogstens een jaar: kies een laatste datum tot en "
                                              "met %(date)s.") % {
                    "date": formats.date_format(first + timedelta(days=pricing.MAX_SERIES_DAYS - 1), "DATE_FORMAT")})
        window = room.window(first.weekday())
        day = WEEKDAYS[first.weekday()][1]
        if window is None:
            self.add_error("date", _("Op %(day)s is deze ruimte niet te boeken; kies een andere dag.") % {"day": day})
        elif starts.strftime("%H:%M") < window[0] or ends.strftime("%H:%M") > window[1]:
            self.add_error("starts", _("Op %(day)s is deze ruimte te boeken van %(opens)s tot %(closes)s.") % {
                "day": day, "opens": window[0], "closes": window[1]})
        people = data.get("people")
        if people and people > room.capacity:
            self.add_error("people", _("In deze ruimte passen hoogstens %(n)s personen.") % {"n": room.capacity})
        kind = data.get("tenant_kind")
        if self.errors or kind is None:
            return data
        amount = pricing.price(pricing.rates_for(room, kind), pricing.hours_between(starts, ends))
        if amount is None:
            self.add_error("tenant_kind", _("Deze ruimte heeft geen tarief voor %(kind)s; vraag de plek ernaar.")
                           % {"kind": kind.label.lower()})
            return data
        slots = pricing.slots(pricing.series_dates(first, last or first, series), starts, ends, amount)
        clash = services.conflicts(room, slots)
        free = [slot for slot in slots if slot not in clash]
        if clash and free:
            self.offer_skip = True
        if clash and not (free and data.get("skip_taken")):
            if free:
                message = _("De ruimte is al bezet op: %(dates)s. Kies een andere tijd of andere data, of vink "
                            "hieronder aan dat u de aanvraag zonder die data wilt versturen.")
            else:
                message = _("De ruimte is al bezet op: %(dates)s. Kies een andere tijd of andere data.")
            self.add_error("date", message % {"dates": _dates(slot.day for slot in clash)})
            return data
        data["left_out"] = [slot.day for slot in clash]
        slots = free
        data["slots"] = slots
        data["total"] = sum(slot.price for slot in slots)
        return data


class RoomForm(StyledFormMixin, forms.ModelForm):
    """A room with its bookable hours per weekday and its rates per kind of tenant and unit (empty: none)."""

    facilities = forms.MultipleChoiceField(label=_("Voorzieningen"), choices=Facility.choices, required=False,
                                           widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Room
        fields = ["name", "capacity", "size_m2", "facilities", "accessibility", "description", "photo", "photo_alt"]
        help_texts = {"photo": _("Een foto van de ruimte (PNG of JPEG, hoogstens 5 MB); iedereen ziet hem."),
                      "photo_alt": _("Voor wie de foto niet kan zien (een schermlezer leest dit voor): wat is er "
                                     "te zien dat ertoe doet? Bijvoorbeeld: ‘Lichte zaal met twaalf tafels in een "
                                     "U-opstelling en ramen naar de tuin’. Hoogstens 200 tekens. Leeg: ‘Foto van’ "
                                     "en de naam van de ruimte.")}
        error_messages = {
            "name": {"required": _("Geef de ruimte een naam.")},
            "capacity": {"required": _("Vul in hoeveel personen er passen."),
                         "min_value": _("Er past minstens 1 persoon in een ruimte.")},
            "photo_alt": {"max_length": _("Houd de beschrijving van de foto kort: hoogstens %(limit_value)d tekens "
                                          "(nu %(show_value)d).")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = list(TenantKind.objects.all())
        current = {}
        if self.instance.pk:
            current = {(r.tenant_kind_id, r.unit): r.amount for r in self.instance.rates.all()}
        self.day_fields = []
        for weekday, (_code, label) in enumerate(WEEKDAYS):
            window = self.instance.window(weekday) or ("", "")
            opens, closes = f"open_{weekday}", f"close_{weekday}"
            self.fields[opens] = forms.TimeField(label=_("%(day)s van") % {"day": capfirst(label)}, required=False,
                                                 widget=TIME_WIDGET, initial=window[0], error_messages=TIME_ERRORS)
            self.fields[closes] = forms.TimeField(label=_("%(day)s tot") % {"day": capfirst(label)}, required=False,
                                                  widget=TIME_WIDGET, initial=window[1], error_messages=TIME_ERRORS)
            self.day_fields.append((capfirst(label), self[opens], self[closes]))
        self.rate_fields = []
        for kind in self.kinds:
            row = []
            for unit, unit_label in Unit.choices:
                name = f"rate_{kind.pk}_{unit}"
                self.fields[name] = forms.DecimalField(
                    label=f"{kind.label} {unit_label}", required=False, min_value=0, max_digits=8, decimal_places=2,
                    initial=current.get((kind.pk, unit)),
                    error_messages={"min_value": _("Een tarief kan niet negatief zijn: vul 0 of meer in."),
                                    "invalid": _("Vul een bedrag in, bijvoorbeeld 12,50."),
                                    "max_decimal_places": _("Gebruik hoogstens twee cijfers achter de komma.")},
                    localize=True)
                row.append(self[name])
            self.rate_fields.append((kind, row))
        # These fields come after StyledFormMixin dressed the others: they get the same Utrecht look.
        for name in self.fields:
            if name.startswith(("open_", "close_", "rate_")):
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {TEXTBOX_CLASSES}".strip()

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload, not the stored file
            self.instance.photo_kind = validate_attachment(photo, kinds=("png", "jpeg"), max_bytes=PHOTO_MAX_BYTES)
        return photo

    def clean(self):
        data = super().clean()
        hours = {}
        for weekday, (_code, label) in enumerate(WEEKDAYS):
            opens, closes = data.get(f"open_{weekday}"), data.get(f"close_{weekday}")
            if f"open_{weekday}" in self.errors or f"close_{weekday}" in self.errors:
                continue
            if (opens is None) != (closes is None):
                self.add_error(f"close_{weekday}" if opens else f"open_{weekday}",
                               _("Vul op %(day)s beide tijden in, of geen van beide.") % {"day": label})
            elif opens is not None and closes <= opens:
                self.add_error(f"close_{weekday}", _("De eindtijd moet na de begintijd liggen."))
            elif opens is not None:
                hours[str(weekday)] = [opens.strftime("%H:%M"), closes.strftime("%H:%M")]
        data["hours"] = hours
        return data

    def rates(self) -> dict:
        return {(kind, unit): self.cleaned_data.get(f"rate_{kind.pk}_{unit}") for kind in self.kinds
                for unit in Unit.values}

    def save(self, commit=False):
        """The room, unsaved, for services.save_room (with `rates()`)."""
        room = super().save(commit=False)
        room.hours = self.cleaned_data["hours"]
        return room


class DecisionForm(StyledFormMixin, forms.Form):
    """Accept all, accept all but the ticked dates, or decline with a reason."""

    ACCEPT, DECLINE = "accepteren", "afwijzen"
    action = forms.ChoiceField(choices=[(ACCEPT, ACCEPT), (DECLINE, DECLINE)], widget=forms.HiddenInput)
    skip = forms.MultipleChoiceField(label=_("Niet accepteren op deze data"), required=False,
                                     widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(label=_("Reden (verplicht bij afwijzen; de aanvrager krijgt die te lezen)"),
                             required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skip"].choices = [(str(b.pk), formats.date_format(timezone.localtime(b.starts_at),
                                                                       "DATE_FORMAT")) for b in bookings]

    def clean(self):
        data = super().clean()
        if data.get("action") == self.DECLINE and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Geef een reden; de aanvrager krijgt die te lezen."))
        return data


class CancelForm(StyledFormMixin, forms.Form):
    use_required_attribute = False  # under the decision form: no red field before anyone typed
    reason = forms.CharField(label=_("Waarom annuleert u?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Geef een reden; de ander krijgt die te lezen.")})


class RequestFilterForm(StyledFormMixin, forms.Form):
    """The list of booking requests, by status; an unknown status is told next to the field and not used."""

    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Alle")), *RequestStatus.choices],
                               error_messages={"invalid_choice": _("Kies een status uit de lijst.")})

    def status_value(self) -> str:
        return self.cleaned_data.get("status", "") if self.is_valid() else ""
