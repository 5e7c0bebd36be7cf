"""Sending e-mail through Django's mail framework, from templates, in the user's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail(template_base: str, context: dict, to: list[str], language: str = "nl",
                        attachments: list[tuple[str, bytes, str]] | None = None,
                        headers: dict[str, str] | None = None) -> int:
    """Render `<template_base>_subject.txt` and `<template_base>.txt` and send one message.

    `attachments` are (filename, content, mimetype), e.g. a PDF copy or an .ics file; `headers` adds
    mail headers such as List-Unsubscribe. Returns the number of messages sent (0 or 1).
    Recipients without an address are skipped.
    """
    recipients = sorted({address for address in to if address})
    if not recipients:
        return 0
    context = {"base_url": settings.ONTMOET_BASE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_base}_subject.txt", context).split())
        body = render_to_string(f"{template_base}.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=recipients, headers=headers or {})
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    return message.send()
