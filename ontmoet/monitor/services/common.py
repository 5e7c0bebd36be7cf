"""What the other service modules share: the personal link (signed token, URL) and the invitation's history."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from ..models import Invitation
from ..workflows import INVITATION, RESPONDENT, STAFF

TOKEN_SALT = "ontmoet.monitor.invitation"  # noqa: S105 - a signing namespace, not a secret


def invitation_token(invitation: Invitation) -> str:
    # The first version signs as before, so links mailed before versions existed keep working.
    payload = {"i": invitation.pk}
    if invitation.link_version > 1:
        payload["v"] = invitation.link_version
    return signing.Signer(salt=TOKEN_SALT).sign_object(payload)


def _from_token(token: str):
    """(invitation, whether this link is its current one), or (None, False) for a tampered or unknown link."""
    try:
        payload = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
    except signing.BadSignature:
        return None, False
    if not isinstance(payload, dict) or not isinstance(payload.get("i"), int):
        return None, False
    invitation = Invitation.objects.select_related("wave__questionnaire", "place", "municipality").filter(
        pk=payload["i"]).first()
    return invitation, invitation is not None and payload.get("v", 1) == invitation.link_version


def invitation_from_token(token: str):
    """The invitation for a personal link, or None for a tampered, unknown or revoked link."""
    invitation, current = _from_token(token)
    return invitation if current else None


def link_was_revoked(token: str) -> bool:
    """A genuine personal link that staff have replaced by a new one."""
    invitation, current = _from_token(token)
    return invitation is not None and not current


def invitation_url(invitation: Invitation) -> str:
    return settings.ONTMOET_BASE_URL.rstrip("/") + reverse("monitor:respond", args=[invitation_token(invitation)])


def _transition(invitation: Invitation, to: str, by=None, reason: str = "", actor: str = "") -> None:
    if invitation.status == to:
        return
    INVITATION.move(invitation, to, actor=actor or (STAFF if by else RESPONDENT), by=by, reason=reason[:300])


def _event(invitation: Invitation, reason: str, by=None) -> None:
    """Something that happened without a move (a bounce, a correction): a row on the current status."""
    INVITATION.record(invitation, invitation.status, invitation.status, by=by, reason=reason[:300])


def _locked(invitation: Invitation) -> Invitation:
    # order_by(): the default ordering joins the (nullable) place, and PostgreSQL cannot lock an outer join.
    return Invitation.objects.select_for_update().select_related("wave__questionnaire").order_by().get(pk=invitation.pk)
