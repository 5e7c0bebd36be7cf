from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ontmoet.grants.importing import import_awards
from ontmoet.regions.models import Province


class Command(BaseCommand):
    help = "Importeert historische toekenningen met hun goedgekeurde uren uit CSV of XLSX (alles of niets)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--provincie", default="PV23", help="CBS-code van de provincie (standaard PV23).")

    def handle(self, *args, file, provincie, **options):
        province = Province.objects.filter(code=provincie).first()
        if province is None:
            raise CommandError(f"Onbekende provincie {provincie}.")
        report = import_awards(Path(file).name, Path(file).read_bytes(), province, None)
        for problem in report.file_problems:
            self.stderr.write(problem)
        for problem in report.row_problems:
            self.stderr.write(f"regel {problem.row}, {problem.column}: {problem.message}")
        if not report.ok:
            raise CommandError("Niets geïmporteerd.")
        self.stdout.write(self.style.SUCCESS(f"{report.count('created')} toekenningen geïmporteerd."))
