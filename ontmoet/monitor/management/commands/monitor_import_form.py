from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ontmoet.monitor import services
from ontmoet.monitor.xlsform import FormError

from ._common import get_province


class Command(BaseCommand):
    help = ("Leest een XLSForm (.xlsx of .xls met de bladen survey, choices en settings) in als vragenlijst van "
            "een provincie. Fouten noemen blad, rij en kolom; dan wordt niets opgeslagen.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pad naar het .xlsx- of .xls-bestand.")
        parser.add_argument("--rijen-overslaan", action="store_true", dest="skip",
                            help="Lees het formulier zonder de rijen die de monitor niet kan vragen (herhalingen, "
                                 "foto's, GPS, ...) en noem die rijen.")
        parser.add_argument("--province", default="PV23", help="CBS-code van de provincie (standaard PV23).")

    def handle(self, *args, file, province, skip=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        try:
            questionnaire = services.import_questionnaire(get_province(province), path.read_bytes(), path.name,
                                                          skip_unsupported=skip)
        except FormError as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError("De vragenlijst is niet opgeslagen.") from exc
        for problem in questionnaire.skipped:
            self.stdout.write(str(problem))
        questions = len(questionnaire.form.answerable)
        self.stdout.write(self.style.SUCCESS(
            f"Vragenlijst {questionnaire.pk}: {questionnaire.title}, versie {questionnaire.version}, "
            f"{questions} vragen."))
