from ontmoet.monitor.models import MailJob

from .monitor_invite import Command as InviteCommand


class Command(InviteCommand):
    help = ("Stuurt een herinnering aan wie nog niet (volledig) antwoordde: hoogstens het maximum van de uitvraag, "
            "met minstens het ingestelde aantal dagen ertussen. Veilig om dagelijks te draaien (cron).")
    send_kind = MailJob.Kind.REMIND
