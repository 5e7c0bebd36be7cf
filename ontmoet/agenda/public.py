"""What the public sees of the agenda: schema.org Event data and the iCalendar feeds. Data only, no markup."""

import json
from datetime import UTC, date, datetime, time, tzinfo
from functools import lru_cache

from django.conf import settings
from django.template.defaultfilters import floatformat, truncatewords
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext
from icalendar import Calendar, Event

from ontmoet.core.formatting import one_decimal
from ontmoet.core.translated import in_english

from .selectors import distance_km


def event_jsonld(row: dict, base_url: str, place_path: str, times: tuple) -> dict:
    """schema.org Event for one date of an activity, from its card row (selectors.page, selectors.card_row), with
    the place's page and the local start and end in ISO 8601 that its card already has."""
    starts, ends = times
    data = {
        "@type": "Event",
        "name": row["title"],
        "startDate": starts,
        "endDate": ends,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": row["place_name"], "address": {
            "@type": "PostalAddress",
            "streetAddress": " ".join(part for part in [row["street"], row["house_number"]] if part),
            "postalCode": row["postcode"], "addressLocality": row["city"], "addressCountry": "NL"},
            "url": base_url + place_path},
        "isAccessibleForFree": not row["cost"],
        "organizer": {"@type": "Organization", "name": row["place_name"]},
    }
    if row["description"]:
        data["description"] = row["description"]
    if row["cost"]:
        data["offers"] = {"@type": "Offer", "price": str(row["cost"]), "priceCurrency": "EUR"}
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


@lru_cache(maxsize=4096)
def _day(day: date, language: str) -> str:
    """"dinsdag 8 december", once per day and language in a process (Django's formatter costs tens of µs a
    call, and the same few days recur on every page). The language is part of the key only: the formatter
    reads the active one."""
    return f"{formats.date_format(day, 'l')} {formats.date_format(day, 'MONTH_DAY_FORMAT')}"


@lru_cache(maxsize=1024)
def _clock(moment: time, language: str) -> str:
    return formats.time_format(moment, "TIME_FORMAT")


@lru_cache(maxsize=8192)
def _local(moment: datetime, zone: tzinfo) -> tuple[str, date, time]:
    """A moment's local ISO 8601 text, day and time of day (what localtime and isoformat give, about 10 µs a
    card), once per moment and time zone in a process: a page's times recur, weekly activities at the hour."""
    local = moment.astimezone(zone)
    return local.isoformat(), local.date(), local.time()


@lru_cache(maxsize=16384)
def _place_path(code: str, prefix: str, urlconf) -> str:
    """A place's page, once per place in a process (reverse costs about 20 µs); the script prefix and URLconf
    are part of the key only, as reverse reads them itself."""
    return reverse("directory:place", args=[code])


def cards(rows: list[dict]) -> list[dict]:
    """What the result cards show (agenda/results.html, Jinja2): each card row (selectors.page, selectors.card_row)
    with the texts a template would otherwise make per card with filters and gettext (day, times, "2,3 km",
    "€ 2,50", the description's first words), the kind's name in the language and the place's link, worked out
    in one pass so that the template only places them."""
    language, prefix, urlconf = get_language(), get_script_prefix(), get_urlconf()
    english, km, euro = in_english(), gettext("%(km)s km"), gettext("€ %(cost)s")
    zone = timezone.get_current_timezone()
    for row in rows:
        starts_iso, day, starts = _local(row["starts_at"], zone)
        ends_iso, _end_day, ends = _local(row["ends_at"], zone)
        distance = distance_km(row)
        row.update({
            "distance_km": distance, "distance": km % {"km": one_decimal(distance)} if distance is not None else "",
            "starts_iso": starts_iso, "ends_iso": ends_iso, "day": _day(day, language),
            "starts": _clock(starts, language), "ends": _clock(ends, language),
            "kind": row["kind_name_en"] if english and row["kind_name_en"] else row["kind_name"],
            "place_path": _place_path(row["place_code"], prefix, urlconf),
            "summary": truncatewords(row["description"], 40) if row["description"] else "",
            "price": "" if not row["cost"] else euro % {"cost": floatformat(row["cost"], 2)},
        })
    return rows


def cards_jsonld(made: list[dict], base_url: str) -> list[dict]:
    """schema.org Events for the rows of these cards, with the times and links the cards already have."""
    return [{"@context": "https://schema.org", **event_jsonld(
        card, base_url, card["place_path"], (card["starts_iso"], card["ends_iso"]))} for card in made]


def script_content(data) -> str:
    """JSON safe inside <script type="application/ld+json">: no '</script>' can close the element."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
