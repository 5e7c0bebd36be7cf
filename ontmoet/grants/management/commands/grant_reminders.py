from django.core.management.base import BaseCommand

from ontmoet.grants.services import send_reminders


class Command(BaseCommand):
    help = ("Stuurt herinneringen aan besturen die achterlopen met hun uren (hoogstens één per maand) en drie "
            "maanden voor de einddatum (één keer). Twee keer draaien stuurt niets dubbel.")

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(self.style.SUCCESS(f"{sent} herinneringen verstuurd."))
