"""Nightly: move the agenda's horizon one day on. Past dates are removed and each running activity gets the
dates that have come within AGENDA_HORIZON_DAYS (only the new days are computed)."""

from django.core.management.base import BaseCommand

from ontmoet.agenda import services


class Command(BaseCommand):
    help = "Verwijdert voorbije data uit de agenda en vult de komende data aan tot de horizon (elke nacht)."

    def handle(self, *args, **options):
        removed, added = services.extend()
        self.stdout.write(f"agenda: {removed} voorbije data verwijderd, {added} nieuwe data toegevoegd")
