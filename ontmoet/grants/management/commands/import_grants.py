from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ontmoet.grants.importing import import_awards
from ontmoet.grants.importing_hours import import_hour_entries, looks_like_hour_entries
from ontmoet.regions.models import Province


class Command(BaseCommand):
    help = ("Importeert historische toekenningen met hun goedgekeurde uren uit CSV of XLSX, of uren per datum "
            "(kolommen kenmerk, datum, activiteit, vrijwilligers, uren) bij toekenningen die er al zijn. "
            "Alles of niets.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--provincie", default="PV23", help="CBS-code van de provincie (standaard PV23).")

    def handle(self, *args, file, provincie, **options):
        province = Province.objects.filter(code=provincie).first()
        if province is None:
            raise CommandError(f"Onbekende provincie {provincie}.")
        name, data = Path(file).name, Path(file).read_bytes()
        hours = looks_like_hour_entries(name, data)
        report = (import_hour_entries if hours else import_awards)(name, data, province, None)
        for problem in report.file_problems:
            self.stderr.write(problem)
        for problem in report.row_problems:
            self.stderr.write(f"regel {problem.row}, {problem.column}: {problem.message}")
        if not report.ok:
            raise CommandError("Niets geïmporteerd.")
        what = "urenregels" if hours else "toekenningen"
        self.stdout.write(self.style.SUCCESS(f"{report.count('created')} {what} geïmporteerd."))
