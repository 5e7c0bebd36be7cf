"""The agenda search and its calendars come from the page cache (core.pagecache): a write shows at once through
the stamps of what the page shows, the clock within CLOCK_MINUTES (an activity that has ended is no longer on)."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ontmoet.agenda import services
from ontmoet.agenda.views_public import CLOCK_MINUTES
from ontmoet.places.services import save_place

from .factories import kind, make_activity

pytestmark = pytest.mark.django_db

TODAY = "/kaart/agenda/?wanneer=vandaag"


@pytest.fixture
def clock(monkeypatch):
    """Local time today, set by the test: the search (ends_at >= now) and the page cache's slice both read it."""
    today = timezone.localdate()

    def at(hour, minute, second=0):
        moment = timezone.make_aware(datetime.combine(today, time(hour, minute, second)))
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
        return moment

    at(10, 2)
    return at


def _kept(client, url):
    """Ask twice (a search is kept on its second visit) and return the third answer, from the cache."""
    client.get(url)
    client.get(url)
    return client.get(url)


def test_a_search_asked_again_is_served_from_the_cache(client, world, clock):
    make_activity(world.place, title="Koffie vandaag", recurrence="eenmalig", start_time=time(11),
                  end_time=time(12))
    first = client.get(TODAY)
    second = client.get(TODAY)
    third = client.get(TODAY)
    assert (first["X-Cache"], second["X-Cache"], third["X-Cache"]) == ("miss", "miss", "hit")
    assert first.content == third.content and "Koffie vandaag" in third.content.decode()
    assert b"csrfmiddlewaretoken" not in third.content
    assert client.get(TODAY + "&pagina=1")["X-Cache"] == "miss"  # another query, another page


def test_a_page_kept_at_two_past_is_not_served_after_the_slice(client, world, clock):
    assert CLOCK_MINUTES == 5
    make_activity(world.place, title="Koffie vandaag", recurrence="eenmalig", start_time=time(11),
                  end_time=time(12))
    assert _kept(client, TODAY)["X-Cache"] == "hit"
    clock(10, 4, 59)
    assert client.get(TODAY)["X-Cache"] == "hit"  # the same five minutes
    clock(10, 6)
    assert client.get(TODAY)["X-Cache"] == "miss"


def test_an_ended_activity_disappears_within_the_slice(client, world, clock):
    make_activity(world.place, title="Kort overleg", recurrence="eenmalig", start_time=time(9, 30),
                  end_time=time(10, 3))
    assert "Kort overleg" in _kept(client, TODAY).content.decode()
    clock(10, 5)  # ended two minutes ago, a new slice: no longer on
    response = client.get(TODAY)
    assert response["X-Cache"] == "miss" and "Kort overleg" not in response.content.decode()


def test_a_new_or_cancelled_activity_shows_at_once(client, world, clock):
    first = make_activity(world.place, title="Koffie vandaag", recurrence="eenmalig", start_time=time(11),
                          end_time=time(12))
    assert _kept(client, TODAY)["X-Cache"] == "hit"
    make_activity(world.place, title="Nieuw: breien", recurrence="eenmalig", start_time=time(14),
                  end_time=time(15))
    response = client.get(TODAY)
    assert response["X-Cache"] == "miss" and "Nieuw: breien" in response.content.decode()
    _kept(client, TODAY)
    services.cancel_date(first, timezone.localdate())
    response = client.get(TODAY)
    assert response["X-Cache"] == "miss" and "Koffie vandaag" not in response.content.decode()


def test_a_place_or_a_kind_changed_shows_at_once(client, world, clock):
    activity = make_activity(world.place, title="Koffie vandaag", recurrence="eenmalig", start_time=time(11),
                             end_time=time(12))
    assert _kept(client, TODAY)["X-Cache"] == "hit"
    renamed = kind()
    renamed.name = "Koffie en thee"
    renamed.save()
    response = client.get(TODAY)
    assert response["X-Cache"] == "miss" and "Koffie en thee" in response.content.decode()
    _kept(client, TODAY)
    place = activity.place
    place.is_public = False
    save_place(place, {}, None)
    response = client.get(TODAY)
    assert response["X-Cache"] == "miss" and "Koffie vandaag" not in response.content.decode()


