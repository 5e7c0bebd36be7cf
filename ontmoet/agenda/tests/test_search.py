"""The public agenda: date windows, near a postcode within a radius, time then distance, the filters, the
hidden unconfirmed activities, the place's panel, JSON-LD, the iCalendar feeds and a constant query count."""

import json
import re
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from ontmoet.places.models import TargetGroup
from ontmoet.places.tests.factories import PlaceFactory

from .factories import kind, make_activity

pytestmark = pytest.mark.django_db

EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]


def _titles(response) -> list[str]:
    return [card["title"] for card in response.context["cards"]]


@pytest.fixture
def towns(world):
    """Heeten (the world's place, at 52.39/6.29, postcode 8101) and two places further away."""
    near = PlaceFactory(municipality=world.raalte, latitude=Decimal("52.40"), longitude=Decimal("6.30"),
                        postcode="8102 AA", city="Raalte", wheelchair_accessible=True)
    far = PlaceFactory(municipality=world.zwolle, latitude=Decimal("52.51"), longitude=Decimal("6.09"),
                       postcode="8011 AA", city="Zwolle")
    return world.place, near, far


def test_today_tomorrow_and_a_chosen_date(client, towns):
    here, _near, _far = towns
    today = timezone.localdate()
    make_activity(here, title="Vandaag laat", recurrence="eenmalig", starts_on=today, start_time=time(23, 0),
                  end_time=time(23, 59))
    make_activity(here, title="Morgen", recurrence="eenmalig", starts_on=today + timedelta(days=1))
    make_activity(here, title="Over tien dagen", recurrence="eenmalig", starts_on=today + timedelta(days=10))
    assert _titles(client.get("/kaart/agenda/?wanneer=vandaag")) == ["Vandaag laat"]
    assert _titles(client.get("/kaart/agenda/?wanneer=morgen")) == ["Morgen"]
    chosen = (today + timedelta(days=10)).isoformat()
    assert _titles(client.get(f"/kaart/agenda/?wanneer=datum&datum={chosen}")) == ["Over tien dagen"]
    week = _titles(client.get("/kaart/agenda/"))
    assert "Over tien dagen" not in week and "Vandaag laat" in week


def test_near_a_postcode_within_the_radius_sorted_by_time_then_distance(client, towns):
    here, near, far = towns
    tomorrow = timezone.localdate() + timedelta(days=1)
    for place, name in [(far, "Zwolle"), (near, "Raalte"), (here, "Heeten")]:
        make_activity(place, title=f"Koffie {name}", recurrence="eenmalig", starts_on=tomorrow)
    make_activity(near, title="Vroeg Raalte", recurrence="eenmalig", starts_on=tomorrow, start_time=time(9),
                  end_time=time(10))
    response = client.get("/kaart/agenda/?wanneer=morgen&near=52.40,6.30&radius=5")
    assert _titles(response) == ["Vroeg Raalte", "Koffie Raalte", "Koffie Heeten"]
    assert response.context["cards"][1]["distance_km"] == pytest.approx(0, abs=0.01)
    wide = _titles(client.get("/kaart/agenda/?wanneer=morgen&near=52.40,6.30&radius=50"))
    assert wide == ["Vroeg Raalte", "Koffie Raalte", "Koffie Heeten", "Koffie Zwolle"]


def test_unknown_place_name_says_so(client, towns):
    response = client.get("/kaart/agenda/?near=Atlantis")
    assert "We konden ‘Atlantis’ niet vinden" in response.content.decode()


def test_filters(client, towns):
    here, near, _far = towns
    elderly = TargetGroup.objects.get(name="Ouderen")
    make_activity(here, title="Betaald", cost=Decimal("2.50"), weekdays=EVERY_DAY)
    make_activity(here, title="Inloop", walk_in=True, weekdays=EVERY_DAY, target_groups=[elderly])
    make_activity(near, title="Biljart", kind=kind("biljarten"), weekdays=EVERY_DAY)
    query = "/kaart/agenda/?wanneer=vandaag"
    everything = set(_titles(client.get(query)))
    if not everything:  # late at night nothing is on any more today; tomorrow has the same activities
        query = "/kaart/agenda/?wanneer=morgen"
    assert set(_titles(client.get(query))) == {"Betaald", "Inloop", "Biljart"}
    assert set(_titles(client.get(query + "&free=on"))) == {"Inloop", "Biljart"}
    assert _titles(client.get(query + "&walk_in=on")) == ["Inloop"]
    assert _titles(client.get(query + "&kind=biljarten")) == ["Biljart"]
    assert _titles(client.get(query + f"&target_group={elderly.code}")) == ["Inloop"]
    assert _titles(client.get(query + "&wheelchair=on")) == ["Biljart"]


