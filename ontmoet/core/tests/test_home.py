"""The public start page: search straight into the sociale kaart, popular activities and facilities, the
coming activities open to everyone, a way in for boards and officers; kept in the page cache."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ontmoet.network.tests.factories import EventFactory
from ontmoet.places.models import Activity, Facility
from ontmoet.places.services import save_place
from ontmoet.places.tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def start(world):
    biljart, _ = Activity.objects.get_or_create(code="biljarten", defaults={"name": "Biljarten"})
    Activity.objects.create(code="nergens", name="Nergens aangeboden")
    zaal = Facility.objects.create(code="grote-zaal-test", name="Grote zaal")
    save_place(world.place, {"activities": [biljart], "facilities": [zaal]}, None)
    hidden = PlaceFactory(code="RAA-050", name="Verborgen", municipality=world.raalte, is_public=False)
    verborgen = Activity.objects.create(code="geheim", name="Alleen in een verborgen plek")
    save_place(hidden, {"activities": [verborgen]}, None)
    return world


def test_the_start_page_searches_the_kaart_and_links_popular_lists(start, client):
    page = client.get("/").content.decode()
    assert '<form method="get" action="/kaart/" role="search"' in page
    assert 'name="q"' in page and 'name="near"' in page
    assert "Wat zoekt u?" in page and "Waar? postcode of plaats" in page
    assert '<a class="utrecht-link" href="/kaart/?activity=biljarten">Biljarten</a>' in page
    assert '<a class="utrecht-link" href="/kaart/?facility=grote-zaal-test">Grote zaal</a>' in page
    # Only what public places offer: nothing that would lead to an empty search.
    assert "Nergens aangeboden" not in page and "Alleen in een verborgen plek" not in page
    assert 'href="/account/inloggen/"' in page
    # The form's names are the kaart's: its answer is the results.
    results = client.get("/kaart/", {"q": "biljart", "near": "8111"}).content.decode()
    assert "Dorpshuis De Linde" in results


def test_coming_activities_for_everyone_only(start, client):
    now = timezone.now()
    EventFactory(title="Open avond dorpshuizen", starts_at=now + timedelta(days=3))
    EventFactory(title="Alleen voor besturen", audience="besturen")
    EventFactory(title="Niet gepubliceerd", is_published=False)
    EventFactory(title="Al geweest", starts_at=now - timedelta(days=3))
    page = client.get("/").content.decode()
    assert "Open avond dorpshuizen" in page
    assert "Alleen voor besturen" not in page and "Niet gepubliceerd" not in page and "Al geweest" not in page


def test_anonymous_visitors_get_the_kept_page_until_events_or_register_change(start, client):
    first, second = client.get("/"), client.get("/")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit") and first.content == second.content
    assert b"csrfmiddlewaretoken" not in second.content
    event = EventFactory(title="Nieuwe koffieochtend")
    response = client.get("/")
    assert response["X-Cache"] == "miss" and b"Nieuwe koffieochtend" in response.content
    event.title = "Verzette koffieochtend"
    event.save()
    assert b"Verzette koffieochtend" in client.get("/").content
    Activity.objects.filter(code="biljarten").update(name="x")  # no signal: the stamp is what counts
    assert client.get("/")["X-Cache"] == "hit"
    activity = Activity.objects.get(code="biljarten")
    activity.name = "Biljart en pool"
    activity.save()
    response = client.get("/")
    assert response["X-Cache"] == "miss" and b"Biljart en pool" in response.content


def test_the_kept_page_lasts_one_day(start, client, monkeypatch):
    client.get("/")
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr("ontmoet.core.pagecache.timezone.localdate", lambda: tomorrow)
    assert client.get("/")["X-Cache"] == "miss"


def test_logged_in_users_are_not_served_the_kept_page(start, client):
    client.get("/")
    client.force_login(start.users["board_member"])
    response = client.get("/")
    assert "X-Cache" not in response and 'href="/overzicht/"' in response.content.decode()
