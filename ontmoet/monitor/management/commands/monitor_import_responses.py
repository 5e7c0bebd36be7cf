from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ontmoet.monitor.importing import import_responses

from ._common import get_wave, progress_bar


class Command(BaseCommand):
    help = ("Importeert antwoorden (CSV of XLSX, KoboToolbox-conventie: een kolom per vraagnaam, meerkeuze als "
            "namen met spaties of kolommen vraag/keuze met 1/0, en een kolom respondent met de plekcode of "
            "CBS-code). Alles of niets: bij één fout wordt niets opgeslagen en ziet u de fouten per rij.")

    def add_arguments(self, parser):
        parser.add_argument("wave", type=int, help="Nummer van de uitvraag.")
        parser.add_argument("file", help="Pad naar het CSV- of XLSX-bestand.")
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren, niets opslaan.")
        parser.add_argument("--quiet", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args, wave, file, dry_run=False, quiet=False, **options):
        item = get_wave(wave)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        with progress_bar(None, "controleren", quiet) as bar:
            report = import_responses(item, path.name, path.read_bytes(), dry_run=dry_run, progress=bar.update)
        for problem in report.file_problems:
            self.stderr.write(problem)
        for problem in report.row_problems:
            self.stderr.write(f"rij {problem.row}, kolom {problem.column}: {problem.message}")
        if not report.ok:
            raise CommandError(f"Niets geïmporteerd: {len(report.row_problems) + len(report.file_problems)} fouten.")
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Het bestand is in orde (niets opgeslagen: --dry-run)."))
        else:
            self.stdout.write(self.style.SUCCESS(
                f"{report.count('created')} nieuw, {report.count('updated')} bijgewerkt."))
