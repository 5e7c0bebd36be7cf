"""How the board's vacancy page and the work lists of responses and booking requests look in Chromium: the
"Bewerken" link is as big as the buttons beside it, and both lists filter in the shared filter box.
Screenshots land in var/screenshots; every page is scanned with axe-core."""

import pytest

from ontmoet.conftest import assert_accessible, login

from .factories import make_response, make_vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _box(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    return round(box["height"], 1), round(box["y"], 1)


def test_the_edit_link_is_as_big_as_the_buttons_beside_it(world, page):
    vacancy = make_vacancy(world.place)
    login(page, world.users["board_member"].email)
    page.goto(vacancy.get_absolute_url())
    actions = page.locator("main .ontmoet-actions").first
    edit = actions.get_by_role("link", name="Bewerken")
    buttons = actions.get_by_role("button")
    assert buttons.count() >= 1
    assert _box(edit) == _box(buttons.first)  # same height, same line
    # The root's font-size-adjust reaches a link but not a <button>: the letters came out smaller (theme.css).
    font = ("el => ['fontSize', 'fontWeight', 'fontFamily', 'fontSizeAdjust', 'lineHeight']"
            ".map(p => getComputedStyle(el)[p]).join(' ')")
    assert edit.evaluate(font) == buttons.first.evaluate(font)
    assert_accessible(page, "vacature-bestuur-knoppen")


def test_the_work_lists_filter_in_the_shared_filter_box(world, page):
    from ontmoet.rooms.tests.factories import make_request, make_room

    make_response(make_vacancy(world.place))
    make_request(make_room(world.place))
    login(page, world.users["board_member"].email)
    for url, name in [("/vacatures/reacties/", "reacties-filter"), ("/plekken/boekingsaanvragen/", "aanvragen-filter")]:
        page.goto(url)
        box = page.get_by_role("search")
        assert box.evaluate("el => getComputedStyle(el).display") == "grid", url  # .ontmoet-filters
        box.get_by_label("Status").select_option(index=1)
        box.get_by_role("button", name="Filteren").click()
        page.get_by_role("link", name="Wis filters").wait_for()
        assert_accessible(page, name)
