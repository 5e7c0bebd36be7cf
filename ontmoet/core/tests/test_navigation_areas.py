"""The main menu by area: at most seven top-level items per role, a second level per area, "Beheer" for
configuration, and the area of every page marked."""

import re

import pytest

from ontmoet.accounts.tests.factories import UserFactory

NAV = re.compile(r'<nav class="ontmoet-nav" aria-label="[^"]+">(.*?)</nav>', re.S)
SUBNAV = re.compile(r'<nav class="ontmoet-subnav" aria-label="[^"]+">(.*?)</nav>', re.S)
LINK = re.compile(r'<a class="ontmoet-(?:sub)?nav__link" href="([^"]+)"(?: aria-current="(\w+)")?>([^<]+)</a>')
MANAGE = re.compile(r'<details class="ontmoet-subnav__details"( open)?>.*?</details>', re.S)


def _menus(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    page = response.content.decode()
    sub = SUBNAV.search(page)
    return LINK.findall(NAV.search(page).group(1)), (sub.group(1) if sub else "")


@pytest.mark.django_db
def test_every_role_sees_at_most_seven_areas(world, client_for):
    for name, user in world.users.items():
        top, _sub = _menus(client_for(user), "/overzicht/" if user else "/")
        assert 4 <= len(top) <= 7, (name, [label for _url, _current, label in top])
    province, _sub = _menus(client_for(world.users["province_admin"]), "/overzicht/")
    assert [label for _url, _current, label in province] == [
        "Overzicht", "Plekken", "Monitor", "Sociale Hypotheek", "Meldpunt", "Toolkit", "Netwerk"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["province_admin", "province_staff", "municipal_officer", "board_member", "expert",
                                  "initiator", "anonymous"])
def test_every_page_in_the_menus_marks_its_area_and_itself(world, client_for, role):
    client = client_for(world.users[role])
    top, _sub = _menus(client, "/overzicht/" if world.users[role] else "/")
    for area_url, _current, area in top:
        if area_url in ("/beheer/", "/account/inloggen/"):
            continue
        marked, sub = _menus(client, area_url)
        assert [(url, current) for url, current, _label in marked if current] == [(area_url, "page")], (role, area)
        for url, _current, label in LINK.findall(sub):
            if url.startswith("/beheer/"):
                continue  # Django's admin has its own layout
            marked, page_sub = _menus(client, url)
            expected = "page" if url == area_url else "true"
            assert [(u, c) for u, c, _label in marked if c] == [(area_url, expected)], (role, area, label)
            assert [(u, c) for u, c, _label in LINK.findall(page_sub) if c] == [(url, "page")], (role, label)


@pytest.mark.django_db
def test_pages_below_a_list_mark_the_area_and_the_list(world, client_for):
    client = client_for(world.users["municipal_officer"])
    top, sub = _menus(client, f"/plekken/{world.place.code}/")
    assert [(url, current) for url, current, _label in top if current] == [("/plekken/", "true")]
    assert [(url, current) for url, current, _label in LINK.findall(sub) if current] == [("/plekken/", "true")]
    board = client_for(world.users["board_member"])
    top, _sub = _menus(board, f"/plekken/{world.place.code}/")
    assert [(url, current) for url, current, _label in top if current] == [("/kaart/", "true")]


@pytest.mark.django_db
def test_configuration_sits_under_one_beheer_entry(world, client_for):
    staff = UserFactory(email="beheer@test.example", is_staff=True)
    from ontmoet.accounts.roles import Role
    from ontmoet.accounts.services import assign_role

    assign_role(staff, Role.PROVINCE_ADMIN, world.overijssel)
    client = client_for(staff)
    top, sub = _menus(client, "/plekken/")
    assert "/beheer/" not in [url for url, _current, _label in top]  # reference data sits under Plekken → Beheer
    manage = MANAGE.search(sub)
    assert manage and not manage.group(1)
    assert re.findall(r'href="([^"]+)"', manage.group(0)) == ["/plekken/importeren/", "/beheer/"]
    _top, sub = _menus(client, "/plekken/importeren/")
    manage = MANAGE.search(sub)
    assert manage.group(1) == " open" and 'href="/plekken/importeren/" aria-current="page"' in manage.group(0)
    for path, expected in [("/meldpunt/vragen/", ["Experts", "Routering", "Categorieën"]),
                           ("/monitor/", ["Vragenlijsten"]), ("/sociale-hypotheek/", ["Importeren"])]:
        _top, sub = _menus(client, path)
        assert re.findall(r'>([^<]+)</a>', MANAGE.search(sub).group(0)) == expected, path
    # Who configures nothing gets no Beheer.
    _top, sub = _menus(client_for(world.users["municipal_officer"]), "/plekken/")
    assert sub and not MANAGE.search(sub)
