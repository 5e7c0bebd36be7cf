from django.core.management.base import BaseCommand

from ontmoet.directory.services import rebuild_index


class Command(BaseCommand):
    help = ("Bouwt de zoekindex van de sociale kaart opnieuw op uit het register (na een bulkimport of "
            "een herstel van de database). Twee keer draaien geeft hetzelfde resultaat.")

    def handle(self, *args, **options):
        def progress(done, total):
            self.stdout.write(f"\r{done}/{total} plekken", ending="")
            self.stdout.flush()

        count = rebuild_index(progress=progress)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Zoekindex klaar: {count} openbare plekken."))
