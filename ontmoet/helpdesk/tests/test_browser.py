"""The meldpunt tried as people would, in headless Chromium; every page type is scanned with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.helpdesk.models import Article, Question, Status

from .factories import PNG, ArticleFactory, RoutingRuleFactory, category, opted_in_peer, world_expert

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logout(page):
    page.get_by_role("button", name="Uitloggen").click()


def test_leaking_roof_from_question_to_article_dashboard_and_peers(world, page, tmp_path):
    ArticleFactory(title="Lekkage in het dak: wat doet u eerst?", summary="Eerst de schade beperken.")
    RoutingRuleFactory(category=category("gebouw"), expert=world_expert(world))
    opted_in_peer(world.place, strengths=("daklekkage",))

    # The board member reports a leaking roof and sees a suggested article while typing.
    login(page, "board.member@test.example")
    page.goto("/meldpunt/vragen/nieuw/")
    page.get_by_label("Onderwerp").fill("Lekkage in het dak van de grote zaal")
    page.get_by_label("Categorie").select_option(label="— Daklekkage")
    page.get_by_label("Omschrijving").press_sequentially("Na de storm lekt het dak boven de zaal.", delay=5)
    suggestion = page.get_by_role("link", name="Lekkage in het dak: wat doet u eerst?")
    suggestion.wait_for()
    assert_accessible(page, "meldpunt-vraag-stellen")
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_url(re.compile(r".*/meldpunt/vragen/\d+/$"))  # "*" would match the form's own URL
    question = Question.objects.get()
    assert question.expert.user == world.users["expert"]  # routed to the vetted expert
    assert_accessible(page, "meldpunt-vraag-bestuur")
    _logout(page)

    # The expert asks for a photo: the clock stops.
    login(page, "expert@test.example")
    page.goto(question.get_absolute_url())
    page.locator("#id_body").fill("Kunt u een foto van de plek sturen?")
    page.get_by_role("button", name="Bericht plaatsen").click()
    page.get_by_label("Wacht op de plek").check()
    page.get_by_label("Toelichting", exact=True).fill("Foto gevraagd")
    page.get_by_role("button", name="Status wijzigen").click()
    expect(page.get_by_text("De klok staat stil")).to_be_visible()
    assert_accessible(page, "meldpunt-vraag-expert")
    _logout(page)

    # The board replies with a photo; the question is back in progress.
    login(page, "board.member@test.example")
    page.goto(question.get_absolute_url())
    page.locator("#id_body").fill("Hier is de foto.")
    photo = tmp_path / "dak.png"
    photo.write_bytes(PNG)
    page.get_by_label("Bijlagen").set_input_files(str(photo))
    page.get_by_role("button", name="Bericht plaatsen").click()
    expect(page.get_by_role("link", name="dak.png")).to_be_visible()
    assert Question.objects.get().status == Status.IN_PROGRESS
    _logout(page)

    # The expert resolves with a summary and turns it into an article.
    login(page, "expert@test.example")
    page.goto(question.get_absolute_url())
    # Only the fields the chosen status needs are shown, and marked required.
    expect(page.get_by_label("Samenvatting van de oplossing")).to_be_hidden()
    page.get_by_label("Oplossen").check()
    expect(page.get_by_label("Samenvatting van de oplossing")).to_be_visible()
    expect(page.get_by_label("Samenvatting van de oplossing")).to_have_attribute("aria-required", "true")
    expect(page.get_by_label("Nummer van de oorspronkelijke vraag")).to_be_hidden()
    page.get_by_role("button", name="Status wijzigen").click()
    expect(page.get_by_role("alert").first).to_be_visible()  # summary and tags are required
    assert_accessible(page, "meldpunt-vraag-fout")
    page.get_by_label("Oplossen").check()
    page.get_by_label("Samenvatting van de oplossing").fill("Dakdekker via de opstalverzekering laten komen.")
    page.get_by_label("Trefwoorden").fill("dak, lekkage")
    page.get_by_role("button", name="Status wijzigen").click()
    assert Question.objects.get().status == Status.RESOLVED
    page.get_by_role("button", name="Maak hier een kennisbankartikel van").click()
    assert_accessible(page, "meldpunt-artikel-bewerken")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name="Publiceren").click()
    assert_accessible(page, "meldpunt-artikel")
    article = Article.objects.get(source_questions=question)
    assert article.status == "published" and "De Linde" not in article.body
    _logout(page)

    # The board rates it.
    login(page, "board.member@test.example")
    page.goto(question.get_absolute_url())
    page.get_by_label("4").check()
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Beoordeling versturen").click()
    expect(page.get_by_text("Dank u wel voor uw beoordeling")).to_be_visible()
    _logout(page)

    # The province dashboard shows it.
    login(page, "province.staff@test.example")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Meldpunt").click()
    page.get_by_role("link", name="Dashboard meldpunt").click()
    assert page.get_by_role("cell", name="Gebouw en onderhoud").is_visible() or page.get_by_text(
        "Gebouw en onderhoud").first.is_visible()
    assert_accessible(page, "meldpunt-dashboard")
    _logout(page)

    # Another place finds the first one under "Wie heeft dit eerder opgelost?".
    login(page, "other.board.member@test.example")
    page.goto("/meldpunt/vragen/nieuw/")
    page.get_by_label("Onderwerp").fill("Ons dak lekt")
    page.get_by_label("Categorie").select_option(label="— Daklekkage")
    page.get_by_label("Omschrijving").fill("Bij harde regen lekt het dak in de keuken.")
    page.get_by_role("button", name="Versturen").click()
    page.get_by_role("link", name="Wie heeft dit eerder opgelost?").click()
    expect(page.get_by_role("heading", name="Dorpshuis De Linde")).to_be_visible()
    assert_accessible(page, "meldpunt-peers")
    page.get_by_role("link", name="Neem contact op met Dorpshuis De Linde").click()
    assert_accessible(page, "meldpunt-peer-contact")
    page.get_by_label("Uw bericht").fill("Hoe hebben jullie het dak laten repareren?")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("via Ontmoet naar Dorpshuis De Linde gestuurd")).to_be_visible()


def test_province_pages_are_accessible(world, page):
    expert = world_expert(world)
    RoutingRuleFactory(category=category("gebouw"), expert=expert)
    ArticleFactory()
    login(page, "province.staff@test.example")
    for url, name in [
        ("/meldpunt/vragen/", "meldpunt-vragen"),
        ("/meldpunt/vragen/nieuw/", "meldpunt-registreren"),
        ("/meldpunt/experts/", "meldpunt-experts"),
        ("/meldpunt/experts/nieuw/", "meldpunt-expert-toevoegen"),
        (f"/meldpunt/experts/{expert.pk}/", "meldpunt-expert"),
        ("/meldpunt/routering/", "meldpunt-routering"),
        ("/meldpunt/routering/nieuw/", "meldpunt-routeringsregel"),
        ("/meldpunt/categorieen/", "meldpunt-categorieen"),
        ("/meldpunt/kennisbank/", "meldpunt-kennisbank"),
        ("/meldpunt/meldingen/", "meldpunt-meldingen"),
    ]:
        page.goto(url)
        assert_accessible(page, name)
    page.goto("/meldpunt/routering/nieuw/")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Kies naar welk team of welke expert").first).to_be_visible()
    assert_accessible(page, "meldpunt-routeringsregel-fout")
    # The province's own terms per category: its administrators only (ADR 0040).
    _logout(page)
    login(page, "province.admin@test.example")
    page.goto("/meldpunt/categorieen/")
    page.get_by_role("link", name="Termijn voor Daklekkage aanpassen").click()
    assert_accessible(page, "meldpunt-termijn")
    page.get_by_label("Opgelost binnen (dagen)").fill("1")
    page.get_by_label("Eerste reactie binnen (dagen)").fill("3")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De eerste reactie moet eerder komen dan de oplossing.").first).to_be_visible()
    assert_accessible(page, "meldpunt-termijn-fout")
    page.get_by_label("Opgelost binnen (dagen)").fill("12")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("eigen termijn").first).to_be_visible()


def test_board_member_opts_in_to_share_knowledge(world, page):
    login(page, "board.member@test.example")
    page.get_by_role("link", name=f"Kennis delen: {world.place.name}").click()
    assert_accessible(page, "meldpunt-kennisdelen")
    page.get_by_label("andere plekken mogen ons vinden en benaderen").check()
    page.get_by_label("Daklekkage").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("zijn opgeslagen")).to_be_visible()
    assert world.place.peer_profile.opted_in if hasattr(world.place, "peer_profile") else True
    from ontmoet.helpdesk.models import PeerProfile

    assert PeerProfile.objects.get(place=world.place).opted_in


def test_public_knowledge_base_in_english(world, page):
    ArticleFactory(title="Lekkage in het dak")
    page.goto("/meldpunt/kennisbank/")
    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", name="Knowledge base")).to_be_visible()
    assert page.url.endswith("/meldpunt/kennisbank/")  # back on the same page
    assert_accessible(page, "meldpunt-kennisbank-en")
