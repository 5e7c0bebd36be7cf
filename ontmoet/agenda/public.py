"""What the public sees of the agenda: schema.org Event data and the iCalendar feeds. Data only, no markup."""

import json
from datetime import UTC

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from icalendar import Calendar, Event

from .selectors import distance_km


def _place_address(place) -> dict:
    return {"@type": "PostalAddress", "streetAddress": " ".join(p for p in [place.street, place.house_number] if p),
            "postalCode": place.postcode, "addressLocality": place.city, "addressCountry": "NL"}


def event_jsonld(row, base_url: str) -> dict:
    """schema.org Event for one date of an activity."""
    activity, place = row.activity, row.place
    data = {
        "@type": "Event",
        "name": activity.title,
        "startDate": timezone.localtime(row.starts_at).isoformat(),
        "endDate": timezone.localtime(row.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": place.name, "address": _place_address(place),
                     "url": base_url + reverse("directory:place", args=[place.code])},
        "isAccessibleForFree": activity.is_free,
        "organizer": {"@type": "Organization", "name": place.name},
    }
    if activity.description:
        data["description"] = activity.description
    if not activity.is_free:
        data["offers"] = {"@type": "Offer", "price": str(activity.cost), "priceCurrency": "EUR"}
    return data


def events_jsonld(rows, base_url: str) -> list[dict]:
    return [{"@context": "https://schema.org", **event_jsonld(row, base_url)} for row in rows]


def calendar(rows, name: str, base_url: str) -> bytes:
    """An iCalendar file (RFC 5545) with one event per date; the library folds lines and escapes text."""
    feed = Calendar()
    feed.add("prodid", "-//Ontmoet//Agenda//NL")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().astimezone(UTC)
    host = base_url.split("://")[-1] or "ontmoet"
    for row in rows:
        activity, place = row.activity, row.place
        event = Event()
        event.add("uid", f"agenda-{activity.pk}-{row.date:%Y%m%d}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.starts_at.astimezone(UTC))
        event.add("dtend", row.ends_at.astimezone(UTC))
        event.add("summary", activity.title)
        if activity.description:
            event.add("description", activity.description)
        event.add("location", ", ".join(part for part in [place.name, place.address_line] if part))
        event.add("url", base_url + reverse("directory:place", args=[place.code]))
        if place.latitude is not None:
            event.add("geo", (float(place.latitude), float(place.longitude)))
        feed.add_component(event)
    return feed.to_ical()


def card(row) -> dict:
    """What one result shows, for the template; `key` names what its kept markup was made from (result.html):
    a changed activity gets new date rows, and a renamed or moved place a new `updated_at`."""
    activity, place = row.activity, row.place
    key = f"{row.pk}.{activity.updated_at.timestamp()}.{place.updated_at.timestamp()}.{get_language()}"
    return {"row": row, "activity": activity, "place": place, "distance_km": distance_km(row), "key": key}


def script_content(data) -> str:
    """JSON safe inside <script type="application/ld+json">: no '</script>' can close the element."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
