from django.core.management.base import BaseCommand

from ontmoet.network.services.events import send_reminders


class Command(BaseCommand):
    help = ("Stuurt de herinnering 'morgen is het zover' aan iedereen die is aangemeld voor een bijeenkomst van "
            "morgen. Dagelijks draaien; twee keer draaien stuurt niets dubbel.")

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} herinneringen verstuurd.")
