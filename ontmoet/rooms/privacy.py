"""What the rooms app holds for an e-mail address: booking requests (core.privacy).

The requester's name, address, phone, organisation and purpose are blanked ROOMS_PERSONAL_DATA_DAYS
after the request's last date; room, times, kind of tenant and amounts stay for the occupancy and
income figures.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .models import BookingRequest

LABEL = gettext_noop("Boekingsaanvragen voor ruimtes")
BLANK = {"name": "", "email": "", "phone": "", "organisation": "", "purpose": ""}


def find(email):
    found = BookingRequest.objects.filter(email__iexact=email).select_related("room__place")
    return [(_(LABEL), [
        {_("plek"): item.room.place.name, _("ruimte"): item.room.name, _("eerste datum"): f"{item.first_date:%Y-%m-%d}",
         _("naam"): item.name, _("e-mailadres"): item.email, _("telefoon"): item.phone,
         _("organisatie"): item.organisation, _("waarvoor"): item.purpose} for item in found])]


def erase(email):
    # The booking stays (the room was used, the amount counts); who asked does not.
    count = BookingRequest.objects.filter(email__iexact=email).update(**BLANK, blanked_at=timezone.now())
    return [(_(LABEL), count)]


def purge(now):
    cutoff = now - timedelta(days=settings.ROOMS_PERSONAL_DATA_DAYS)
    old = (BookingRequest.objects.filter(blanked_at__isnull=True)
           .annotate(last=Max("bookings__ends_at")).filter(last__lt=cutoff).values("pk"))
    count = BookingRequest.objects.filter(pk__in=old).update(**BLANK, blanked_at=now)
    return [(_(LABEL), count)]
