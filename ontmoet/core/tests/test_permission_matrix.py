"""Every URL, visited as every role, gives the expected answer.

A new URL pattern without a row here fails `test_every_url_has_a_rule`, so nobody can add a page
without deciding who may see it. Out-of-scope objects answer 404, not 403 (no leaking of codes).
"""

import importlib
import importlib.util

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from ontmoet.conftest import ROLE_NAMES
from ontmoet.core.testing.permissions import FORBIDDEN, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, expect


def collect_matrix() -> dict:
    """Every Ontmoet app's `tests/permissions.py` MATRIX, merged; a URL named twice is an error."""
    matrix = {}
    for config in apps.get_app_configs():
        module_name = f"{config.name}.tests.permissions"
        if not config.name.startswith("ontmoet.") or importlib.util.find_spec(f"{config.name}.tests") is None:
            continue
        if importlib.util.find_spec(module_name) is None:
            continue
        rules = importlib.import_module(module_name).MATRIX
        assert not set(rules) & set(matrix), f"dubbele regels: {set(rules) & set(matrix)}"
        matrix.update(rules)
    return matrix


# url name -> (method, kwargs, expected per role), gathered from every app's tests/permissions.py
MATRIX = collect_matrix()

# The admin is one rule: only province administrators (staff accounts) get in.
ADMIN_PAGES = {
    "admin:index": expect(REDIRECT, province_admin=OK),
    "admin:places_facility_changelist": expect(REDIRECT, province_admin=OK),
    "admin:regions_municipality_changelist": expect(REDIRECT, province_admin=OK),
    "admin:accounts_user_changelist": expect(REDIRECT, province_admin=FORBIDDEN),
}


def _named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_has_a_rule():
    names = {name for name in _named_patterns() if not name.startswith("admin:")}
    assert names - set(MATRIX) == set(), "URL zonder regel in de permissiematrix"
    assert set(MATRIX) - names == set(), "regel voor een URL die niet meer bestaat"


def _resolve_kwargs(kwargs, world):
    def resolve(value):
        if callable(value):
            return value(world)
        return world.place.code if value == "place" else value

    return {key: resolve(value) for key, value in kwargs.items()}


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_permission_matrix(url_name, role, world, client_for):
    from django.urls import reverse

    method, kwargs, expected, *data = MATRIX[url_name]
    url = reverse(url_name, kwargs=_resolve_kwargs(kwargs, world))
    body = data[0](world) if data and callable(data[0]) else (data[0] if data else None)
    client = client_for(world.users[role])
    if body is None:
        response = getattr(client, method)(url)
    elif url.startswith("/api/"):  # the API takes JSON only (core.api.ManagementView)
        response = getattr(client, method)(url, body, content_type="application/json")
    else:
        response = getattr(client, method)(url, body)
    assert response.status_code == expected[role], f"{role} {method.upper()} {url}"
    if expected[role] == REDIRECT and role == "anonymous" and url_name not in {"accounts:logout", "core:language"}:
        assert "/account/inloggen/" in response["Location"]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize("url_name", sorted(ADMIN_PAGES))
def test_admin_matrix(url_name, role, world, client_for):
    from django.urls import reverse

    response = client_for(world.users[role]).get(reverse(url_name))
    assert response.status_code == ADMIN_PAGES[url_name][role], f"{role} {url_name}"


@pytest.mark.parametrize("role", ["other_province_staff", "other_municipal_officer", "other_board_member",
                                  "expert", "initiator"])
def test_out_of_scope_edit_post_changes_nothing(role, world, client_for):
    """A POST to another place's edit URL is a 404 and leaves the place untouched."""
    client = client_for(world.users[role])
    response = client.post(f"/plekken/{world.place.code}/bewerken/", {"name": "Gekaapt", "kind": "dorpshuis"})
    assert response.status_code == NOT_FOUND
    world.place.refresh_from_db()
    assert world.place.name == "Dorpshuis De Linde"


def test_get_on_post_only_urls_is_refused(world, client_for):
    client = client_for(world.users["board_member"])
    assert client.get(f"/plekken/{world.place.code}/bevestigen/").status_code == NOT_ALLOWED


def test_admin_shows_province_administrators_only_their_municipalities(world, client_for):
    client = client_for(world.users["province_admin"])
    page = client.get("/beheer/regions/municipality/").content.decode()
    assert "Raalte" in page and "Apeldoorn" not in page
    assert client.get(f"/beheer/regions/municipality/{world.apeldoorn.pk}/change/").status_code == 302
    world.apeldoorn.refresh_from_db()
    assert client.post(f"/beheer/regions/municipality/{world.raalte.pk}/change/",
                       {"code": "GM0177", "name": "Raalte", "province": world.gelderland.pk}).status_code == 200
    world.raalte.refresh_from_db()
    assert world.raalte.province == world.overijssel
