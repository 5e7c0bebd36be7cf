"""The .ics sent with an accepted booking: one event per accepted date (icalendar, RFC 5545)."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event


def ics(booking_request, bookings) -> bytes:
    place = booking_request.room.place
    cal = Calendar()
    cal.add("prodid", "-//Ontmoet//Ruimtes//NL")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    for booking in bookings:
        event = Event()
        event.add("uid", f"ontmoet-boeking-{booking.pk}@{settings.ONTMOET_BASE_URL.split('//')[-1].strip('/')}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", booking.starts_at)
        event.add("dtend", booking.ends_at)
        event.add("summary", f"{booking_request.room.name}, {place.name}")
        event.add("location", place.address_line or place.name)
        cal.add_component(event)
    return cal.to_ical()
