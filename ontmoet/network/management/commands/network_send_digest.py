from datetime import date

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ontmoet.network.models import Frequency
from ontmoet.network.services.digest import execute_run, recipients, start_run
from ontmoet.regions.models import Province


class Command(BaseCommand):
    help = ("Verstuurt de overzichtsmail voor de periode (week of maand) van vandaag. Idempotent: wie de mail "
            "voor deze periode al kreeg, krijgt hem niet nog eens; na een onderbreking gaat een nieuwe run verder "
            "waar de vorige stopte. Draai wekelijks (week) en maandelijks (maand), bijvoorbeeld via cron.")

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=[Frequency.WEEKLY, Frequency.MONTHLY], required=True)
        parser.add_argument("--date", help="Doe alsof het deze dag is (JJJJ-MM-DD), voor de periode.")
        parser.add_argument("--province", help="Alleen gebruikers met een rol in deze provincie, bijv. PV23.")
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args, frequency, date=None, province=None, no_progress=False, **options):
        day = self._date(date)
        target = None
        if province:
            target = Province.objects.filter(code=province.upper()).first()
            if target is None:
                raise CommandError(f"Provincie {province} bestaat niet.")
        run = start_run(frequency, target, today=day)
        total = recipients(frequency, target).count()
        with tqdm(total=total, unit="gebruiker", disable=no_progress, desc=f"Overzichtsmail {run.period}") as bar:
            run = execute_run(run, progress=bar.update)
        self.stdout.write(self.style.SUCCESS(
            f"Periode {run.period}: {run.processed} gebruikers verwerkt, {run.sent} mails verstuurd."))

    @staticmethod
    def _date(value):
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError as error:
            raise CommandError("Gebruik voor --date de vorm JJJJ-MM-DD.") from error
