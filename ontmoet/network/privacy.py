"""What the knowledge network holds for an address: registrations, contact cards, digest choice (core.privacy)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from .models import DigestPreference, MunicipalContact, Registration


def _registrations(email):
    return Registration.objects.filter(Q(email__iexact=email) | Q(user__email__iexact=email))


def find(email):
    return [
        (_("Aanmeldingen voor bijeenkomsten"), [
            {_("bijeenkomst"): str(item.event), _("naam"): item.name, _("e-mailadres"): item.email,
             _("status"): item.get_status_display(), _("aangemeld"): f"{item.created_at:%Y-%m-%d}"}
            for item in _registrations(email).select_related("event")]),
        (_("Contactpersoon bij een gemeente"), [
            {_("gemeente"): contact.municipality.name, _("naam"): contact.name, _("functie"): contact.function,
             _("e-mailadres"): contact.email, _("telefoon"): contact.phone}
            for contact in MunicipalContact.objects.filter(email__iexact=email).select_related("municipality")]),
        (_("Keuze voor de nieuwsbrief"), [
            {_("frequentie"): preference.get_frequency_display()}
            for preference in DigestPreference.objects.filter(user__email__iexact=email)]),
    ]


def erase(email):
    """Registrations keep their count (attendance figures) without the person; the rest goes."""
    registrations = _registrations(email).update(name="", email="")
    contacts = MunicipalContact.objects.filter(email__iexact=email).delete()[0]
    digest = DigestPreference.objects.filter(user__email__iexact=email).delete()[0]
    return [(_("Aanmeldingen voor bijeenkomsten"), registrations), (_("Contactpersoon bij een gemeente"), contacts),
            (_("Keuze voor de nieuwsbrief"), digest)]
