import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ontmoet.demo.users import DEMO_PASSWORD, load_demo_users
from ontmoet.places.demo import load_demo_places
from ontmoet.regions.demo import load_overijssel

# Loaded first and explicitly: every other app's demo data builds on these.
FOUNDATION_APPS = {"ontmoet.regions", "ontmoet.places", "ontmoet.accounts", "ontmoet.demo", "ontmoet.core"}


def domain_demo_loaders():
    """`load_demo()` of every other Ontmoet app that has a demo.py, in INSTALLED_APPS order.

    Each loader is idempotent and returns one line for the summary (or None).
    """
    for config in apps.get_app_configs():
        if not config.name.startswith("ontmoet.") or config.name in FOUNDATION_APPS:
            continue
        module_name = f"{config.name}.demo"
        if importlib.util.find_spec(module_name) is not None:
            module = importlib.import_module(module_name)
            if hasattr(module, "load_demo"):
                yield config.verbose_name, module.load_demo


class Command(BaseCommand):
    help = ("Laadt fictieve demodata: de 25 gemeenten van Overijssel, ongeveer 325 plekken, één login per rol "
            "en de demogegevens van elke module. Twee keer draaien verandert niets.")

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Druk de demo-logins niet af.")

    def handle(self, *args, quiet_logins=False, **options):
        if settings.PRODUCTION:
            raise CommandError("Demodata laden kan niet in productie (ONTMOET_ENV=production).")
        load_overijssel()
        created = load_demo_places()
        logins = load_demo_users()
        self.stdout.write(self.style.SUCCESS(f"Demodata klaar: {created} nieuwe plekken (alles fictief)."))
        for name, loader in domain_demo_loaders():
            summary = loader()
            if summary:
                self.stdout.write(f"  {name}: {summary}")
        if not quiet_logins:
            self.stdout.write(f"\nDemo-logins (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
            for email, role in logins:
                self.stdout.write(f"  {role:<40} {email}")
