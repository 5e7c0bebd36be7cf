"""Periodic (cron, hourly): remove documents made in the background once they expire, and uploads kept
for a second try (core.held_uploads) once they expire. Safe to run again."""

from django.core.management.base import BaseCommand

from ontmoet.core import held_uploads
from ontmoet.core.documents import purge_expired


class Command(BaseCommand):
    help = "Verwijder documenten die op de achtergrond zijn gemaakt en bewaarde uploads die verlopen zijn."

    def handle(self, *args, **options):
        self.stdout.write(f"verwijderd: {purge_expired()}")
        self.stdout.write(f"bewaarde uploads verwijderd: {held_uploads.purge_expired()}")
