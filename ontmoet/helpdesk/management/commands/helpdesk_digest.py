from django.core.management.base import BaseCommand

from ontmoet.helpdesk.notifications import send_weekly_digests


class Command(BaseCommand):
    help = ("Wekelijks: stuurt iedereen die voor een weekoverzicht koos één e-mail met de meldingen van het "
            "meldpunt die nog niet verstuurd waren. Opnieuw draaien stuurt niets dubbel.")

    def handle(self, *args, **options):
        self.stdout.write(f"{send_weekly_digests()} weekoverzichten verstuurd.")
