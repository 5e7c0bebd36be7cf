"""Who gets a reminder now, and why the others do not.

One rule for the page that shows it beforehand (`plan`), the sending itself (services.needs_reminder)
and the report afterwards (MailJob.skip_reasons), so that what the page promised is what happens.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Invitation, Status, Wave


class Reason(models.TextChoices):
    """Why an invitation gets no reminder now, in the order they are checked."""

    ANSWERED = "answered", _("al geantwoord")
    DECLINED = "declined", _("afgezien")
    NO_ADDRESS = "no_address", _("geen bruikbaar e-mailadres (leeg, teruggekomen of afgemeld)")
    NOT_INVITED = "not_invited", _("nog geen uitnodiging gehad")
    CLOSED = "closed", _("uitvraag niet open")
    MAXIMUM = "maximum", _("maximum aantal herinneringen bereikt")
    TOO_SOON = "too_soon", _("te kort na het vorige bericht")


def allowed_from(invitation: Invitation) -> datetime.datetime | None:
    """From when the next message to this respondent is allowed (None: right away)."""
    if invitation.last_mailed_at is None:
        return None
    return invitation.last_mailed_at + datetime.timedelta(days=invitation.wave.reminder_min_days)


def skip_reason(invitation: Invitation, now=None) -> str | None:
    """None when a reminder may go to this invitation now; otherwise the Reason."""
    wave = invitation.wave
    now = now or timezone.now()
    if invitation.status == Status.COMPLETE:
        return Reason.ANSWERED
    if invitation.status == Status.DECLINED:
        return Reason.DECLINED
    if not invitation.email or invitation.bounced or invitation.opted_out:
        return Reason.NO_ADDRESS
    if invitation.sent_at is None:
        return Reason.NOT_INVITED
    if not wave.is_open(timezone.localdate(now)):
        return Reason.CLOSED
    if invitation.reminders_sent >= wave.reminder_max:
        return Reason.MAXIMUM
    allowed = allowed_from(invitation)
    if allowed is not None and now < allowed:
        return Reason.TOO_SOON
    return None


def reason_counts(counter: dict) -> list[tuple[str, int]]:
    """(label, count) in the Reason order, only the reasons that occur."""
    return [(label, counter[value]) for value, label in Reason.choices if counter.get(value)]


@dataclass
class Plan:
    recipients: list[Invitation] = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)
    last_sent: datetime.datetime | None = None  # when the last reminder of this wave went
    next_allowed: datetime.datetime | None = None  # when the first of those "too soon" may have one

    @property
    def reason_rows(self) -> list[tuple[str, int]]:
        return reason_counts(self.reasons)


def plan(wave: Wave, now=None) -> Plan:
    """What sending reminders now would do, respondent by respondent."""
    now = now or timezone.now()
    result = Plan()
    invitations = wave.invitations.select_related("place", "municipality").order_by(
        "municipality__name", "place__name", "pk")
    for invitation in invitations:
        invitation.wave = wave  # one wave for all: no query per row
        reason = skip_reason(invitation, now)
        if reason is None:
            result.recipients.append(invitation)
        else:
            result.reasons[reason] += 1
        if invitation.reminders_sent and invitation.last_mailed_at and (
                result.last_sent is None or invitation.last_mailed_at > result.last_sent):
            result.last_sent = invitation.last_mailed_at
        if reason == Reason.TOO_SOON:
            allowed = allowed_from(invitation)
            if result.next_allowed is None or allowed < result.next_allowed:
                result.next_allowed = allowed
    return result
