"""What the agenda holds for an e-mail address (core.privacy): the public contact of an activity.

The contact is the organiser's, given to be published; it is blanked on request and, after the
activity's last date, once AGENDA_CONTACT_RETENTION_DAYS have passed (`ontmoet privacy_purge`).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.core import opendata_store
from ontmoet.core.stamps import written

from .models import Activity

KIND = _("Contactpersoon van een activiteit in de agenda")
BLANK = {"contact_name": "", "contact_phone": "", "contact_email": ""}


def find(email):
    return [(KIND, [{_("plek"): activity.place.name, _("activiteit"): activity.title,
                     _("contactpersoon"): activity.contact_name, _("telefoon"): activity.contact_phone,
                     _("e-mailadres"): activity.contact_email}
                    for activity in Activity.objects.filter(contact_email__iexact=email).select_related("place")])]


def erase(email):
    count = Activity.objects.filter(contact_email__iexact=email).update(**BLANK)
    written(Activity)
    if count:
        opendata_store.discard("agenda")  # the stored open-data files held the contact: gone at once, made anew
    return [(KIND, count)]


def purge(now):
    # The Dutch date: between midnight here and midnight UTC, now.date() is still yesterday.
    cutoff = timezone.localdate(now) - timedelta(days=settings.AGENDA_CONTACT_RETENTION_DAYS)
    ended = Activity.objects.filter(ends_on__lt=cutoff).exclude(**BLANK)
    # A one-off activity ends on its only date.
    once = Activity.objects.filter(recurrence="eenmalig", starts_on__lt=cutoff).exclude(**BLANK)
    return [(KIND, ended.update(**BLANK) + once.update(**BLANK))]
