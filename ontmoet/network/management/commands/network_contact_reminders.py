from django.core.management.base import BaseCommand

from ontmoet.network.services.contacts import send_follow_up_reminders


class Command(BaseCommand):
    help = ("Herinnert provinciemedewerkers aan contactmomenten met een gemeente waarvan de opvolgdatum is "
            "aangebroken. Dagelijks draaien; elke herinnering gaat één keer.")

    def handle(self, *args, **options):
        self.stdout.write(f"{send_follow_up_reminders()} herinneringen verstuurd.")
