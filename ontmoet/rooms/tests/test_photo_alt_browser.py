"""The board uploads a room's photo with its description in the browser; the description is the photo's accessible
name on the register's pages and the public page, each scanned with axe-core (WCAG 1.1.1)."""

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.rooms.models import Room

from .factories import PNG, make_room

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALT = "Lichte zaal met twaalf tafels in een U-opstelling en ramen naar de tuin"


def test_the_board_describes_the_photo_and_everyone_gets_the_description(world, page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    room = make_room(world.place)
    login(page, "board.member@test.example")
    page.goto(f"/plekken/RAA-001/ruimtes/{room.pk}/bewerken/")
    page.get_by_label("Foto", exact=True).set_input_files({"name": "zaal.png", "mimeType": "image/png",
                                                            "buffer": PNG})
    page.get_by_label("Beschrijving van de foto").fill(ALT)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De ruimte en haar tarieven zijn opgeslagen.")).to_be_visible()
    assert Room.objects.get(pk=room.pk).photo_alt == ALT
    expect(page.get_by_role("img", name=ALT)).to_have_count(1)
    assert_accessible(page, "ruimtes-bestuur-foto")
    page.goto(f"/plekken/RAA-001/ruimtes/{room.pk}/bewerken/")
    expect(page.get_by_role("img", name=ALT)).to_have_count(1)
    assert_accessible(page, "ruimte-formulier-foto")
    page.goto("/kaart/plek/RAA-001/ruimtes/")
    expect(page.get_by_role("img", name=ALT)).to_have_count(1)
    assert_accessible(page, "ruimtes-openbaar-foto")
