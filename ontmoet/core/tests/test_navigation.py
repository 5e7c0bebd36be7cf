"""The main menu and the language switch, as they appear on rendered pages."""

import re

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import resolve, set_script_prefix

from ontmoet.accounts.scoping import get_scope
from ontmoet.core import navigation
from ontmoet.core.navigation import MenuItem

NAV = re.compile(r'<nav class="ontmoet-nav" aria-label="[^"]+">(.*?)</nav>', re.S)
SUBNAV = re.compile(r'<nav class="ontmoet-subnav" aria-label="[^"]+">(.*?)</nav>', re.S)
LANGUAGES = re.compile(r'<nav class="ontmoet-language" aria-label="[^"]+">(.*?)</nav>', re.S)


def _menu(client, path):
    return NAV.search(client.get(path).content.decode()).group(1)


def _apps_items(path, user):
    request = RequestFactory().get(path)
    request.resolver_match, request.user = resolve(path), user
    return [item["url"] for item in navigation.main_menu(request, get_scope(user))]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/plekken/", "/kaart/", "/meldpunt/kennisbank/", "/"])
def test_every_role_sees_its_own_menu_items(path, world, client_for):
    for name, user in world.users.items():
        response = client_for(user).get(path, follow=True)  # anonymous visitors may land on the login page
        assert response.status_code in (200, 403, 404), name
        menu, path_shown = NAV.search(response.content.decode()).group(1), response.request["PATH_INFO"]
        if response.status_code != 200:
            path_shown = "/"  # an error page is not in the menu
        links = re.findall(r'<a class="ontmoet-nav__link" href="([^"]+)"', menu)
        if user is None:
            assert links == ["/", *_apps_items(path_shown, user), "/account/inloggen/"], name
            assert "Uitloggen" not in menu
        else:
            assert links == ["/overzicht/", *_apps_items(path_shown, user)], name
            assert str(user) in menu and "Uitloggen" in menu


@pytest.mark.django_db
def test_the_current_page_is_marked_once(world, client_for):
    client = client_for(world.users["province_staff"])
    for _ in range(2):  # the second time from the fragment cache
        menu = _menu(client, "/plekken/")
        assert menu.count('aria-current="page"') == 1
        assert 'href="/plekken/" aria-current="page"' in menu
    # The map is a page of the Plekken area: the area is marked in the menu, the page in the area's own menu.
    assert 'href="/plekken/" aria-current="true"' in _menu(client, "/kaart/")
    assert 'href="/kaart/" aria-current="page"' in SUBNAV.search(client.get("/kaart/").content.decode()).group(1)


@pytest.mark.django_db
@pytest.mark.shared_cache
def test_the_cached_menu_is_per_role_and_shows_each_user_their_own_name(world, client_for):
    officer = _menu(client_for(world.users["municipal_officer"]), "/kaart/")
    other = _menu(client_for(world.users["other_municipal_officer"]), "/kaart/")
    board = _menu(client_for(world.users["board_member"]), "/kaart/")
    assert f'user">{world.users["municipal_officer"]}<' in officer
    assert f'user">{world.users["other_municipal_officer"]}<' in other
    links = re.compile(r'<a class="ontmoet-nav__link" href="[^"]+"[^>]*>[^<]+</a>')
    assert links.findall(officer) == links.findall(other)
    assert 'href="/plekken/"' in officer and 'href="/plekken/"' not in board


@pytest.mark.django_db
def test_menu_labels_are_escaped(monkeypatch, client):
    monkeypatch.setattr(navigation, "_providers",
                        lambda: (lambda request, scope: [MenuItem("<b>Plekken & co</b>", "places:list")],))
    menu = _menu(client, "/")
    assert "<b>" not in menu and "&lt;b&gt;Plekken &amp; co&lt;/b&gt;" in menu


def test_urls_follow_the_script_prefix():
    item = MenuItem("Plekken", "places:list")
    try:
        set_script_prefix("/ontmoet/")
        assert item.url == "/ontmoet/plekken/"
    finally:
        set_script_prefix("/")
    assert item.url == "/plekken/"


@pytest.mark.django_db
@pytest.mark.parametrize("current", ["nl", "en"])
def test_language_links_come_back_to_the_page(current, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = current
    page = client.get("/kaart/", {"q": "dorpshuis", "near": "8102"}).content.decode()
    links = LANGUAGES.search(page).group(1)
    assert links.count('aria-current="true"') == 1
    assert f'lang="{current}" hreflang="{current}" aria-current="true"' in links
    assert 'href="/taal/en/?next=%2Fkaart%2F%3Fq%3Ddorpshuis%26near%3D8102"' in links
    assert ">Nederlands<" in links and ">English<" in links


@pytest.mark.django_db
@pytest.mark.parametrize("target, expected", [
    ("/kaart/?q=dorpshuis", "/kaart/?q=dorpshuis"), ("https://evil.example/", "/"), ("//evil.example/", "/"),
    ("", "/"),
])
def test_choosing_a_language_sets_the_cookie_and_goes_back_safely(client, target, expected):
    response = client.get("/taal/en/", {"next": target} if target else {})
    assert response.status_code == 302 and response["Location"] == expected
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "no-store" in response["Cache-Control"]
    assert client.get("/").content.decode().count('<html lang="en"') == 1
    assert client.get("/taal/xx/").status_code == 404


@pytest.mark.django_db
def test_a_visitors_whole_menu_is_one_kept_fragment(client, monkeypatch):
    from django.core.cache import caches

    store = caches["template_fragments"]
    kept, read = [], []
    original_set, original_get = store.set, store.get
    monkeypatch.setattr(store, "set", lambda key, *args, **kw: kept.append(key) or original_set(key, *args, **kw))
    monkeypatch.setattr(store, "get", lambda key, *args, **kw: read.append(key) or original_get(key, *args, **kw))
    first = client.get("/kaart/?q=een").content.decode()
    read.clear()
    again = client.get("/kaart/?q=twee").content.decode()
    menu = NAV.search(again).group(1)
    assert menu == NAV.search(first).group(1)
    assert '<a class="ontmoet-nav__link" href="/account/inloggen/">Inloggen</a>' in menu
    assert SUBNAV.search(again).group(0) == SUBNAV.search(first).group(0)
    assert sum("ontmoet_visitor_menu" in key for key in kept) == 1
    # One fragment read for the menu, its login link and the area's own menu.
    assert sum("ontmoet_visitor_menu" in key for key in read) == 1
    assert not any("ontmoet_menu" in key or "ontmoet_submenu" in key for key in read)
