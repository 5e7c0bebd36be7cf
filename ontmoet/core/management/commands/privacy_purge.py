from django.core.management.base import BaseCommand
from django.utils import timezone

from ontmoet.core import privacy


class Command(BaseCommand):
    help = ("Verwijdert persoonsgegevens waarvan de bewaartermijn voorbij is (zie docs/privacy.md): meldingen "
            "'klopt er iets niet?', inlogregistratie en de sleutels van verstuurde formulieren. Dagelijks draaien; "
            "idempotent.")

    def handle(self, *args, **options):
        for label, count in privacy.purge(timezone.now()):
            self.stdout.write(f"{label}: {count} verwijderd")
