"""Two boards' clicks at the same moment never leave two overlapping accepted bookings.

Real transactions in two threads (transaction=True), on SQLite and, with DATABASE_URL, on PostgreSQL.
"""

import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from ontmoet.rooms import services
from ontmoet.rooms.models import Booking, BookingState

from .factories import make_request, make_room, next_weekday


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_accepts_of_overlapping_requests_leave_exactly_one(world):
    room = make_room(world.place)
    day = next_weekday(1)
    first = make_request(room, [day], email="a@example.org")
    second = make_request(room, [day], email="b@example.org")
    barrier = threading.Barrier(2)
    outcomes = []

    def accept(booking_request):
        try:
            barrier.wait()
            services.accept(booking_request, by=None)
            outcomes.append("accepted")
        except services.BookingConflict:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(r,)) for r in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted", "conflict"]
    assert Booking.objects.filter(state=BookingState.ACCEPTED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_postgresql_refuses_overlapping_accepted_bookings_written_around_the_service(world):
    """Migration 0002: on PostgreSQL the database itself refuses; SQLite has no such constraint and relies
    on services.accept (the test above), so there a write around the service is not stopped."""
    room = make_room(world.place)
    day = next_weekday(1)
    first = make_request(room, [day])
    other = make_request(room, [day], email="b@example.org")
    services.accept(first, by=None)
    if connection.vendor != "postgresql":
        other.bookings.update(state=BookingState.ACCEPTED)
        assert Booking.objects.filter(state=BookingState.ACCEPTED).count() == 2
        return
    with pytest.raises(IntegrityError), transaction.atomic():
        other.bookings.update(state=BookingState.ACCEPTED)
    # Touching end to start is no overlap: [19:00, 22:00) and [22:00, 23:00).
    from datetime import time

    services.accept(make_request(room, [day], starts=time(22), ends=time(23)), by=None)
    assert Booking.objects.filter(state=BookingState.ACCEPTED).count() == 2
