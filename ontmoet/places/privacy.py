"""What the register holds for an e-mail address: a place's contact person, now and in its history (core.privacy)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from .models import Place


def _places(email):
    return Place.objects.filter(email__iexact=email)


def find(email):
    history = Place.history.filter(email__iexact=email)
    return [
        (_("Contactpersoon van een plek"), [
            {_("plek"): place.name, _("contactpersoon"): place.contact_name, _("e-mailadres"): place.email,
             _("telefoon"): place.phone, _("openbaar"): _("ja") if place.contact_is_public else _("nee")}
            for place in _places(email)]),
        (_("Eerdere versies van plekgegevens"), [
            {_("plek"): row.name, _("contactpersoon"): row.contact_name, _("e-mailadres"): row.email,
             _("versie van"): f"{row.history_date:%Y-%m-%d}"} for row in history]),
    ]


def erase(email):
    """The place stays (it is an organisation); the person's name, address and number go."""
    current = _places(email).update(contact_name="", email="", phone="", contact_is_public=False)
    history = Place.history.filter(Q(email__iexact=email)).update(contact_name="", email="", phone="")
    return [(_("Contactpersoon van een plek"), current), (_("Eerdere versies van plekgegevens"), history)]
