from django.core.management.base import BaseCommand

from ontmoet.grants.services import settle_due


class Command(BaseCommand):
    help = ("Rekent toekenningen af waarvan de einddatum voorbij is: afgerond als de uren gedaan zijn, anders een "
            "voorstel voor terugbetaling dat een medewerker beoordeelt. Twee keer draaien verandert niets.")

    def handle(self, *args, **options):
        count = settle_due()
        self.stdout.write(self.style.SUCCESS(f"{count} toekenningen afgerekend of voorgesteld."))
