"""Periodic (cron, hourly): remove documents made in the background once they expire. Safe to run again."""

from django.core.management.base import BaseCommand

from ontmoet.core.documents import purge_expired


class Command(BaseCommand):
    help = "Verwijder documenten die op de achtergrond zijn gemaakt en verlopen zijn."

    def handle(self, *args, **options):
        self.stdout.write(f"verwijderd: {purge_expired()}")
