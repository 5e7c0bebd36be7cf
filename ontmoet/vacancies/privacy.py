"""What the vacancies module holds for an e-mail address, and its retention (core.privacy, docs/privacy.md).

Responses keep the vacancy, the date and the status (for the counts); the responder's name, e-mail,
phone, message and the board's answer are blanked VACANCIES_RESPONSE_RETENTION_DAYS after the vacancy
closed. Help offers are deleted when they lapse (a year after they were made or last renewed).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import CLOSED_STATUSES, HelpOffer, Response

BLANK = {"name": "", "email": "", "phone": "", "message": "", "answer": ""}


def find(email):
    return [
        (_("Reacties op vacatures"), [
            {_("vacature"): response.vacancy.title, _("plek"): response.vacancy.place.name,
             _("ontvangen"): f"{response.created_at:%Y-%m-%d}", _("naam"): response.name,
             _("telefoon"): response.phone, _("bericht"): response.message, _("antwoord"): response.answer}
            for response in Response.objects.filter(email__iexact=email).select_related("vacancy__place")]),
        (_("Aanmeldingen 'ik wil helpen'"), [
            {_("gemeente"): offer.municipality.name, _("aangemeld"): f"{offer.created_at:%Y-%m-%d}",
             _("naam"): offer.name, _("telefoon"): offer.phone, _("wat u graag doet"): offer.interests}
            for offer in HelpOffer.objects.filter(email__iexact=email).select_related("municipality")]),
    ]


def _blank(responses, now) -> int:
    return responses.filter(blanked_at__isnull=True).update(**BLANK, blanked_at=now)


def erase(email):
    return [(_("Reacties op vacatures"), _blank(Response.objects.filter(email__iexact=email), timezone.now())),
            (_("Aanmeldingen 'ik wil helpen'"), HelpOffer.objects.filter(email__iexact=email).delete()[0])]


def purge(now):
    closed_before = now - timedelta(days=settings.VACANCIES_RESPONSE_RETENTION_DAYS)
    responses = Response.objects.filter(vacancy__status__in=CLOSED_STATUSES, vacancy__closed_at__lt=closed_before)
    lapsed = HelpOffer.objects.filter(renewed_at__lte=now - timedelta(days=settings.VACANCIES_HELP_OFFER_DAYS))
    return [(_("Reacties op vacatures (gegevens gewist)"), _blank(responses, now)),
            (_("Aanmeldingen 'ik wil helpen' (verlopen)"), lapsed.delete()[0])]
