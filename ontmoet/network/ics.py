"""iCalendar (.ics) for one event (mail attachment) and for a feed of events."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Ontmoet//Kennisnetwerk//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def _vevent(event) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", f"event-{event.pk}@ontmoet")
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", timezone.localtime(event.starts_at))
    vevent.add("dtend", timezone.localtime(event.ends_at))
    vevent.add("summary", event.title)
    url = settings.ONTMOET_BASE_URL + event.get_absolute_url()
    vevent.add("url", url)
    description = event.description or ""
    if event.online_url:
        description = f"{description}\n\nOnline: {event.online_url}".strip()
    vevent.add("description", f"{description}\n\n{url}".strip())
    location = event.location or event.online_url
    if location:
        vevent.add("location", location)
    return vevent


def event_ics(event) -> bytes:
    calendar = _calendar()
    calendar.add_component(_vevent(event))
    return calendar.to_ical()


def feed_ics(events, name: str) -> bytes:
    calendar = _calendar()
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(_vevent(event))
    return calendar.to_ical()
