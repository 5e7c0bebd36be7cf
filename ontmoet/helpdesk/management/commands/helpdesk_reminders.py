from django.core.management.base import BaseCommand

from ontmoet.helpdesk.reminders import send_deadline_reminders, send_vetting_reminders


class Command(BaseCommand):
    help = ("Dagelijks: herinnert behandelaars aan vragen die (bijna) over de termijn zijn, en de provincie aan "
            "screeningen die binnen 30 dagen verlopen. Twee keer op één dag draaien stuurt niets dubbel.")

    def handle(self, *args, **options):
        deadlines = send_deadline_reminders()
        vettings = send_vetting_reminders()
        self.stdout.write(f"{deadlines} herinneringen over termijnen, {vettings} over screeningen verstuurd.")
