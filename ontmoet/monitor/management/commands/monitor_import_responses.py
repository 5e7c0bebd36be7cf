from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ontmoet.core.tabular import TableError
from ontmoet.monitor import kobo
from ontmoet.monitor.importing import import_responses, respondents

from ._common import get_wave, progress_bar


class Command(BaseCommand):
    help = ("Importeert antwoorden: een export uit KoboToolbox (XLSX of CSV, XML-waarden en -kopteksten) of ODK "
            "Central (CSV) zoals die is, of een eigen bestand met een kolom per vraagnaam en een kolom respondent "
            "met de plekcode of CBS-code. Alles of niets: bij één fout wordt niets opgeslagen en ziet u de fouten "
            "per rij.")

    def add_arguments(self, parser):
        parser.add_argument("wave", type=int, help="Nummer van de uitvraag.")
        parser.add_argument("file", help="Pad naar het CSV- of XLSX-bestand.")
        parser.add_argument("--respondent-kolom", dest="respondent_column", default="",
                            help="Kolom die zegt wie antwoordde (standaard respondent, of de kolom met codes).")
        parser.add_argument("--koppeltabel", dest="mapping", default="",
                            help="CSV of XLSX met twee kolommen: waarde in die kolom en de plekcode of CBS-code.")
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren, niets opslaan.")
        parser.add_argument("--quiet", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args, wave, file, dry_run=False, quiet=False, respondent_column="", mapping="", **options):
        item = get_wave(wave)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        table = {}
        if mapping:
            mapping_path = Path(mapping)
            if not mapping_path.is_file():
                raise CommandError(f"Koppeltabel niet gevonden: {mapping_path}")
            codes = set(respondents(item))
            try:
                table, problems = kobo.parse_mapping(
                    kobo.mapping_text(mapping_path.name, mapping_path.read_bytes(), codes), codes)
            except TableError as exc:
                raise CommandError(f"Koppeltabel: {exc}") from exc
            if problems:
                raise CommandError("; ".join(problems))
        with progress_bar(None, "controleren", quiet) as bar:
            report = import_responses(item, path.name, path.read_bytes(), dry_run=dry_run, progress=bar.update,
                                      respondent_column=respondent_column, mapping=table)
        for problem in report.file_problems:
            self.stderr.write(problem)
        for problem in report.row_problems:
            self.stderr.write(f"rij {problem.row}, kolom {problem.column}: {problem.message}")
        if report.ignored_columns:
            self.stdout.write(f"Overgeslagen kolommen: {', '.join(report.ignored_columns)}")
        if report.choice_columns:
            self.stdout.write(f"Keuzekolommen niet apart gelezen (de vraagkolom heeft dezelfde keuzes): "
                              f"{len(report.choice_columns)}")
        if report.header_row:
            row, kind = report.header_row
            self.stdout.write(f"rij {row}: {'HXL-hashtags' if kind == 'hxl' else 'labels'} onder de kolomnamen, "
                              "overgeslagen")
        for row, value in report.skipped_rows:
            self.stdout.write(f"rij {row} ({value or '-'}): geen antwoorden, niet ingelezen")
        if not report.ok:
            raise CommandError(f"Niets geïmporteerd: {len(report.row_problems) + len(report.file_problems)} fouten.")
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Het bestand is in orde (niets opgeslagen: --dry-run)."))
        else:
            self.stdout.write(self.style.SUCCESS(
                f"{report.count('created')} nieuw, {report.count('updated')} bijgewerkt."))
