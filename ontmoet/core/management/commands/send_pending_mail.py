"""Periodic (cron, every few minutes): deliver queued mail the worker did not, retry failures with growing
pauses, and remove delivered mail after ONTMOET_OUTBOX_RETENTION_DAYS. Safe to run again at any time."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from ontmoet.core import mail


class Command(BaseCommand):
    help = "Verstuur e-mail uit de wachtrij die nog niet verstuurd is en ruim oude verstuurde e-mail op."

    def handle(self, *args, **options):
        sent = failed = 0
        for pk in mail.due():
            if mail.deliver(pk):
                sent += 1
            else:
                failed += 1
        purged = mail.purge_sent(timedelta(days=settings.ONTMOET_OUTBOX_RETENTION_DAYS))
        self.stdout.write(f"verstuurd: {sent}, niet gelukt: {failed}, opgeruimd: {purged}")
