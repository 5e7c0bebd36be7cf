from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ontmoet.regions.services import import_regions_csv


class Command(BaseCommand):
    help = (
        "Laadt provincies en gemeenten uit een CBS-lijst (CSV met kolommen gemeentecode, gemeentenaam, "
        "provinciecode, provincienaam). Bestaande codes worden bijgewerkt; er wordt niets verwijderd."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--province", action="append", default=[], help="Alleen deze provinciecode(s), bijv. PV23")

    def handle(self, *args, file: Path, province: list[str], **options):
        if not file.exists():
            raise CommandError(f"Bestand niet gevonden: {file}")
        result = import_regions_csv(file, set(province) or None)
        if result.errors:
            raise CommandError("\n".join(result.errors))
        self.stdout.write(self.style.SUCCESS(
            f"{result.provinces_created} provincies nieuw, {result.municipalities_created} gemeenten nieuw, "
            f"{result.municipalities_updated} bijgewerkt, {result.municipalities_unchanged} ongewijzigd."
        ))