def test_unconfirmed_for_a_year_and_private_places_are_hidden(client, towns, world):
    here, near, _far = towns
    tomorrow = timezone.localdate() + timedelta(days=1)
    make_activity(here, title="Vergeten", recurrence="eenmalig", starts_on=tomorrow,
                  confirmed_at=timezone.now() - timedelta(days=370))
    make_activity(near, title="Besloten", recurrence="eenmalig", starts_on=tomorrow)
    near.is_public = False
    near.save()
    make_activity(here, title="Bevestigd", recurrence="eenmalig", starts_on=tomorrow,
                  confirmed_at=timezone.now() - timedelta(days=300))
    assert _titles(client.get("/kaart/agenda/?wanneer=morgen")) == ["Bevestigd"]


def test_query_count_does_not_grow_with_the_number_of_places(client, world):
    tomorrow = timezone.localdate() + timedelta(days=1)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/kaart/agenda/?wanneer=morgen&near=52.39,6.29").status_code == 200
        return len(queries)

    make_activity(world.place, recurrence="eenmalig", starts_on=tomorrow)
    count()  # the first visit also reads the vocabularies for the filter fields, which are then kept
    few = count()
    for _ in range(12):
        make_activity(PlaceFactory(municipality=world.raalte), recurrence="eenmalig", starts_on=tomorrow)
    assert count() == few


def test_place_page_shows_coming_activities_with_event_jsonld(client, world):
    make_activity(world.place, title="Koersbal op dinsdag", weekdays=EVERY_DAY, cost=Decimal("1.50"))
    page = client.get(f"/kaart/plek/{world.place.code}/").content.decode()
    assert "Koersbal op dinsdag" in page
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    events = [item for block in blocks for item in (json.loads(block) if block.strip().startswith("[") else [])]
    assert events and events[0]["@type"] == "Event" and events[0]["offers"]["price"] == "1.50"
    assert events[0]["location"]["name"] == world.place.name


def test_agenda_page_has_event_jsonld(client, world):
    make_activity(world.place, title="Eetcafé", weekdays=EVERY_DAY)
    page = client.get("/kaart/agenda/?wanneer=morgen").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert json.loads(block)[0]["name"] == "Eetcafé"


def test_event_jsonld_in_full(client, world):
    """Every property of a search result's Event, for a free date and one with a price and a description."""
    place = world.place
    place.street, place.house_number, place.postcode, place.city = "Dorpsstraat", "1a", "8101 AB", "Heeten"
    place.save()
    tomorrow = timezone.localdate() + timedelta(days=1)
    make_activity(place, title="Eetcafé", recurrence="eenmalig", starts_on=tomorrow, start_time=time(17, 30),
                  end_time=time(19, 0), cost=Decimal("7.50"), description="Samen eten.")
    make_activity(place, title="Inloop", recurrence="eenmalig", starts_on=tomorrow, start_time=time(9, 0),
                  end_time=time(11, 0))
    page = client.get("/kaart/agenda/?wanneer=morgen").content.decode()
    free, paid = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))

    def local(hour, minute=0):
        return timezone.make_aware(datetime.combine(tomorrow, time(hour, minute))).isoformat()

    location = {"@type": "Place", "name": place.name, "url": f"http://testserver/kaart/plek/{place.code}/",
                "address": {"@type": "PostalAddress", "streetAddress": "Dorpsstraat 1a", "postalCode": "8101 AB",
                            "addressLocality": "Heeten", "addressCountry": "NL"}}
    common = {"@context": "https://schema.org", "@type": "Event",
              "eventStatus": "https://schema.org/EventScheduled",
              "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode", "location": location,
              "organizer": {"@type": "Organization", "name": place.name}}
    assert free == {**common, "name": "Inloop", "isAccessibleForFree": True, "startDate": local(9),
                    "endDate": local(11)}
    assert {key: paid[key] for key in ("name", "description", "isAccessibleForFree", "offers")} == {
        "name": "Eetcafé", "description": "Samen eten.", "isAccessibleForFree": False,
        "offers": {"@type": "Offer", "price": "7.50", "priceCurrency": "EUR"}}
    assert paid["location"] == location and (paid["startDate"], paid["endDate"]) == (local(17, 30), local(19))


def test_ical_feeds(client, world):
    make_activity(world.place, title="Koor, met komma; en puntkomma", weekdays=EVERY_DAY,
                  description="Een lange omschrijving " * 10)
    response = client.get(f"/kaart/agenda/plek/{world.place.code}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert b"\r\n" in response.content and all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert events and str(events[0]["SUMMARY"]) == "Koor, met komma; en puntkomma"
    search = Calendar.from_ical(client.get("/kaart/agenda/agenda.ics?wanneer=morgen").content).walk("VEVENT")
    assert len(search) == 1
    world.place.is_public = False
    world.place.save()
    assert client.get(f"/kaart/agenda/plek/{world.place.code}.ics").status_code == 404
