from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ontmoet.accounts.demo import DEMO_PASSWORD, load_demo_users
from ontmoet.places.demo import load_demo_places
from ontmoet.regions.demo import load_overijssel


class Command(BaseCommand):
    help = ("Laadt fictieve demodata: de 25 gemeenten van Overijssel, ongeveer 325 plekken en één login per rol. "
            "Twee keer draaien verandert niets.")

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Druk de demo-logins niet af.")

    def handle(self, *args, quiet_logins=False, **options):
        if settings.PRODUCTION:
            raise CommandError("Demodata laden kan niet in productie (ONTMOET_ENV=production).")
        load_overijssel()
        created = load_demo_places()
        logins = load_demo_users()
        self.stdout.write(self.style.SUCCESS(f"Demodata klaar: {created} nieuwe plekken (alles fictief)."))
        if not quiet_logins:
            self.stdout.write(f"\nDemo-logins (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
            for email, role in logins:
                self.stdout.write(f"  {role:<40} {email}")
