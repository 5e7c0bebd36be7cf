"""What the Sociale Hypotheek holds for an e-mail address: applications and hours entered by the user (core.privacy).

Subsidy records are kept for the statutory period (see docs/privacy.md): they are listed and exported,
not erased; the anonymised login no longer names the person.
"""

from django.utils.translation import gettext as _

from .models import Application, HourEntry


def find(email):
    return [
        (_("Subsidieaanvragen (bewaarplicht)"), [
            {_("plek"): application.place.name, _("ronde"): str(application.round),
             _("status"): application.get_status_display(), _("aangemaakt"): f"{application.created_at:%Y-%m-%d}"}
            for application in Application.objects.filter(created_by__email__iexact=email)
            .select_related("place", "round")]),
        (_("Geregistreerde vrijwilligersuren (bewaarplicht)"), [
            {_("activiteit"): entry.activity_title, _("datum"): f"{entry.date:%Y-%m-%d}", _("uren"): str(entry.hours)}
            for entry in HourEntry.objects.filter(created_by__email__iexact=email)]),
    ]


def erase(email):
    return []
