from django.core.management.base import BaseCommand

from ontmoet.vacancies import services


class Command(BaseCommand):
    help = ("Dagelijks: zet vacatures na hun einddatum op verlopen, herinnert besturen één keer aan reacties die na "
            "14 dagen nog niet beantwoord zijn, en vraagt mensen die willen helpen hun aanmelding te verlengen "
            "voordat die verloopt. Twee keer op één dag draaien doet niets dubbel.")

    def handle(self, *args, **options):
        expired = services.expire_vacancies()
        reminders = services.remind_boards()
        renewals = services.remind_help_offers()
        self.stdout.write(f"{expired} vacatures verlopen, {reminders} herinneringen aan besturen, "
                          f"{renewals} verzoeken om te verlengen verstuurd.")
