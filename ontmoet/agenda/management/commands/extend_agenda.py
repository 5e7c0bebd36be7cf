"""Nightly: move the agenda's horizon one day on. Past dates are removed and each running activity gets the
dates that have come within AGENDA_HORIZON_DAYS (only the new days are computed). Boards whose activities will
be hidden for want of a confirmation within AGENDA_CONFIRM_WARN_DAYS are mailed (once per confirmation)."""

from django.core.management.base import BaseCommand

from ontmoet.agenda import services


class Command(BaseCommand):
    help = ("Verwijdert voorbije data uit de agenda, vult de komende data aan tot de horizon en herinnert besturen "
            "aan activiteiten die bevestigd moeten worden (elke nacht).")

    def handle(self, *args, **options):
        removed, added = services.extend()
        self.stdout.write(f"agenda: {removed} voorbije data verwijderd, {added} nieuwe data toegevoegd")
        self.stdout.write(f"agenda: {services.remind_confirmations()} herinneringen om te bevestigen")