def test_the_calendars_are_kept_too(client, world, clock):
    activity = make_activity(world.place, title="Koor", recurrence="eenmalig", start_time=time(19),
                             end_time=time(21))
    feed = "/kaart/agenda/agenda.ics?wanneer=vandaag"
    assert _kept(client, feed)["X-Cache"] == "hit"
    place_feed = f"/kaart/agenda/plek/{world.place.code}.ics"
    assert [client.get(place_feed)["X-Cache"] for _ in range(2)] == ["miss", "hit"]  # no query: kept at once
    services.cancel_date(activity, timezone.localdate())
    assert b"Koor" not in client.get(feed).content and b"Koor" not in client.get(place_feed).content


def test_pages_with_absolute_links_are_kept_per_host(client, world, clock, settings):
    settings.ALLOWED_HOSTS = ["testserver", "ander.example"]
    make_activity(world.place, title="Koffie vandaag", recurrence="eenmalig", start_time=time(11),
                  end_time=time(12))
    assert _kept(client, TODAY)["X-Cache"] == "hit"
    other = client.get(TODAY, headers={"host": "ander.example"})
    assert other["X-Cache"] == "miss" and b"http://ander.example/" in other.content


def test_the_stamps_are_read_once_per_request(client, world, clock):
    make_activity(world.place, recurrence="eenmalig", start_time=time(11), end_time=time(12))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(TODAY + "&near=52.39,6.29")["X-Cache"] == "miss"
    stamp_reads = [query for query in queries if "core_contentstamp" in query["sql"]]
    assert len(stamp_reads) == 1  # agenda, directory and the vocabulary in one read, reused by the view
    client.get(TODAY + "&near=52.39,6.29")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(TODAY + "&near=52.39,6.29")["X-Cache"] == "hit"
    assert len(queries) == 1  # a hit: the stamps only


def test_an_hour_has_twelve_slices(clock):
    from ontmoet.core.pagecache import _bucket

    slices = set()
    for minute in range(60):
        clock(10, minute)
        slices.add(_bucket(CLOCK_MINUTES))
    assert len(slices) == 12
    clock(23, 59, 59)
    late = _bucket(CLOCK_MINUTES)
    assert late.startswith(timezone.localdate().isoformat())
    assert (timezone.localdate() + timedelta(days=1)).isoformat() not in late


def test_the_place_field_is_kept_per_value_and_language(client, world, clock):
    from django.core.cache import caches
    from django.core.cache.utils import make_template_fragment_key

    def near_input(response):
        return re.search(r'<input type="text" name="near"[^>]*>', response.content.decode()).group(0)

    first = near_input(client.get("/kaart/agenda/?wanneer=week&near=8102"))
    assert 'value="8102"' in first
    kept = caches["template_fragments"].get(make_template_fragment_key("agenda_near", ["nl", "8102"]))
    assert 'value="8102"' in kept and "In de buurt van" in kept
    again = client.get("/kaart/agenda/?wanneer=morgen&near=8102")  # another day, the same place: its field kept
    assert near_input(again) == first and "In de buurt van" in again.content.decode()
    assert 'value="Heeten"' in near_input(client.get("/kaart/agenda/?wanneer=morgen&near=Heeten"))
    client.cookies.load({"django_language": "en"})
    english = client.get("/kaart/agenda/?wanneer=morgen&near=8102")
    assert "In de buurt van" not in english.content.decode() and 'value="8102"' in near_input(english)
    too_long = "x" * 101  # an error to show: nothing of the form kept, the error next to the field
    response = client.get(f"/kaart/agenda/?near={too_long}")
    assert 'aria-invalid="true"' in near_input(response)
