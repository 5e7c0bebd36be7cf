from datetime import time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ontmoet.core import privacy
from ontmoet.rooms.models import Booking, BookingRequest

from .factories import make_request, make_room

pytestmark = pytest.mark.django_db


def test_personal_data_is_blanked_after_the_retention_period_and_the_figures_stay(world, settings):
    settings.ROOMS_PERSONAL_DATA_DAYS = 90
    room = make_room(world.place)
    old, recent = make_request(room), make_request(room, email="nieuw@example.org",
                                                   starts=time(12),
                                                   ends=time(14))
    long_ago = timezone.now() - timedelta(days=120)
    Booking.objects.filter(request=old).update(starts_at=long_ago - timedelta(hours=3), ends_at=long_ago)
    call_command("privacy_purge", verbosity=0)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.email, old.phone, old.organisation, old.purpose) == ("", "", "", "", "")
    assert old.blanked_at is not None and old.total == 30 and old.tenant_kind.code == "bewonersinitiatief"
    assert old.bookings.get().starts_at == long_ago - timedelta(hours=3)
    assert recent.email == "nieuw@example.org" and recent.blanked_at is None


def test_a_data_subject_request_finds_and_erases_the_requester(world):
    make_request(make_room(world.place))
    [(label, rows)] = [found for found in privacy.find("JAN@example.org") if "Boeking" in found[0]]
    assert rows[0]["naam"] == "Jan Jansen"
    counts = privacy.erase("jan@example.org", by=world.users["province_admin"], reason="Verzoek van Jan")
    assert counts["Boekingsaanvragen voor ruimtes"] == 1
    booking_request = BookingRequest.objects.get()
    assert booking_request.name == "" and booking_request.email == "" and booking_request.bookings.count() == 1
