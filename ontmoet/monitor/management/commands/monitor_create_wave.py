import datetime

from django.core.management.base import BaseCommand, CommandError

from ontmoet.monitor import services
from ontmoet.monitor.models import Questionnaire, RespondentKind
from ontmoet.places.choices import Status as PlaceStatus
from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"Geen datum: {value} (gebruik jjjj-mm-dd).") from exc


class Command(BaseCommand):
    help = ("Maakt een uitvraag: een vragenlijst voor één jaar aan alle actieve plekken (of alle gemeenten) van "
            "de provincie van de vragenlijst, of aan de plekken in de opgegeven gemeenten.")

    def add_arguments(self, parser):
        parser.add_argument("--questionnaire", type=int, required=True, help="Nummer van de vragenlijst.")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--kind", choices=RespondentKind.values, default=RespondentKind.PLACE,
                            help="place (plekken) of municipality (gemeenten).")
        parser.add_argument("--opens", required=True, help="Eerste dag, jjjj-mm-dd.")
        parser.add_argument("--closes", required=True, help="Laatste dag, jjjj-mm-dd.")
        parser.add_argument("--title", default="", help="Titel (standaard die van de vragenlijst).")
        parser.add_argument("--municipality", action="append", default=[],
                            help="Alleen deze gemeente (CBS-code, mag vaker).")
        parser.add_argument("--reminder-max", type=int, default=2)
        parser.add_argument("--reminder-min-days", type=int, default=7)

    def handle(self, *args, **options):
        questionnaire = Questionnaire.objects.filter(pk=options["questionnaire"]).first()
        if questionnaire is None:
            raise CommandError(f"Vragenlijst {options['questionnaire']} bestaat niet.")
        opens, closes = _date(options["opens"]), _date(options["closes"])
        if closes < opens:
            raise CommandError("De sluitdatum ligt voor de openingsdatum.")
        population = None
        if options["municipality"]:
            municipalities = Municipality.objects.filter(code__in=[c.upper() for c in options["municipality"]],
                                                         province=questionnaire.province)
            missing = {c.upper() for c in options["municipality"]} - set(municipalities.values_list("code", flat=True))
            if missing:
                raise CommandError(f"Onbekende gemeente in deze provincie: {', '.join(sorted(missing))}")
            population = (Place.objects.filter(municipality__in=municipalities, status=PlaceStatus.ACTIVE)
                          if options["kind"] == RespondentKind.PLACE else municipalities)
        wave = services.create_wave(
            questionnaire=questionnaire, title=options["title"] or questionnaire.title, year=options["year"],
            respondent_kind=options["kind"], opens_on=opens, closes_on=closes, population=population,
            reminder_max=options["reminder_max"], reminder_min_days=options["reminder_min_days"])
        self.stdout.write(self.style.SUCCESS(
            f"Uitvraag {wave.pk}: {wave} met {wave.invitations.count()} respondenten."))
