"""The monitor's answers where other modules show them, in headless Chromium, scanned by axe-core."""

import pytest

from ontmoet.conftest import assert_accessible, login
from ontmoet.monitor import services

from .test_seams import MUNICIPALITY_ANSWERS, PLACE_ANSWERS, _invitation, _municipality_wave, _place_wave

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_policy_status_and_place_answers_render_accessibly(world, page):
    from ontmoet.grants.tests.factories import world_submitted

    services.submit(_invitation(_municipality_wave(world.overijssel, 2025), municipality=world.raalte),
                    MUNICIPALITY_ANSWERS)
    services.submit(_invitation(_place_wave(world, 2025), place=world.place), PLACE_ANSWERS)
    application = world_submitted(world)
    login(page, "province.staff@test.example")
    page.goto(f"/netwerk/gemeenten/{world.raalte.code}/")
    assert page.get_by_text("Opgenomen in een integrale visie").is_visible()
    assert_accessible(page, "naad-gemeente-beleid")
    page.goto(f"/sociale-hypotheek/aanvragen/{application.pk}/")
    assert page.get_by_role("cell", name="Het hart van Heeten.").is_visible()  # the newest wave is open
    assert_accessible(page, "naad-aanvraag-monitor")
