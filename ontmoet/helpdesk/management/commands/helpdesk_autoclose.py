from django.conf import settings
from django.core.management.base import BaseCommand

from ontmoet.helpdesk.services import auto_close


class Command(BaseCommand):
    help = "Sluit vragen die langer dan ONTMOET_HELPDESK_AUTOCLOSE_DAYS dagen geleden zijn opgelost."

    def add_arguments(self, parser):
        parser.add_argument("--dagen", type=int, default=settings.ONTMOET_HELPDESK_AUTOCLOSE_DAYS)

    def handle(self, *args, dagen, **options):
        self.stdout.write(f"{auto_close(dagen)} vragen automatisch gesloten.")
