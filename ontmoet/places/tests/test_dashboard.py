"""The register's sections of the personal overview come from places/dashboard.py (core imports no domain app)."""

import pytest

from ontmoet.accounts.scoping import get_scope
from ontmoet.places import dashboard, selectors

pytestmark = pytest.mark.django_db


def test_officers_get_the_summary_of_their_area_and_boards_their_own_place(world, rf):
    panels = dashboard.panels.__wrapped__  # what it makes; the overview keeps it rendered (core.panels.kept)
    staff = get_scope(world.users["province_staff"])
    [summary] = panels(rf.get("/overzicht/"), staff)
    assert summary.template == "places/includes/dashboard_summary.html"
    assert summary.context == {"summary": selectors.summary(staff), "is_province_staff": True,
                               "active_query": "status=actief", "stale_query": "verified=verouderd&status=actief"}
    board = get_scope(world.users["board_member"])
    [own] = panels(rf.get("/overzicht/"), board)
    assert [place.name for place in own.context["own_places"]] == ["Dorpshuis De Linde"]
    assert panels(rf.get("/"), get_scope(world.users["expert"])) == []


def test_the_register_comes_first_on_the_overview(world, client_for):
    page = client_for(world.users["province_staff"]).get("/overzicht/").content.decode()
    register = page.index('id="kop-plekken"')
    assert "Plekken die een herinnering nodig hebben" in page[register:]
    assert register < page.index('id="kop-sh"')  # the Sociale Hypotheek's panel follows
    municipal = client_for(world.users["municipal_officer"]).get("/overzicht/").content.decode()
    assert 'id="kop-plekken"' in municipal and "Plekken die een herinnering nodig hebben" not in municipal
