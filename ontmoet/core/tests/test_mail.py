"""Mail that follows a write leaves after the commit, exactly once, and is retried when sending fails."""

from datetime import timedelta

import pytest
from django.core import mail as outbox
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from ontmoet.core import mail
from ontmoet.core.mail import LaterAttachment, send_templated_mail
from ontmoet.core.models import OutboundMail

TEMPLATE = "grants/email/info_requested"  # any existing mail template; its context may stay empty


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def attachment_maker(text):
    return f"made at delivery: {text}".encode()


def _send(**kwargs):
    return send_templated_mail(TEMPLATE, {}, to=["a@test.example"], **kwargs)


@pytest.mark.real_on_commit
@pytest.mark.django_db(transaction=True)
def test_mail_leaves_after_the_commit_and_not_after_a_rollback():
    with transaction.atomic():
        assert _send() == 1
        assert outbox.outbox == []  # not inside the transaction
    assert len(outbox.outbox) == 1
    assert OutboundMail.objects.get().status == OutboundMail.Status.SENT

    with pytest.raises(RuntimeError), transaction.atomic():
        _send()
        raise RuntimeError("the write fails")
    assert len(outbox.outbox) == 1
    assert OutboundMail.objects.count() == 1


@pytest.mark.real_on_commit
@pytest.mark.django_db(transaction=True)
def test_a_crash_after_the_commit_loses_nothing(monkeypatch):
    monkeypatch.setattr(mail, "_enqueue", lambda pk: None)  # the process died before the worker got it
    with transaction.atomic():
        _send()
    assert outbox.outbox == []
    call_command("send_pending_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(outbox.outbox) == 1
    call_command("send_pending_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(outbox.outbox) == 1  # delivered once


@pytest.mark.django_db
def test_a_failure_is_retried_later_with_growing_pauses(settings):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"
    _send()
    row = OutboundMail.objects.get()
    assert (row.status, row.attempts) == (OutboundMail.Status.PENDING, 1)
    assert "mail server down" in row.last_error
    assert row.next_attempt_at > timezone.now()
    assert mail.due() == []  # not before the pause is over

    OutboundMail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert mail.deliver(row.pk) is False
    row.refresh_from_db()
    assert row.attempts == 2
    assert row.next_attempt_at - timezone.now() > mail.RETRY_PAUSES[0]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboundMail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    call_command("send_pending_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    row.refresh_from_db()
    assert row.status == OutboundMail.Status.SENT
    assert len(outbox.outbox) == 1


@pytest.mark.django_db
def test_it_gives_up_after_the_last_pause(settings):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"
    _send()
    row = OutboundMail.objects.get()
    for _attempt in mail.RETRY_PAUSES:
        OutboundMail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
        mail.deliver(row.pk)
    row.refresh_from_db()
    assert row.status == OutboundMail.Status.FAILED
    assert mail.due() == []


@pytest.mark.django_db
def test_a_key_sends_once():
    assert _send(key="x:1") == 1
    assert _send(key="x:1") == 0
    assert len(outbox.outbox) == 1


@pytest.mark.django_db
def test_a_row_cut_off_while_sending_is_sent_again():
    _send()
    row = OutboundMail.objects.get()
    OutboundMail.objects.filter(pk=row.pk).update(status=OutboundMail.Status.SENDING,
                                                  next_attempt_at=timezone.now() - timedelta(hours=1))
    assert mail.due() == [row.pk]
    assert mail.deliver(row.pk) is True
    assert mail.deliver(row.pk) is False  # claimed and sent: a second worker sends nothing


@pytest.mark.django_db
def test_attachments_stored_or_made_at_delivery_and_purged(settings):
    _send(attachments=[("a.txt", b"stored", "text/plain"),
                       LaterAttachment("b.txt", f"{__name__}.attachment_maker", ("hello",), "text/plain")])
    message = outbox.outbox[0]
    assert [(name, content) for name, content, _type in message.attachments] == [
        ("a.txt", "stored"), ("b.txt", "made at delivery: hello")]
    stored = OutboundMail.objects.get().attachments[0]["name"]
    from django.core.files.storage import default_storage

    assert default_storage.exists(stored)
    OutboundMail.objects.update(sent_at=timezone.now() - timedelta(days=settings.ONTMOET_OUTBOX_RETENTION_DAYS + 1))
    call_command("send_pending_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not OutboundMail.objects.exists()
    assert not default_storage.exists(stored)
