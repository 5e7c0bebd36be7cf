"""A board that changes nothing hands in its pre-filled questionnaire in three clicks, in Chromium, with axe scans
of the pre-filled questionnaire, the thank-you page, changing the answers and the closed questionnaire."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.monitor import services
from ontmoet.monitor.models import Response, Status
from ontmoet.network.services.contacts import set_aanspreekpunt
from ontmoet.places.models import Place

from .factories import make_wave

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = datetime.date.today()


def test_board_confirms_the_prefilled_questionnaire_in_three_clicks(world, page):
    Place.objects.filter(pk=world.place.pk).update(kind="dorpshuis", staffing="vrijwilligers", volunteer_count=22)
    last_year = make_wave(world.overijssel, year=TODAY.year - 1, opens_on=TODAY - datetime.timedelta(days=400),
                          closes_on=TODAY - datetime.timedelta(days=300))
    services.submit(last_year.invitations.get(place=world.place), {
        "bestuur_omvang": "b5", "voorzieningen_aanwezig": "nee", "betekenis": "Het hart van het dorp."})
    wave = make_wave(world.overijssel, year=TODAY.year)
    set_aanspreekpunt(world.raalte, world.users["province_staff"], phone="038 499 88 99")

    login(page, "board.member@test.example")
    page.get_by_role("link", name="1 vragenlijst van de monitor in te vullen").click()  # click 1
    expect(page.get_by_text("We hebben al ingevuld wat we weten")).to_be_visible()
    expect(page.get_by_label("Dorpshuis")).to_be_checked()
    expect(page.get_by_label("Hoeveel vrijwilligers zijn er actief?")).to_have_value("22")
    expect(page.get_by_text("uit het register").first).to_be_visible()
    expect(page.get_by_text("uit uw antwoorden van vorig jaar").first).to_be_visible()
    assert_accessible(page, "monitor-vooringevuld")
    page.get_by_role("button", name="Versturen").click()  # click 2
    expect(page.get_by_role("heading", name="Bedankt voor het invullen!")).to_be_visible()  # done
    expect(page.get_by_role("link", name="038 499 88 99")).to_have_attribute("href", "tel:0384998899")
    expect(page.get_by_role("link", name="Terug naar uw overzicht")).to_be_visible()
    assert_accessible(page, "monitor-bedankt-aanspreekpunt")
    invitation = wave.invitations.get(place=world.place)
    assert invitation.status == Status.COMPLETE
    assert Response.objects.get(invitation=invitation).data["vrijwilligers"] == 22

    # changing an answer until the wave closes, and offering the change to the register
    page.get_by_role("link", name="Antwoorden wijzigen").click()
    page.get_by_label("Hoeveel vrijwilligers zijn er actief?").fill("30")
    assert_accessible(page, "monitor-antwoorden-wijzigen")
    page.get_by_role("button", name="Wijzigingen versturen").click()
    expect(page.get_by_text("Uw wijzigingen zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_role("heading", name="Ook het register bijwerken?")).to_be_visible()
    assert_accessible(page, "monitor-register-bijwerken")
    page.get_by_role("button", name="Ook het register bijwerken").click()
    expect(page.get_by_text(re.compile("Het register is bijgewerkt"))).to_be_visible()
    assert Place.objects.get(pk=world.place.pk).volunteer_count == 30

    wave.closes_on = TODAY - datetime.timedelta(days=1)
    wave.opens_on = TODAY - datetime.timedelta(days=20)
    wave.save()
    page.reload()
    expect(page.get_by_role("heading", name="De vragenlijst is gesloten")).to_be_visible()
    expect(page.get_by_text("u kunt ze niet meer wijzigen")).to_be_visible()
    assert_accessible(page, "monitor-gesloten-antwoorden")
