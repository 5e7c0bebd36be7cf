from django.core.management.base import BaseCommand, CommandError

from ontmoet.monitor import services
from ontmoet.monitor.models import MailJob

from ._common import get_wave, progress_bar


class Command(BaseCommand):
    help = ("Verstuurt de uitnodigingen van een uitvraag aan wie er nog geen kreeg (met een e-mailadres, niet "
            "afgemeld of teruggekomen). Nog eens draaien stuurt niemand twee keer.")
    send_kind = MailJob.Kind.INVITE

    def add_arguments(self, parser):
        parser.add_argument("wave", type=int, help="Nummer van de uitvraag.")
        parser.add_argument("--quiet", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args, wave, quiet=False, **options):
        item = get_wave(wave)
        if not item.is_open():
            raise CommandError(f"Uitvraag {item.pk} is niet open ({item.opens_on} tot en met {item.closes_on}).")
        job = self.send(item, quiet)
        self.stdout.write(self.style.SUCCESS(f"{job.sent} verstuurd, {job.skipped} overgeslagen."))

    def send(self, wave, quiet: bool):
        job = services.start_mail_job_record(wave, self.send_kind)
        with progress_bar(job.total, str(job.get_kind_display()), quiet) as bar:
            services.run_mail_job_now(job, job.invitation_ids, progress=bar.update)
        return job
