"""What the public sees of the agenda: schema.org Event data and the iCalendar feeds. Data only, no markup."""

import json
from datetime import UTC, date, time
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.conf import settings
from django.template.defaultfilters import floatformat, truncatewords
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language
from icalendar import Calendar, Event

from .selectors import distance_km


def _place_address(place) -> dict:
    return {"@type": "PostalAddress", "streetAddress": " ".join(p for p in [place.street, place.house_number] if p),
            "postalCode": place.postcode, "addressLocality": place.city, "addressCountry": "NL"}


def event_jsonld(row, base_url: str, place_path: str | None = None, times: tuple | None = None) -> dict:
    """schema.org Event for one date of an activity (place_path and times: the place's page and the local
    start and end in ISO 8601, when already made for its card)."""
    activity, place = row.activity, row.place
    starts, ends = times or (timezone.localtime(row.starts_at).isoformat(), timezone.localtime(row.ends_at).isoformat())
    data = {
        "@type": "Event",
        "name": activity.title,
        "startDate": starts,
        "endDate": ends,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": place.name, "address": _place_address(place),
                     "url": base_url + (place_path or reverse("directory:place", args=[place.code]))},
        "isAccessibleForFree": activity.is_free,
        "organizer": {"@type": "Organization", "name": place.name},
    }
    if activity.description:
        data["description"] = activity.description
    if not activity.is_free:
        data["offers"] = {"@type": "Offer", "price": str(activity.cost), "priceCurrency": "EUR"}
    return data


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


TENTH = Decimal("0.1")


@lru_cache(maxsize=4096)
def _day(day: date, language: str) -> str:
    """"dinsdag 8 december", once per day and language in a process (Django's formatter costs tens of µs a
    call, and the same few days recur on every page). The language is part of the key only: the formatter
    reads the active one."""
    return f"{formats.date_format(day, 'l')} {formats.date_format(day, 'MONTH_DAY_FORMAT')}"


@lru_cache(maxsize=1024)
def _clock(moment: time, language: str) -> str:
    return formats.time_format(moment, "TIME_FORMAT")


@lru_cache(maxsize=8)
def _decimal_separator(language: str) -> str:
    return formats.get_format("DECIMAL_SEPARATOR")


def one_decimal(value: float, language: str) -> str:
    """What `|floatformat:1` writes for a distance (rounded half up, the language's decimal sign, no grouping:
    USE_THOUSAND_SEPARATOR is off), without its Decimal context and format lookups per call."""
    rounded = Decimal(repr(value)).quantize(TENTH, rounding=ROUND_HALF_UP)
    return str(rounded).replace(".", _decimal_separator(language))


def cards(rows) -> list[dict]:
    """What the result cards show (agenda/results.html, Jinja2), worked out in one pass: the texts a template
    would otherwise make per card with filters (day, times, distance, cost, the description's first words)
    and the place's link, so that the template only places them."""
    language = get_language()
    paths: dict[str, str] = {}
    made = []
    for row in rows:
        activity, place = row.activity, row.place
        starts, ends = timezone.localtime(row.starts_at), timezone.localtime(row.ends_at)
        distance = distance_km(row)
        if place.code not in paths:
            paths[place.code] = reverse("directory:place", args=[place.code])
        made.append({
            "row": row, "activity": activity, "place": place, "distance_km": distance,
            "distance": one_decimal(distance, language) if distance is not None else "",
            "starts_iso": starts.isoformat(), "ends_iso": ends.isoformat(), "day": _day(starts.date(), language),
            "starts": _clock(starts.time(), language), "ends": _clock(ends.time(), language),
            "kind": str(activity.kind), "place_path": paths[place.code],
            "description": truncatewords(activity.description, 40) if activity.description else "",
            "cost": "" if activity.is_free else floatformat(activity.cost, 2),
        })
    return made


def cards_jsonld(made: list[dict], base_url: str) -> list[dict]:
    """schema.org Events for the rows of these cards, with the times and links the cards already have."""
    return [{"@context": "https://schema.org", **event_jsonld(
        card["row"], base_url, card["place_path"], (card["starts_iso"], card["ends_iso"]))} for card in made]


def script_content(data) -> str:
    """JSON safe inside <script type="application/ld+json">: no '</script>' can close the element."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
