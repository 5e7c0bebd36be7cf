"""What the toolkit holds for an e-mail address: invitations as partner of an initiative (core.privacy)."""

from django.utils.translation import gettext as _

from .models import Initiative, Partner


def find(email):
    return [
        (_("Uitnodigingen als partner van een initiatief"), [
            {_("initiatief"): partner.initiative.name, _("e-mailadres"): partner.email,
             _("organisatie of rol"): partner.organisation,
             _("geaccepteerd"): f"{partner.accepted_at:%Y-%m-%d}" if partner.accepted_at else ""}
            for partner in Partner.objects.filter(email__iexact=email).select_related("initiative")]),
        (_("Initiatieven die u beheert"), [
            {_("initiatief"): initiative.name, _("gemeente"): initiative.municipality.name}
            for initiative in Initiative.objects.filter(owner__email__iexact=email).select_related("municipality")]),
    ]


def erase(email):
    """The invitations go (and with them the access they gave); initiatives are the organisation's and stay."""
    invitations = Partner.objects.filter(email__iexact=email)
    return [(_("Uitnodigingen als partner van een initiatief"), invitations.delete()[0])]
