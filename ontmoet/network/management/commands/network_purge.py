from django.conf import settings
from django.core.management.base import BaseCommand

from ontmoet.network.services.events import purge_personal_data


class Command(BaseCommand):
    help = ("Verwijdert namen en e-mailadressen van deelnemers aan bijeenkomsten die langer dan "
            "ONTMOET_NETWORK_PURGE_AFTER_DAYS dagen geleden zijn afgelopen. Dagelijks draaien; idempotent.")

    def handle(self, *args, **options):
        count = purge_personal_data()
        self.stdout.write(f"Persoonsgegevens verwijderd bij {count} bijeenkomsten "
                          f"(bewaartermijn {settings.ONTMOET_NETWORK_PURGE_AFTER_DAYS} dagen).")
