from ontmoet.monitor.models import MailJob, Wave

from .monitor_invite import Command as InviteCommand


class Command(InviteCommand):
    help = ("Stuurt een herinnering aan wie nog niet (volledig) antwoordde: hoogstens het maximum van de uitvraag, "
            "met minstens het ingestelde aantal dagen ertussen. Zonder nummer: voor elke uitvraag die vandaag open "
            "is. Veilig om dagelijks te draaien (cron).")
    send_kind = MailJob.Kind.REMIND

    def add_arguments(self, parser):
        parser.add_argument("wave", type=int, nargs="?",
                            help="Nummer van de uitvraag; zonder nummer: alle uitvragen die vandaag open zijn.")
        parser.add_argument("--quiet", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args, wave=None, quiet=False, **options):
        if wave is not None:
            return super().handle(*args, wave=wave, quiet=quiet, **options)
        # Every open wave: one cron line keeps working from one year's monitor to the next.
        waves = list(Wave.objects.open_on().select_related("questionnaire", "province").order_by("pk"))
        if not waves:
            self.stdout.write("Geen uitvraag is vandaag open: niemand herinnerd.")
        for item in waves:
            job = self.send(item, quiet)
            self.stdout.write(self.style.SUCCESS(
                f"Uitvraag {item.pk} ({item.title}): {job.sent} verstuurd, {job.skipped} overgeslagen."))
