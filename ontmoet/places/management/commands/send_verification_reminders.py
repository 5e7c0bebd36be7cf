from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from ontmoet.places import selectors
from ontmoet.places.models import Place
from ontmoet.places.services import send_verification_reminder


class Command(BaseCommand):
    help = ("Periodieke taak (bijv. wekelijks via cron): herinnert actieve plekken waarvan de gegevens langer "
            "dan 12 maanden niet zijn bevestigd. Idempotent: een plek krijgt hoogstens één herinnering per "
            "--interval dagen.")

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=30, help="Minimaal aantal dagen tussen herinneringen.")
        parser.add_argument("--province", help="Alleen deze provinciecode, bijv. PV23.")
        parser.add_argument("--dry-run", action="store_true", help="Toon alleen hoeveel plekken het zou betreffen.")

    def handle(self, *args, interval: int, province: str | None, dry_run: bool, **options):
        since = timezone.now() - timedelta(days=interval)
        places = Place.objects.filter(selectors.needs_verification_q()).filter(
            Q(verification_reminder_sent_at__isnull=True) | Q(verification_reminder_sent_at__lt=since))
        if province:
            places = places.filter(municipality__province__code=province)
        if dry_run:
            self.stdout.write(f"{places.count()} plekken zouden een herinnering krijgen.")
            return
        sent = sum(send_verification_reminder(place) for place in places.iterator())
        self.stdout.write(self.style.SUCCESS(f"{sent} herinneringen verstuurd."))
