"""The privacy pages in headless Chromium, scanned with axe-core (docs/privacy.md)."""

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_privacy_statement_and_a_data_subjects_request(world, page):
    page.goto("/")
    page.get_by_role("link", name="Privacyverklaring").click()
    expect(page.get_by_role("heading", name="Privacyverklaring van Ontmoet")).to_be_visible()
    assert_accessible(page, "privacy")
    page.goto("/taal/en/")
    page.goto("/privacy/")
    expect(page.get_by_role("heading", name="Ontmoet privacy statement")).to_be_visible()
    assert_accessible(page, "privacy-en")
    page.goto("/taal/nl/")

    login(page, "province.admin@test.example")
    page.get_by_role("link", name="Verzoek van een betrokkene: gegevens zoeken, exporteren of wissen").click()
    assert_accessible(page, "privacy-verzoek")
    page.get_by_label("E-mailadres van de betrokkene").fill("board.member@test.example")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name="Rollen")).to_be_visible()
    assert_accessible(page, "privacy-verzoek-gevonden")
    page.get_by_role("button", name="Gegevens wissen").click()  # no reason, not confirmed
    expect(page.get_by_text("Dit veld is vereist.").first).to_be_visible()
    assert_accessible(page, "privacy-verzoek-wissen-fout")
    page.get_by_label("Reden").fill("Verzoek per e-mail, kenmerk 7")
    page.get_by_label("Ik heb de identiteit van de aanvrager gecontroleerd").check()
    page.get_by_role("button", name="Gegevens wissen").click()
    expect(page.get_by_text("Gewist of geanonimiseerd").first).to_be_visible()
    expect(page.get_by_role("cell", name="Verzoek per e-mail, kenmerk 7")).to_be_visible()
