from django.core.management.base import BaseCommand, CommandError

from ontmoet.network.learning_seed import ensure_learning_network, ensure_leergang
from ontmoet.regions.models import Province


class Command(BaseCommand):
    help = ("Zet voor een provincie de leergang met de vier modules (Programmeren, Basis op orde, Communicatie, "
            "Vrijwilligers) en het lerend netwerk voor gemeenteambtenaren klaar. Twee keer draaien verandert niets.")

    def add_arguments(self, parser):
        parser.add_argument("province", help="CBS-code van de provincie, bijvoorbeeld PV23.")

    def handle(self, *args, province, **options):
        target = Province.objects.filter(code=province.upper()).first()
        if target is None:
            raise CommandError(f"Provincie {province} bestaat niet. Gebruik een CBS-code zoals PV23.")
        course = ensure_leergang(target)
        group = ensure_learning_network(target)
        self.stdout.write(f"{target}: {course} ({course.modules.count()} modules) en {group} staan klaar.")
