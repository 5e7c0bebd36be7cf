"""The one write of the monitor into the register: answers that differ from it, when the respondent asks.

Kept apart from services.py (which is near the module size limit); the register itself is written by
places' own service, so the place's history, its change reason and the page-cache stamps stay right.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from ontmoet.places.models import Place
from ontmoet.places.services import save_place

from .models import Invitation, Response
from .prefill import RegisterChange, register_changes
from .workflows import INVITATION


@transaction.atomic
def update_register(invitation: Invitation, *, by=None) -> list[RegisterChange]:
    """Write the submitted answers that differ from the register into the register; returns what changed."""
    response = Response.objects.filter(invitation=invitation, submitted_at__isnull=False).first()
    if response is None or not invitation.place_id:
        return []
    changes = register_changes(invitation, response.data)
    if not changes:
        return []
    place = Place.objects.select_for_update().get(pk=invitation.place_id)
    lists = {}
    for change in changes:
        if change.spec.is_list:
            lists[change.spec.field] = change.new_value
        else:
            setattr(place, change.spec.field, change.new_value)
    wave = invitation.wave
    save_place(place, lists, by, reason=_("bijgewerkt uit de monitor %(wave)s") % {"wave": f"{wave.title} {wave.year}"})
    INVITATION.record(invitation, invitation.status, invitation.status, by=by, reason=(_(
        "register bijgewerkt: %(fields)s") % {"fields": ", ".join(str(c.spec.label) for c in changes)})[:300])
    return changes
