"""Anonymous search pages come from the page cache until the directory changes (core.pagecache)."""

import gzip

import pytest
from django.urls import reverse

from ontmoet.places.services import save_place
from ontmoet.places.tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db

SEARCH = "/kaart/?q=dorpshuis"


@pytest.mark.shared_cache
def test_a_search_asked_again_is_served_from_the_cache(world, client):
    first = client.get(SEARCH)
    second = client.get(SEARCH)  # asked again: now kept
    third = client.get(SEARCH)
    assert (first["X-Cache"], second["X-Cache"], third["X-Cache"]) == ("miss", "miss", "hit")
    assert first.content == third.content and b"Dorpshuis De Linde" in third.content
    assert third["Content-Type"] == first["Content-Type"]
    assert "HX-Request" in third["Vary"]
    assert b"csrfmiddlewaretoken" not in third.content  # nothing personal on the page
    assert client.get("/kaart/?q=dorpshuis&pagina=1")["X-Cache"] == "miss"  # another query, another page


@pytest.mark.shared_cache
def test_a_search_asked_once_is_not_stored_and_a_page_without_query_is(world, client, monkeypatch):
    from django.core.cache import caches

    stored = []
    store = caches["pages"]
    original = store.set
    monkeypatch.setattr(store, "set", lambda key, *args, **kwargs: (stored.append(key), original(key, *args, **kwargs)))
    client.get(SEARCH)
    client.get("/kaart/?q=anker")
    assert stored == []  # one visit each: nothing written
    assert [client.get("/kaart/")["X-Cache"] for _ in range(2)] == ["miss", "hit"]  # no query: kept at once
    assert len(stored) == 1
    client.get(SEARCH)  # the second visit
    assert len(stored) == 2 and client.get(SEARCH)["X-Cache"] == "hit"


@pytest.mark.shared_cache
def test_a_change_to_the_register_shows_at_once(world, client):
    client.get(SEARCH)
    assert client.get(SEARCH)["X-Cache"] == "miss" and client.get(SEARCH)["X-Cache"] == "hit"
    PlaceFactory(code="RAA-NEW", name="Dorpshuis Nieuw", municipality=world.raalte)
    response = client.get(SEARCH)
    assert response["X-Cache"] == "miss" and b"Dorpshuis Nieuw" in response.content
    place = world.place
    place.name = "Dorpshuis De Grote Linde"
    save_place(place, {}, None)
    assert b"Dorpshuis De Grote Linde" in client.get(SEARCH).content
    world.raalte.name = "Raalte-Dorp"
    world.raalte.save()
    response = client.get(SEARCH)
    assert response["X-Cache"] == "miss" and b"Raalte-Dorp" in response.content
    world.place.delete()
    assert b"Dorpshuis De Grote Linde" not in client.get(SEARCH).content


@pytest.mark.shared_cache
def test_language_and_htmx_have_pages_of_their_own(world, client):
    client.get(SEARCH)
    client.get(SEARCH)
    fragment = client.get(SEARCH, headers={"HX-Request": "true"})
    assert fragment["X-Cache"] == "miss" and b"<html" not in fragment.content
    client.get(SEARCH, headers={"HX-Request": "true"})
    assert client.get(SEARCH, headers={"HX-Request": "true"})["X-Cache"] == "hit"
    client.get(reverse("core:language", args=["en"]))
    english = client.get(SEARCH)
    assert english["X-Cache"] == "miss" and b'<html lang="en"' in english.content


@pytest.mark.shared_cache
def test_personal_requests_pass_the_cache(world, client, client_for):
    client.get(SEARCH)
    officer = client_for(world.users["municipal_officer"])
    response = officer.get(SEARCH)
    assert "X-Cache" not in response and b"Uitloggen" in response.content
    client.cookies["messages"] = "anything"
    assert "X-Cache" not in client.get(SEARCH)


@pytest.mark.shared_cache
def test_only_plain_answers_are_kept(world, client):
    assert client.get("/kaart/?pagina=abc")["X-Cache"] in {"miss", "hit"}  # a normal page, kept
    report = client.get(reverse("directory:report", args=[world.place.code]))
    assert "X-Cache" not in report  # a form with a CSRF token is never cached
    map_data = client.get(reverse("directory:map_data"), {"q": "dorpshuis"}, headers={"Accept-Encoding": "gzip"})
    client.get(reverse("directory:map_data"), {"q": "dorpshuis"}, headers={"Accept-Encoding": "gzip"})  # now kept
    again = client.get(reverse("directory:map_data"), {"q": "dorpshuis"}, headers={"Accept-Encoding": "gzip"})
    # gzip_page pads with random bytes (BREACH) and leaves tiny bodies as they are: compare what was sent.
    def body(response):
        return gzip.decompress(response.content) if response.get("Content-Encoding") == "gzip" else response.content

    assert again["X-Cache"] == "hit" and body(again) == body(map_data)


@pytest.mark.shared_cache
def test_a_deploy_forgets_cached_pages(world, client):
    from django.apps import apps
    from django.db.models.signals import post_migrate

    client.get(SEARCH)
    assert client.get(SEARCH)["X-Cache"] == "miss" and client.get(SEARCH)["X-Cache"] == "hit"
    post_migrate.send(sender=apps.get_app_config("core"), app_config=apps.get_app_config("core"), verbosity=0,
                      interactive=False, using="default", plan=[], apps=apps)
    assert client.get(SEARCH)["X-Cache"] == "miss"


def test_the_configured_file_cache_keeps_pages_through_the_public_api(world, client, settings, tmp_path):
    """The page cache is Django's own FileBasedCache (settings.CACHES["pages"]), used through get and set only."""
    from django.core.cache import caches

    from ontmoet import settings as project  # the conftest puts a memory cache in its place

    assert project.CACHES["pages"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    settings.CACHES = {**settings.CACHES, "pages": {**project.CACHES["pages"], "LOCATION": str(tmp_path)}}
    assert type(caches["pages"]).__name__ == "FileBasedCache"
    first, second, third = client.get(SEARCH), client.get(SEARCH), client.get(SEARCH)
    assert [page["X-Cache"] for page in (first, second, third)] == ["miss", "miss", "hit"]
    assert first.content == third.content
    assert any(tmp_path.iterdir())  # a page file on disk
    PlaceFactory(code="RAA-NEW", name="Dorpshuis Nieuw", municipality=world.raalte)  # a new directory stamp
    changed = client.get(SEARCH)
    assert changed["X-Cache"] == "miss" and b"Dorpshuis Nieuw" in changed.content
    client.get(SEARCH)
    assert client.get(SEARCH)["X-Cache"] == "hit"
