"""Periodic (cron, hourly): remove documents made in the background once they expire, mark those stuck long
after they were asked for (a killed worker) as failed, so their owners can try again, and remove uploads kept
for a second try (core.held_uploads) once they expire. Safe to run again."""

from django.core.management.base import BaseCommand

from ontmoet.core import held_uploads
from ontmoet.core.documents import fail_stuck, purge_expired


class Command(BaseCommand):
    help = ("Verwijder verlopen documenten die op de achtergrond zijn gemaakt en verlopen bewaarde uploads; "
            "markeer vastgelopen documenten als mislukt.")

    def handle(self, *args, **options):
        self.stdout.write(f"vastgelopen: {fail_stuck()}")
        self.stdout.write(f"verwijderd: {purge_expired()}")
        self.stdout.write(f"bewaarde uploads verwijderd: {held_uploads.purge_expired()}")
