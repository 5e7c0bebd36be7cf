"""In Chromium: the menu by area at 390 px, and the province's hours review reached from the overview's
work queue. Every page type scanned with axe-core; screenshots land in var/screenshots."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.grants import services as grants
from ontmoet.grants.models import HourEntry
from ontmoet.grants.tests.factories import world_award, world_entry
from ontmoet.grants.workflows import EntryStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_province_staff_review_hours_in_place_from_the_overview(world, page):
    award = world_award(world)
    world_entry(world)
    grants.log_hours(award.pk, grants.EntryData(date=award.awarded_on, volunteers=1, hours=Decimal("2"),
                                                activity=award.application.activities.first()),
                     world.users["board_member"])
    login(page, "province.staff@test.example")
    queue = page.get_by_role("region", name="Wat op u wacht")
    assert_accessible(page, "overzicht-werkvoorraad")
    queue.get_by_role("link", name="2 urenboekingen te beoordelen").click()
    expect(page.get_by_role("heading", name="Uren te beoordelen")).to_be_visible()
    submenu = page.get_by_role("navigation", name="Menu Sociale Hypotheek")
    expect(submenu.get_by_role("link", name="Uren te beoordelen")).to_have_attribute("aria-current", "page")
    assert_accessible(page, "uren-te-beoordelen")
    rows = page.locator("tr[data-entry]")
    rows.first.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_text("De uren zijn goedgekeurd.")).to_be_visible()
    expect(rows).to_have_count(1)
    rows.first.get_by_role("button", name="Afkeuren").click()  # no reason given
    expect(page.get_by_role("alert")).to_be_visible()
    expect(rows).to_have_count(1)
    rows.first.get_by_label("Reden (verplicht bij afkeuren)").fill("Twee keer ingevoerd")
    rows.first.get_by_role("button", name="Afkeuren").click()
    expect(page.get_by_text("Er wachten geen uren op beoordeling.")).to_be_visible()
    assert sorted(HourEntry.objects.values_list("status", flat=True)) == [EntryStatus.APPROVED, EntryStatus.REJECTED]


def test_the_menu_fits_390_px_and_beheer_opens_without_javascript(world, page):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "province.admin@test.example")
    page.goto("/plekken/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    main = page.get_by_role("navigation", name="Hoofdmenu")
    expect(main.get_by_role("link")).to_have_count(7)
    expect(main.get_by_role("link", name="Plekken")).to_have_attribute("aria-current", "page")
    submenu = page.get_by_role("navigation", name="Menu Plekken")
    expect(submenu.get_by_role("link", name="Importeren")).to_be_hidden()
    submenu.get_by_text("Beheer", exact=True).click()
    expect(submenu.get_by_role("link", name="Importeren")).to_be_visible()
    assert_accessible(page, "menu-390-beheer")
