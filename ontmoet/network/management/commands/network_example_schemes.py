from django.core.management.base import BaseCommand, CommandError

from ontmoet.network.schemes_examples import load_example_schemes
from ontmoet.regions.models import Province


class Command(BaseCommand):
    help = ("Zet de voorbeeldregelingen uit de bronstukken (Sociale Hypotheek, gemeentelijke subsidie, SPUK/GALA, "
            "Sportakkoord, SOO, private fondsen) in de catalogus van een provincie, gemarkeerd als voorbeeld.")

    def add_arguments(self, parser):
        parser.add_argument("province", help="CBS-code van de provincie, bijvoorbeeld PV23.")

    def handle(self, *args, province, **options):
        target = Province.objects.filter(code=province.upper()).first()
        if target is None:
            raise CommandError(f"Provincie {province} bestaat niet. Gebruik een CBS-code zoals PV23.")
        self.stdout.write(f"{load_example_schemes(target)} voorbeeldregelingen toegevoegd aan {target}.")
