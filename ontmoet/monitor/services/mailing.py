"""Mail to respondents: invitations, reminders and a new personal link, one by one or as a mail job."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.core.mail import send_templated_mail

from .. import reminders
from ..models import (
    Invitation,
    MailJob,
    Status,
    Wave,
)
from .common import _event, _locked, invitation_url


@transaction.atomic
def reissue_link(invitation: Invitation, *, by, send: bool = False) -> Invitation:
    """Revoke the invitation's personal link at once and give out a new one, mailed if asked (after the
    commit, core.mail). Recorded in the invitation's history like every other change."""
    invitation = _locked(invitation)
    invitation.link_version += 1
    invitation.save(update_fields=["link_version", "updated_at"])
    mailed = send and can_mail(invitation) and _mail(
        invitation, "new_link", key=f"monitor.new_link:{invitation.pk}:{invitation.link_version}")
    _event(invitation, _("persoonlijke link ingetrokken; nieuwe link verstuurd") if mailed
           else _("persoonlijke link ingetrokken; nieuwe link gemaakt"), by)
    return invitation


# -- mail ----------------------------------------------------------------------------------------
def can_mail(invitation: Invitation) -> bool:
    return bool(invitation.email) and not invitation.bounced and not invitation.opted_out


def needs_reminder(invitation: Invitation, now=None) -> bool:
    """Non-responders only, at most `reminder_max` reminders, at least `reminder_min_days` apart (reminders.py)."""
    return reminders.skip_reason(invitation, now) is None


def _mail(invitation: Invitation, template: str, key: str | None = None) -> int:
    wave = invitation.wave
    return send_templated_mail(f"monitor/email/{template}", {
        "invitation": invitation, "wave": wave, "url": invitation_url(invitation),
        "name": invitation.respondent_name, "closes_on": wave.closes_on,
    }, [invitation.email], headers={"List-Unsubscribe": f"<{invitation_url(invitation)}afmelden/>"}, key=key)


@transaction.atomic
def send_invitation(invitation: Invitation) -> bool:
    invitation = _locked(invitation)
    if invitation.sent_at is not None or not can_mail(invitation) or invitation.status in {
            Status.COMPLETE, Status.DECLINED}:
        return False
    _mail(invitation, "invitation")
    invitation.sent_at = invitation.last_mailed_at = timezone.now()
    invitation.save(update_fields=["sent_at", "last_mailed_at", "updated_at"])
    _event(invitation, _("uitnodiging verstuurd naar %(email)s") % {"email": invitation.email})
    return True


@transaction.atomic
def send_reminder(invitation: Invitation, now=None) -> bool:
    invitation = _locked(invitation)
    if not needs_reminder(invitation, now):
        return False
    _mail(invitation, "reminder")
    invitation.reminders_sent += 1
    invitation.last_mailed_at = now or timezone.now()
    invitation.save(update_fields=["reminders_sent", "last_mailed_at", "updated_at"])
    _event(invitation, _("herinnering %(n)s verstuurd") % {"n": invitation.reminders_sent})
    return True


def start_mail_job_record(wave: Wave, kind: str, user=None) -> MailJob:
    """A MailJob for everyone who may get this kind of message now; `job.invitation_ids` lists them."""
    if kind == MailJob.Kind.INVITE:
        candidates = wave.invitations.filter(sent_at__isnull=True).exclude(
            status__in=[Status.COMPLETE, Status.DECLINED])
    else:
        candidates = wave.invitations.filter(sent_at__isnull=False,
                                             status__in=[Status.INVITED, Status.OPENED, Status.PARTIAL])
    ids = list(candidates.values_list("pk", flat=True))
    reasons = {}
    if kind == MailJob.Kind.REMIND:  # why the others get none, for the report afterwards
        for invitation in wave.invitations.exclude(pk__in=ids):
            invitation.wave = wave
            reason = reminders.skip_reason(invitation)
            reasons[reason] = reasons.get(reason, 0) + 1
    job = MailJob.objects.create(wave=wave, kind=kind, total=len(ids), created_by=user, skip_reasons=reasons)
    job.invitation_ids = ids
    return job


def run_mail_job_now(job: MailJob, invitation_ids: list[int], progress=None) -> MailJob:
    """Send one by one, saving progress every few messages so the progress page can follow."""
    send = send_invitation if job.kind == MailJob.Kind.INVITE else send_reminder
    for index, invitation in enumerate(Invitation.objects.filter(pk__in=invitation_ids).select_related(
            "wave", "place", "municipality").order_by("pk"), start=1):
        if send(invitation):
            job.sent += 1
        else:
            job.skipped += 1
            if job.kind == MailJob.Kind.REMIND:
                invitation.refresh_from_db()
                reason = reminders.skip_reason(invitation) or reminders.Reason.TOO_SOON
                job.skip_reasons[reason] = job.skip_reasons.get(reason, 0) + 1
        job.done = index
        if progress:
            progress(1)
        if index % 10 == 0:
            MailJob.objects.filter(pk=job.pk).update(done=job.done, sent=job.sent, skipped=job.skipped,
                                                     skip_reasons=job.skip_reasons)
    job.done = job.total
    job.finished_at = timezone.now()
    job.save()
    return job
