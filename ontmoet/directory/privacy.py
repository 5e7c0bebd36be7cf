"""What the sociale kaart holds for an e-mail address: "klopt er iets niet?" reports (core.privacy)."""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from .models import OutdatedReport


def find(email):
    return [(_("Meldingen 'klopt er iets niet?'"), [
        {_("plek"): report.place.name, _("ontvangen"): f"{report.created_at:%Y-%m-%d}", _("bericht"): report.message,
         _("e-mailadres"): report.reporter_email}
        for report in OutdatedReport.objects.filter(reporter_email__iexact=email).select_related("place")])]


def erase(email):
    # The report itself may name the sender; it served its purpose once handled, so it goes entirely.
    reports = OutdatedReport.objects.filter(reporter_email__iexact=email)
    return [(_("Meldingen 'klopt er iets niet?'"), reports.delete()[0])]


def purge(now):
    """Reports are handled within weeks; after the retention period they and the sender's address go."""
    old = OutdatedReport.objects.filter(created_at__lt=now - timedelta(days=settings.DIRECTORY_REPORT_RETENTION_DAYS))
    return [(_("Meldingen 'klopt er iets niet?'"), old.delete()[0])]
