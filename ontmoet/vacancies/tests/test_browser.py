"""Tried in headless Chromium as the people who use it: a board posts a treasurer vacancy, a resident finds
it near a postcode and responds, the board answers; an officer sees the counts; a resident offers help.
Every new page type is scanned with axe-core; screenshots land in var/screenshots."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.places.models import Place
from ontmoet.vacancies.models import HelpOffer, Response, ResponseStatus, Vacancy

from .factories import make_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def quick_forms(settings):
    settings.VACANCIES_FORM_MIN_SECONDS = 0  # the browser fills the form faster than a person


def test_board_posts_a_vacancy_a_resident_responds_and_the_board_answers(world, quick_forms, page, chromium):
    # The world's places share the factory's postcode; 8101 is Heeten's alone here.
    Place.objects.exclude(pk=world.place.pk).update(postcode="7300 AA")
    login(page, world.users["board_member"].email)
    page.goto(f"/plekken/{world.place.code}/vacatures/")
    assert_accessible(page, "vacatures-plek")
    page.get_by_role("link", name="Vacature plaatsen").first.click()
    page.get_by_role("button", name="Opslaan").click()  # empty: every message by its field
    expect(page.get_by_text("Kies een rol: wie zoekt de plek?").first).to_be_visible()
    assert_accessible(page, "vacature-formulier-fouten")
    page.locator("#id_role").select_option("penningmeester")
    page.get_by_label(re.compile("^Wat houdt het in")).fill("De kas en de begroting van het dorpshuis bijhouden.")
    page.get_by_label("Uren per maand").fill("8")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Penningmeester bij Dorpshuis De Linde")
    assert_accessible(page, "vacature-bestuur")
    vacancy = Vacancy.objects.get()

    visitor = chromium.new_context(base_url=page.url.split("/plekken")[0], locale="nl-NL").new_page()
    visitor.console_errors = []
    visitor.goto("/kaart/vacatures/")
    visitor.get_by_label("In de buurt van (postcode of plaats)").fill("8101")
    visitor.get_by_role("button", name="Zoeken").click()
    expect(visitor.get_by_role("heading", level=2).first).to_have_text(re.compile(r"^1 vacature in de buurt van 8101"))
    assert_accessible(visitor, "vacatures-kaart")
    visitor.get_by_role("link", name=re.compile("Meer over Penningmeester")).click()
    assert_accessible(visitor, "vacature-openbaar")
    visitor.get_by_label("Uw naam").fill("Jan Jansen")
    visitor.get_by_label("Uw e-mailadres").fill("jan@voorbeeld.nl")
    visitor.get_by_label("Uw bericht").fill("Ik ben boekhouder en help graag.")
    visitor.get_by_role("button", name="Reactie versturen").click()
    expect(visitor.get_by_text("Uw reactie is doorgestuurd")).to_be_visible()
    response = Response.objects.get(vacancy=vacancy)
    assert mail.outbox[-1].to == ["board.member@test.example"]
    visitor.goto(f"/kaart/plek/{world.place.code}/")
    expect(visitor.get_by_role("link", name="Penningmeester")).to_be_visible()
    assert "Jan Jansen" not in visitor.content()

    page.goto("/overzicht/")
    page.get_by_role("link", name=re.compile("1 reactie op een vacature wacht op antwoord")).click()
    assert_accessible(page, "vacatures-reacties")
    page.get_by_role("link", name="Jan Jansen").click()
    assert_accessible(page, "vacature-reactie")
    page.get_by_label("Uw antwoord").fill("Welkom! Kom donderdag langs.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Uw antwoord is verstuurd naar Jan Jansen.")).to_be_visible()
    response.refresh_from_db()
    assert response.status == ResponseStatus.ANSWERED and mail.outbox[-1].to == ["jan@voorbeeld.nl"]
    page.goto("/vacatures/")
    assert_accessible(page, "vacatures-overzicht-bestuur")


def test_officer_sees_counts_and_a_resident_offers_help(world, quick_forms, page, chromium):
    make_offer(world.raalte, name="Els de Vries")
    login(page, world.users["municipal_officer"].email)
    page.goto("/vacatures/")
    expect(page.get_by_role("table", name="Vacatures per gemeente")).to_be_visible()
    assert "Els de Vries" not in page.content()
    assert_accessible(page, "vacatures-overzicht-gemeente")

    visitor = chromium.new_context(base_url=page.url.split("/vacatures")[0], locale="nl-NL").new_page()
    visitor.console_errors = []
    visitor.goto("/kaart/vacatures/ik-wil-helpen/")
    visitor.get_by_label("In welke gemeente wilt u helpen?").select_option(label="Raalte")
    visitor.get_by_label("Uw naam").fill("Piet Klaassen")
    visitor.get_by_label("Uw e-mailadres").fill("piet@voorbeeld.nl")
    visitor.get_by_label("Wat doet u graag?").fill("Klussen en koffie schenken.")
    visitor.get_by_role("button", name="Aanmelden").click()
    expect(visitor.get_by_text("Zonder uw toestemming").first).to_be_visible()
    assert_accessible(visitor, "ik-wil-helpen-fouten")
    visitor.get_by_label(re.compile("Ik geef toestemming")).check()
    visitor.get_by_role("button", name="Aanmelden").click()
    expect(visitor.get_by_text("De besturen van de plekken in uw gemeente zien nu")).to_be_visible()
    offer = HelpOffer.objects.get(email="piet@voorbeeld.nl")
    visitor.goto(offer.get_renew_url())
    assert_accessible(visitor, "ik-wil-helpen-verlengen")

    board = chromium.new_context(base_url=page.url.split("/vacatures")[0], locale="nl-NL").new_page()
    board.console_errors = []
    login(board, world.users["board_member"].email)
    board.goto("/vacatures/hulpaanbod/")
    expect(board.get_by_role("cell", name="Piet Klaassen")).to_be_visible()
    assert_accessible(board, "ik-wil-helpen-besturen")
