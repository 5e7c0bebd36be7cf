"""Periodic (cron, nightly, after extend_agenda): build every open-data file whose content changed, and those
that show coming dates (a new day), into storage; remove stored objects no file points at (a build whose
process was killed before its swap). Safe to run again: a current file is left as it is."""

from django.core.management.base import BaseCommand, CommandError

from ontmoet.core import opendata_store


class Command(BaseCommand):
    help = ("Maak de open-databestanden opnieuw die verouderd zijn (of alle, met --alle) en ruim opgeslagen "
            "bestanden op waar niets meer naar wijst.")

    def add_arguments(self, parser):
        parser.add_argument("--alle", action="store_true", help="Ook bestanden die nog actueel zijn.")
        parser.add_argument("--bestand", action="append", default=[],
                            help="Alleen dit bestand, bijvoorbeeld activiteiten.csv (mag vaker).")

    def handle(self, *args, **options):
        specs = opendata_store.specs()
        unknown = [name for name in options["bestand"] if name not in specs]
        if unknown:
            raise CommandError(f"Onbekend bestand: {', '.join(unknown)}. Bekend: {', '.join(sorted(specs))}.")
        for name, spec in sorted(specs.items()):
            if options["bestand"] and name not in options["bestand"]:
                continue
            self.stdout.write(f"{name}: {opendata_store.build(spec, force=options['alle'])}")
        self.stdout.write(f"opgeruimd: {opendata_store.prune()}")
