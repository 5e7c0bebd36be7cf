"""The toolkit tried as its users would, in headless Chromium; every page type is scanned by axe-core."""

import io
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from ontmoet.conftest import SCREENSHOTS, assert_accessible, login
from ontmoet.toolkit.models import Budget, Initiative, Quickscan, TreeVersion, TreeWalk

from .factories import InitiativeFactory, PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_corporation_employee_works_an_initiative_from_quickscan_to_pdf(world, page):
    login(page, "initiator@test.example")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Toolkit").click()
    assert_accessible(page, "toolkit-lijst")
    page.get_by_role("link", name="Initiatief starten").click()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    assert_accessible(page, "toolkit-initiatief-fout")
    page.get_by_label("Naam").fill("Ontmoetingsruimte Zonnehof (55+)")
    page.get_by_label("Gemeente").select_option(label="Raalte")
    page.get_by_label("Omschrijving").fill("Gemeenschappelijke ruimte in een 55+-complex van de corporatie.")
    page.get_by_role("button", name="Opslaan").click()
    assert_accessible(page, "toolkit-initiatief")
    initiative = Initiative.objects.get()

    # Quickscan: finishing without a decision is refused, the text stays
    page.get_by_role("link", name="Quickscan").click()
    page.get_by_label("Doel van de ontmoetingsruimte").fill("Eenzaamheid onder oudere huurders verminderen")
    page.locator("#id_gesprek-0-who").fill("Welzijnsstichting")
    page.get_by_role("button", name="Besluit vastleggen en afronden").click()
    expect(page.get_by_text("Kies go of no-go voordat u de Quickscan afrondt.").first).to_be_visible()
    assert page.get_by_label("Doel van de ontmoetingsruimte").input_value().startswith("Eenzaamheid")
    assert_accessible(page, "toolkit-quickscan-fout")
    page.get_by_label("Go: we gaan door").check()
    page.get_by_label("Redenen van het besluit").fill("Bewoners vragen erom; corporatie en welzijn doen mee.")
    page.get_by_role("button", name="Besluit vastleggen en afronden").click()
    expect(page.get_by_text("De Quickscan is afgerond.")).to_be_visible()
    assert_accessible(page, "toolkit-quickscan")
    assert Quickscan.objects.get().decision == "go"

    # Typology
    page.get_by_role("link", name="Volgende stap: kies een typologie").click()
    page.locator("input[name=schaal][value='1']").check()
    page.locator("input[name=huiselijkheid][value='2']").check()
    page.locator("input[name=gerichtheid][value='0']").check()
    page.get_by_role("button", name="Typen rangschikken").click()
    assert_accessible(page, "toolkit-typologie")
    page.get_by_role("button", name="Kies Ontmoetingsruimte in 55+-complex").click()
    assert Initiative.objects.get().typology == "55plus"

    # Sociaal beheer
    page.goto(f"/initiatieven/{initiative.pk}/sociaal-beheer/")
    page.locator("#id_rij-0-stakeholder").select_option("beheergroep")
    page.locator("#id_rij-0-who").fill("Bewonerscommissie Zonnehof")
    page.locator("#id_rij-0-tasks").fill("Koffieochtenden en sleutelbeheer")
    page.locator("#id_rij-0-agreed_by").fill("Corporatie")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De gespreksplaat is opgeslagen.")).to_be_visible()
    assert_accessible(page, "toolkit-sociaal-beheer")

    page.goto(f"/initiatieven/{initiative.pk}/fysiek-ontwerp/")
    page.get_by_label("Toegankelijk toilet").check()
    page.get_by_role("button", name="Opslaan").click()
    assert_accessible(page, "toolkit-fysiek-ontwerp")

    # Budget that does not close, with a mistake first
    page.goto(f"/initiatieven/{initiative.pk}/begroting/")
    rows = [("huur", "Huur ruimte", "12", "450"), ("energie", "Energie", "1", "1800"),
            ("verhuur_bewoners", "Bewonersinitiatieven", "150", "veel")]
    for index, (category, label, quantity, amount) in enumerate(rows):
        page.locator(f"#id_regel-{index}-category").select_option(category)
        page.locator(f"#id_regel-{index}-label").fill(label)
        page.locator(f"#id_regel-{index}-quantity").fill(quantity)
        page.locator(f"#id_regel-{index}-unit_amount").fill(amount)
    page.get_by_label("Openingsuren per week").fill("12")
    page.get_by_role("button", name="Opslaan en doorrekenen").click()
    expect(page.get_by_text("Vul een getal in, bijvoorbeeld 1250,50.").first).to_be_visible()
    assert page.locator("#id_regel-2-unit_amount").input_value() == "veel"
    assert_accessible(page, "toolkit-begroting-fout")
    page.locator("#id_regel-2-unit_amount").fill("5")
    page.get_by_role("button", name="Opslaan en doorrekenen").click()
    expect(page.get_by_text("De exploitatie is niet sluitend")).to_be_visible()
    assert_accessible(page, "toolkit-begroting")
    # rent differentiation: a commercial user pays more
    page.locator("#id_regel-3-category").select_option("verhuur_commercieel")
    page.locator("#id_regel-3-label").fill("Fysiotherapeut (commercieel)")
    page.locator("#id_regel-3-quantity").fill("100")
    page.locator("#id_regel-3-unit_amount").fill("90")
    page.get_by_role("button", name="Opslaan en doorrekenen").click()
    expect(page.get_by_text("De exploitatie is sluitend")).to_be_visible()
    assert Budget.objects.get().lines.count() == 4

    # PDF of everything, looked at as images
    page.goto(f"/initiatieven/{initiative.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Alles als PDF").click()
    pdf_path = SCREENSHOTS / "toolkit-initiatief.pdf"
    download.value.save_as(pdf_path)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(Path(pdf_path).read_bytes())).pages)
    assert "Ontmoetingsruimte Zonnehof" in text and "sluitend" in text and "Bewonerscommissie Zonnehof" in text


