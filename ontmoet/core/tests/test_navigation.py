"""The main menu built in Python gives the markup the template loop gave, for every role."""

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import resolve, set_script_prefix

from ontmoet.accounts.scoping import get_scope
from ontmoet.core import navigation
from ontmoet.core.navigation import MenuItem, language_links_html, main_menu, main_menu_html

LOOP = Template(
    "{% for item in main_menu %}"
    '<li><a class="ontmoet-nav__link" href="{{ item.url }}"{% if item.current %} aria-current="page"{% endif %}>'
    "{{ item.label }}</a></li>"
    "{% endfor %}"
)


def _request(path, user=None):
    request = RequestFactory().get(path)
    request.resolver_match = resolve(path)
    if user is not None:
        request.user = user
    return request


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/plekken/", "/kaart/", "/meldpunt/kennisbank/", "/"])
def test_same_markup_as_the_template_loop(path, world):
    for user in world.users.values():
        request = _request(path, user)
        scope = get_scope(user)
        expected = LOOP.render(Context({"main_menu": main_menu(request, scope)}))
        assert main_menu_html(request, scope) == expected
        assert expected.count("<li>") == len(main_menu(request, scope)) > 0, user


@pytest.mark.django_db
def test_the_current_page_is_marked_once(world):
    staff = world.users["province_staff"]
    html = main_menu_html(_request("/plekken/", staff), get_scope(staff))
    assert html.count('aria-current="page"') == 1
    assert 'href="/plekken/" aria-current="page"' in html


def test_labels_are_escaped(monkeypatch):
    monkeypatch.setattr(navigation, "_providers",
                        lambda: (lambda request, scope: [MenuItem("<b>Plekken & co</b>", "places:list")],))
    html = main_menu_html(_request("/kaart/"), get_scope(None))
    assert "<b>" not in html and "&lt;b&gt;Plekken &amp; co&lt;/b&gt;" in html


def test_urls_follow_the_script_prefix():
    item = MenuItem("Plekken", "places:list")
    try:
        set_script_prefix("/ontmoet/")
        assert item.url == "/ontmoet/plekken/"
    finally:
        set_script_prefix("/")
    assert item.url == "/plekken/"


@pytest.mark.parametrize("current", ["nl", "en"])
def test_language_links_come_back_to_the_page(current):
    html = str(language_links_html(current, "/kaart/?q=dorpshuis&near=8102"))
    assert html.count('aria-current="true"') == 1
    assert f'lang="{current}" hreflang="{current}" aria-current="true"' in html
    assert 'href="/taal/en/?next=%2Fkaart%2F%3Fq%3Ddorpshuis%26near%3D8102"' in html
    assert ">Nederlands<" in html and ">English<" in html


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
