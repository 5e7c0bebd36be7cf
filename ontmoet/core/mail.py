"""E-mail that follows a write: rendered from templates in the recipient's language, kept in the outbox
in the same transaction as the write, delivered by the task queue after the commit (ADR 0006).

A commit always leaves an outbox row and a rollback never does, so nothing is sent for a change that
did not happen and nothing is lost when the process dies after the commit: `send_pending_mail` (cron)
delivers what the worker did not, and retries failures with growing pauses. A `key` makes a message
unique, so a second click or a rerun does not send it twice.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

from .models import OutboundMail

log = logging.getLogger(__name__)

# Pauses before the 2nd, 3rd, ... attempt; after the last one the message is marked failed.
RETRY_PAUSES = [timedelta(minutes=m) for m in (1, 5, 15, 60, 240, 720)]
# A row left "sending" this long was cut off by a crash: it is tried again.
STALE_SENDING = timedelta(minutes=15)


@dataclass(frozen=True)
class LaterAttachment:
    """An attachment made when the mail is delivered, by the worker, not in the request: `maker` is the
    dotted path of a function that takes `args` and returns bytes (e.g. a PDF of the application)."""

    filename: str
    maker: str
    args: tuple = ()
    mimetype: str = "application/pdf"


def send_templated_mail(template_base: str, context: dict, to: list[str], language: str = "nl",
                        attachments: list | None = None, headers: dict[str, str] | None = None,
                        key: str | None = None) -> int:
    """Render `<template_base>_subject.txt` and `<template_base>.txt` and queue one message.

    `attachments` are (filename, content, mimetype) or `LaterAttachment`s; `headers` adds mail headers
    such as List-Unsubscribe. Returns the number of messages queued (0 or 1): 0 without recipients or
    when a message with the same `key` was queued before.
    """
    recipients = sorted({address for address in to if address})
    if not recipients:
        return 0
    context = {"base_url": settings.ONTMOET_BASE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_base}_subject.txt", context).split())
        body = render_to_string(f"{template_base}.txt", context)
    if key and OutboundMail.objects.filter(key=key).exists():
        return 0
    stored = [_store(attachment) for attachment in attachments or []]
    try:
        with transaction.atomic():
            mail = OutboundMail.objects.create(key=key, subject=subject[:300], body=body, to=recipients,
                                               headers=headers or {}, attachments=stored)
    except IntegrityError:  # the same key, queued at the same moment by a second request
        return 0
    on_commit(lambda: _enqueue(mail.pk))
    return 1


def on_commit(callback):
    """transaction.on_commit; tests replace it (conftest) because their transaction never commits."""
    transaction.on_commit(callback, robust=True)


def _enqueue(pk: int):
    deliver_mail.enqueue(pk)


def _store(attachment) -> dict:
    if isinstance(attachment, LaterAttachment):
        return {"filename": attachment.filename, "maker": attachment.maker, "args": list(attachment.args),
                "mimetype": attachment.mimetype}
    filename, content, mimetype = attachment
    name = default_storage.save(f"outbox/{uuid.uuid4().hex}/{filename}", ContentFile(content))
    return {"filename": filename, "name": name, "mimetype": mimetype}


def deliver(pk: int) -> bool:
    """Send one queued message, once: the row is claimed first, so two workers never both send it."""
    now = timezone.now()
    claimed = OutboundMail.objects.filter(
        Q(status=OutboundMail.Status.PENDING, next_attempt_at__lte=now)
        | Q(status=OutboundMail.Status.SENDING, next_attempt_at__lte=now - STALE_SENDING),
        pk=pk,
    ).update(status=OutboundMail.Status.SENDING, next_attempt_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return False
    mail = OutboundMail.objects.get(pk=pk)
    try:
        message = EmailMultiAlternatives(subject=mail.subject, body=mail.body, to=mail.to, headers=mail.headers)
        for attachment in mail.attachments:
            message.attach(attachment["filename"], _content(attachment), attachment["mimetype"])
        message.send()
    except Exception as error:  # any failure of rendering or the mail server: try again later
        log.warning("mail %s attempt %s failed: %s", pk, mail.attempts, error)
        gave_up = mail.attempts > len(RETRY_PAUSES)
        pause = RETRY_PAUSES[min(mail.attempts, len(RETRY_PAUSES)) - 1]
        OutboundMail.objects.filter(pk=pk).update(
            status=OutboundMail.Status.FAILED if gave_up else OutboundMail.Status.PENDING,
            next_attempt_at=timezone.now() + pause, last_error=f"{type(error).__name__}: {error}"[:2000])
        return False
    OutboundMail.objects.filter(pk=pk).update(status=OutboundMail.Status.SENT, sent_at=timezone.now(),
                                              last_error="")
    return True


@task()
def deliver_mail(pk: int) -> bool:
    """The worker's side (django-tasks): deliver one queued message."""
    return deliver(pk)


def _content(attachment: dict) -> bytes:
    if "maker" in attachment:
        return import_string(attachment["maker"])(*attachment["args"])
    with default_storage.open(attachment["name"], "rb") as handle:
        return handle.read()


def due() -> list[int]:
    """Messages to (re)try now: pending and due, or cut off while sending."""
    now = timezone.now()
    return list(OutboundMail.objects.filter(
        Q(status=OutboundMail.Status.PENDING, next_attempt_at__lte=now)
        | Q(status=OutboundMail.Status.SENDING, next_attempt_at__lte=now - STALE_SENDING),
    ).order_by("next_attempt_at", "pk").values_list("pk", flat=True))


def purge_sent(older_than: timedelta) -> int:
    """Remove delivered messages (and their stored attachments) after the retention period."""
    old = OutboundMail.objects.filter(status=OutboundMail.Status.SENT, sent_at__lt=timezone.now() - older_than)
    for attachments in old.values_list("attachments", flat=True):
        for attachment in attachments:
            if "name" in attachment:
                default_storage.delete(attachment["name"])
    return old.delete()[0]
