"""The submission's confirmation survives a crash after the commit: it waits in the outbox (core.mail)."""

import pytest
from django.core import mail
from django.core.management import call_command

from ontmoet.core import mail as core_mail
from ontmoet.core.models import OutboundMail
from ontmoet.grants import services

from .factories import RoundFactory, complete_draft

pytestmark = [pytest.mark.real_on_commit, pytest.mark.django_db(transaction=True)]


def test_confirmation_is_sent_after_a_crash_after_the_commit_and_once(world, monkeypatch):
    board = world.users["board_member"]
    application = complete_draft(world.place, RoundFactory(), board)
    mail.outbox.clear()
    monkeypatch.setattr(core_mail, "_enqueue", lambda pk: None)  # the web process dies after the commit
    _app, done = services.submit(application.pk, board)
    assert done and mail.outbox == []
    assert OutboundMail.objects.get().status == OutboundMail.Status.PENDING

    call_command("send_pending_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115 - cron, a minute later
    services.submit(application.pk, board)  # a second click
    call_command("send_pending_mail", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    name, content, mimetype = mail.outbox[0].attachments[0]
    assert name == f"aanvraag-{application.number}.pdf" and content.startswith(b"%PDF")  # made by the worker
