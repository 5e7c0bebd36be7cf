"""What the monitor holds for an e-mail address: the address its invitations went to (core.privacy).

Answers belong to the place or municipality that was invited, not to a person, and stay.
"""

from django.utils.translation import gettext as _

from .models import Invitation


def find(email):
    return [(_("Uitnodigingen voor de monitor"), [
        {_("uitvraag"): str(item.wave), _("voor"): str(item.place or item.municipality), _("e-mailadres"): item.email,
         _("status"): item.get_status_display()}
        for item in Invitation.objects.filter(email__iexact=email).select_related("wave", "place", "municipality")])]


def erase(email):
    return [(_("Uitnodigingen voor de monitor"),
             Invitation.objects.filter(email__iexact=email).update(email="", opted_out=True))]
