"""The page a visitor gets when an open-data file is still being made (core.opendata_store), scanned with axe in
Dutch and English, and the open-data page that says which files are not made yet."""

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_file_being_made_and_the_open_data_page(world, page, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # no worker has run yet
    settings.DIRECTORY_TILE_URL = ""
    for language, heading, back, missing in (
            ("nl", "Het bestand wordt gemaakt", "Terug naar de open data", "nog niet gemaakt"),
            ("en", "The file is being made", "Back to the open data", "not made yet")):
        page.goto(f"/taal/{language}/?next=/kaart/open-data/ontmoetingsplekken-hsds.json")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page, f"open-data-wordt-gemaakt-{language}")
        page.get_by_role("link", name=back).click()
        expect(page.get_by_role("table")).to_contain_text(missing)
        assert_accessible(page, f"open-data-{language}")
