from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ontmoet.accounts.models import User
from ontmoet.accounts.scoping import get_scope
from ontmoet.places.importing import import_places


class Command(BaseCommand):
    help = ("Importeert plekken uit een CSV- of XLSX-bestand (kolommen: zie docs/import-plekken.md). "
            "Alles of niets: bij één fout wordt niets opgeslagen en volgt een verslag per rij.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--as", dest="email", required=True,
                            help="E-mailadres van de provinciemedewerker namens wie wordt geïmporteerd "
                                 "(bepaalt het gebied en staat in de geschiedenis).")

    def handle(self, *args, file: Path, email: str, **options):
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        user = User.objects.filter(email=email.lower(), is_active=True).first()
        scope = get_scope(user) if user else None
        if scope is None or not scope.is_province_staff:
            raise CommandError(f"{email} is geen actieve provinciemedewerker.")
        with tqdm(total=0, unit="rij", desc="Controleren", disable=options["verbosity"] == 0) as bar:
            def progress(done, total):
                bar.total = total
                bar.update(done - bar.n)

            report = import_places(file.name, file.read_bytes(), scope, user, progress=progress)
        for problem in report.file_problems:
            self.stderr.write(problem)
        for problem in report.row_problems:
            self.stderr.write(f"rij {problem.row}, kolom {problem.column}: {problem.message}")
        if not report.ok:
            raise CommandError("Er is niets geïmporteerd: verbeter de fouten hierboven.")
        self.stdout.write(self.style.SUCCESS(
            f"Import gelukt: {report.count('created')} nieuw, {report.count('updated')} bijgewerkt, "
            f"{report.count('unchanged')} ongewijzigd."))
