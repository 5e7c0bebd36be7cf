"""The one write of the monitor into the register: answers that differ from it, when the respondent asks.

Kept apart from services.py (which is near the module size limit); the register itself is written by
places' own service, so the place's history, its change reason and the page-cache stamps stay right.

What a personal link may change (ADR 0024): only the fields `register_fields.FIELDS` names, only for the
invitation's own place, only from handed-in answers, only while the wave is open, and only values the
register's own field rules accept. The place's history says it came through the link.
"""

from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ontmoet.places.models import Place
from ontmoet.places.services import save_place

from .models import Invitation, Response, Status
from .prefill import RegisterChange, register_changes
from .workflows import INVITATION

HISTORY_REASON_MAX = 100  # simple-history's change reason column (places' HistoricalPlace)


@transaction.atomic
def update_register(invitation: Invitation, *, by=None) -> list[RegisterChange]:
    """Write the submitted answers that differ from the register into the register; returns what changed.

    `by` is the logged-in user who asked, or None for a link holder without an account.
    """
    # Locked and read again: a link revoked or a wave closed a moment ago must not still write.
    invitation = Invitation.objects.select_for_update().select_related("wave__questionnaire").order_by().get(
        pk=invitation.pk)
    if invitation.status != Status.COMPLETE or not invitation.wave.is_open():
        return []
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
    fields = ", ".join(str(c.spec.label).lower() for c in changes)
    names = {"wave": f"{wave.title} {wave.year}", "fields": fields}
    # Who: the user when logged in, else the history says it came through the personal link.
    reason = (_("bijgewerkt uit de monitor %(wave)s: %(fields)s") if by else _(
        "bijgewerkt uit de monitor %(wave)s (persoonlijke link): %(fields)s")) % names
    # The history's reason column holds 100 characters (a long wave title overflowed it on PostgreSQL).
    save_place(place, lists, by, reason=Truncator(reason).chars(HISTORY_REASON_MAX))
    INVITATION.record(invitation, invitation.status, invitation.status, by=by, reason=Truncator(_(
        "register bijgewerkt: %(fields)s") % {"fields": ", ".join(str(c.spec.label) for c in changes)}).chars(300))
    return changes