def test_board_member_walks_the_bewonersbeheer_tree_without_javascript(world, chromium, live_server):
    board = world.users["board_member"]
    initiative = InitiativeFactory(name="Dorpshuis De Linde loopt niet", owner=board, municipality=world.raalte,
                                   place=world.place, stage="bestaand")
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.console_errors = []
    login(page, "board.member@test.example")
    page.goto(f"/initiatieven/{initiative.pk}/")
    page.get_by_role("link", name="Bewonersbeheer").click()
    # axe runs on the same pages with JavaScript in test_walker_and_tree_editor_are_accessible
    page.screenshot(path=str(SCREENSHOTS / "toolkit-beslisboom-zonder-js.png"), full_page=True)
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Volgende vraag").click()  # stabiel: ja -> overbelasting
    expect(page.get_by_text("Is er sprake van overbelasting?")).to_be_visible()
    page.get_by_label("Nee").check()
    page.get_by_role("button", name="Volgende vraag").click()  # -> vernieuwing
    page.get_by_role("link", name="Vorige vraag").click()
    expect(page.get_by_text("Is er sprake van overbelasting?")).to_be_visible()
    page.get_by_label("Nee").check()
    page.get_by_role("button", name="Volgende vraag").click()
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Volgende vraag").click()
    expect(page.get_by_text("Wensenonderzoek en behoeftepeiling")).to_be_visible()
    page.get_by_role("button", name="Uitkomst opslaan bij het initiatief").click()
    assert TreeWalk.objects.get(initiative=initiative).examples == ["Wensenonderzoek en behoeftepeiling"]
    context.close()


def test_walker_and_tree_editor_are_accessible(world, page):
    initiative = InitiativeFactory(owner=world.users["board_member"], municipality=world.raalte, place=world.place)
    login(page, "board.member@test.example")
    page.goto(f"/initiatieven/{initiative.pk}/beslisboom/bewonersbeheer/")
    assert_accessible(page, "toolkit-beslisboom")
    page.goto(f"/initiatieven/{initiative.pk}/beslisboom/bewonersbeheer/?pad=1.0")
    assert_accessible(page, "toolkit-beslisboom-advies")
    page.goto("/initiatieven/beslisbomen/")
    assert_accessible(page, "toolkit-beslisbomen")
    page.goto("/initiatieven/inspiratie/")
    assert_accessible(page, "toolkit-inspiratie")
    page.goto(f"/initiatieven/{initiative.pk}/partners/")
    assert_accessible(page, "toolkit-partners")
    invitation = PartnerFactory(initiative=initiative, email="someone@test.example")
    page.goto(f"/initiatieven/uitnodiging/{invitation.token}/")
    assert_accessible(page, "toolkit-uitnodiging")

    # a newcomer opens an invitation without an account
    page.context.clear_cookies()
    newcomer = PartnerFactory(initiative=initiative, email="nieuwkomer@test.example")
    page.goto(f"/initiatieven/uitnodiging/{newcomer.token}/")
    page.get_by_role("button", name="Account aanmaken en meedoen").click()
    expect(page.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    assert_accessible(page, "toolkit-uitnodiging-nieuw")
    # province staff in the same browser
    login_page = page
    login(login_page, "province.staff@test.example")
    login_page.goto("/initiatieven/beslisbomen/bewonersbeheer/bewerken/")
    assert_accessible(login_page, "toolkit-boom-bewerken")
    text = login_page.get_by_label("Beslisboom (YAML)").input_value()
    login_page.get_by_label("Beslisboom (YAML)").fill(text.replace("next: onenigheid", "next: nergens"))
    login_page.get_by_role("button", name="Controleren en opslaan").click()
    expect(login_page.get_by_text("knooppunt stabiel").first).to_be_visible()
    assert "next: nergens" in login_page.get_by_label("Beslisboom (YAML)").input_value()
    assert_accessible(login_page, "toolkit-boom-bewerken-fout")
    assert not TreeVersion.objects.exists()
