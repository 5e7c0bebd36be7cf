import pytest

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.navigation import main_menu


def _menu(rf, user):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = user or AnonymousUser()
    return main_menu(request, get_scope(request.user))


@pytest.mark.parametrize(("role", "url"), [("anonymous", "/kaart/vacatures/"), ("board_member", "/vacatures/"),
                                           ("municipal_officer", "/vacatures/"), ("expert", "/kaart/vacatures/")])
def test_vacancies_join_the_plekken_area_without_a_top_level_item(world, rf, role, url):
    menu = _menu(rf, world.users[role])
    assert url not in [link["url"] for link in menu]  # not a top-level item of its own
    area = next(link for link in menu if any(item["url"] == url for item in link["sub"]["items"]))
    assert area["url"] in ("/kaart/", "/plekken/")
