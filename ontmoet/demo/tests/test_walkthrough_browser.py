"""The seven users' walk-through (issue 18), in Chromium on the demo data, as a new user would try it.

Each user starts on the overview (the resident on `/`) and reaches each main task by clicking links and buttons
only; the clicks are counted and each task's page must be reached in at most three. Every page reached is
scanned with axe-core and kept as a screenshot (var/screenshots/walk-*.png); the clicks per task are written to
var/screenshots/walk-clicks.txt for people to read. Dutch at desktop width for every task; English at 390 px
for a subset (one task per kind of user).
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from ontmoet.conftest import SCREENSHOTS, assert_accessible, login
from ontmoet.demo.users import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_CLICKS = 3


@pytest.fixture
def demo(settings):
    settings.DIRECTORY_TILE_URL = ""  # no map tiles from the network in tests
    call_command("demo", quiet_logins=True, stdout=StringIO())


class Walk:
    """Counts the clicks from a starting page to a task's page; checks, scans and records the page reached."""

    def __init__(self, page, language: str, width: str):
        self.page, self.language, self.width = page, language, width
        self.user, self.clicks, self.results = "", 0, []

    def login(self, email: str) -> None:
        self.page.context.clear_cookies()
        if self.language != "nl":  # the visitor picks the language in the header, before logging in
            self.page.goto("/")
            self.page.get_by_role("link", name="English").click()
            expect(self.page.locator("html")).to_have_attribute("lang", "en")
        if self.language == "nl":
            login(self.page, email, DEMO_PASSWORD)
        else:
            self.page.goto("/account/inloggen/")
            self.page.get_by_label("Email address").fill(email)
            self.page.get_by_label("Password").fill(DEMO_PASSWORD)
            self.page.get_by_role("button", name="Log in").click()
            self.page.wait_for_url("**/overzicht/")
        self.user = email.split("@")[0]

    def start(self, path: str = "/overzicht/") -> "Walk":
        self.page.goto(path)
        self.clicks = 0
        return self

    def click(self, locator) -> "Walk":
        locator.click()
        self.clicks += 1
        return self

    def arrive(self, task: str, heading: str) -> None:
        expect(self.page.locator("h1")).to_contain_text(heading)
        slug = re.sub(r"[^a-z0-9]+", "-", f"{self.user} {task}".lower()).strip("-")
        assert_accessible(self.page, f"walk-{self.language}-{self.width}-{slug}")
        self.results.append((self.user, task, self.clicks))
        assert self.clicks <= MAX_CLICKS, f"{self.user}: '{task}' kost {self.clicks} klikken"

    def write(self) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        lines = [f"{user:<12} {task:<56} {clicks}" for user, task, clicks in self.results]
        (SCREENSHOTS / f"walk-clicks-{self.language}-{self.width}.txt").write_text("\n".join(lines) + "\n")


def resident(walk, page, near="7607"):
    walk.user = "bewoner"  # not logged in
    if walk.language != "nl":  # the language link in the header is not part of the task
        page.goto("/")
        page.get_by_role("link", name="English").click()
    walk.start("/")
    page.get_by_label("Wat zoekt u?" if walk.language == "nl" else "What are you looking for?").fill("biljart")
    page.get_by_label(re.compile("^Waar" if walk.language == "nl" else "^Where")).fill(near)
    walk.click(page.get_by_role("button", name="Zoeken" if walk.language == "nl" else "Search"))
    expect(page.locator(".directory-count")).to_contain_text(near)
    walk.click(page.locator("main").get_by_role("link", name=re.compile("Almelo")).first)
    walk.arrive("biljart bij een postcode", "Almelo")
    expect(page.locator("main")).to_contain_text(re.compile("[Bb]iljart|Billiards"))


def test_seven_users_reach_each_main_task_in_three_clicks(demo, page):
    walk = Walk(page, "nl", "1280")
    main = page.locator("main")
    queue = page.get_by_role("region", name="Wat op u wacht")

    # Resident: a place with a billiards table near a postcode, from the start page.
    resident(walk, page)

    # Board: confirm details, answer the monitor, apply, log hours, ask the meldpunt, register for an event.
    walk.login("bestuur@demo.ontmoet.nl")
    walk.start().click(queue.get_by_role("link", name=re.compile("Bevestig de gegevens")))
    expect(page.get_by_role("button", name="Gegevens kloppen nog")).to_be_visible()
    walk.arrive("gegevens bevestigen", "MFA De Zon")
    walk.start().click(queue.get_by_role("link", name=re.compile("vragenlijst van de monitor")))
    walk.arrive("monitor invullen", "Monitor")
    walk.start().click(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Sociale Hypotheek"))
    walk.click(main.get_by_role("link", name="Aanvraag doen"))
    walk.click(main.get_by_role("button", name="Aanvraag beginnen"))  # a draft is made on POST
    walk.arrive("aanvraag doen", "Aanvraag")
    walk.start().click(queue.get_by_role("link", name=re.compile("lopende toekenning")))
    walk.click(main.get_by_role("link", name=re.compile("SH-")).first)
    expect(page.get_by_role("button", name="Uren opslaan")).to_be_visible()
    walk.arrive("uren invoeren", "Toekenning")
    walk.start().click(main.get_by_role("link", name="Stel een vraag"))
    walk.arrive("vraag aan het meldpunt", "vraag")
    # Nobody typed yet: the required description must not look invalid while the subject does not.
    look = "field => getComputedStyle(field).backgroundColor"
    assert page.get_by_label(re.compile("^Omschrijving")).evaluate(look) == page.get_by_label(
        re.compile("^Onderwerp")).evaluate(look)
    walk.start().click(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Netwerk"))
    walk.click(main.get_by_role("link", name=re.compile("Werkplaats")))
    expect(page.get_by_role("button", name=re.compile("Aanmelden"))).to_be_visible()
    walk.arrive("aanmelden voor een activiteit", "Werkplaats")

    # Municipal officer: its places that need attention, its monitor results, one place's history.
    walk.login("gemeente@demo.ontmoet.nl")
    walk.start().click(queue.get_by_role("link", name=re.compile("niet zijn bevestigd")))
    walk.arrive("plekken die aandacht vragen", "Ontmoetingsplekken")
    walk.start().click(main.get_by_role("link", name="Monitor sociale ontmoetingsplekken 2026").first)
    walk.click(main.get_by_role("link", name="Rapport", exact=True))
    walk.arrive("monitorresultaten lezen", "Monitor")
    walk.start().click(queue.get_by_role("link", name=re.compile("niet zijn bevestigd")))
    walk.click(main.get_by_role("link", name="MFA De Zon", exact=True))
    walk.click(main.get_by_role("link", name="Geschiedenis van wijzigingen"))
    walk.arrive("geschiedenis van een plek", "Geschiedenis")

    # Province staff: review hours, award, settle, triage, run a wave.
    walk.login("beleid@demo.ontmoet.nl")
    walk.start().click(queue.get_by_role("link", name=re.compile("urenboekingen te beoordelen")))
    walk.arrive("uren beoordelen", "Uren te beoordelen")
    walk.start().click(queue.get_by_role("link", name=re.compile("aanvragen te behandelen")))
    walk.click(main.get_by_role("link", name=re.compile("SH-")).first)
    expect(page.get_by_role("button", name="Vastleggen")).to_be_visible()
    walk.arrive("toekennen", "Aanvraag")
    walk.start().click(queue.get_by_role("link", name=re.compile("afrekeningsvoorstel te besluiten")))
    walk.click(main.get_by_role("link", name=re.compile("SH-2023")))
    walk.click(main.get_by_role("link", name="Afrekening bekijken"))
    walk.arrive("afrekenen", "Afrekening")
    # The proposal's card stood flush against the decision below it: a card on its own keeps its distance.
    assert main.locator(".ontmoet-card").first.evaluate("card => getComputedStyle(card).marginBottom") == "16px"
    walk.start().click(queue.get_by_role("link", name=re.compile("nieuwe vraag te beoordelen")))
    walk.click(main.locator("table").get_by_role("link").first)
    expect(page.get_by_role("button", name="Toewijzen")).to_be_visible()
    walk.arrive("meldpunt triage", "Vraag")
    walk.start().click(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Monitor"))
    walk.click(main.get_by_role("link", name="Monitor sociale ontmoetingsplekken 2026", exact=True).first)
    expect(page.get_by_role("button", name="Uitnodigingen versturen")).to_be_visible()
    walk.arrive("uitvraag draaien", "Monitor sociale ontmoetingsplekken 2026")

    # Province administrator: imports and reference data under Beheer.
    walk.login("provincie@demo.ontmoet.nl")
    walk.start().click(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Plekken"))
    submenu = page.get_by_role("navigation", name="Menu Plekken")
    walk.click(submenu.get_by_text("Beheer", exact=True))
    walk.click(submenu.get_by_role("link", name="Importeren"))
    walk.arrive("plekken importeren", "Plekken importeren")
    walk.start().click(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Plekken"))
    walk.click(submenu.get_by_text("Beheer", exact=True))
    walk.click(submenu.get_by_role("link", name=re.compile("Referentie|Beheer van")))
    walk.arrive("referentiegegevens", "Websitebeheer")

    # Expert: answer, resolve, publish.
    walk.login("expert@demo.ontmoet.nl")
    walk.start().click(queue.get_by_role("link", name=re.compile("vragen aan u toegewezen")))
    walk.click(main.locator("table").get_by_role("link").first)
    walk.arrive("beantwoorden", "")
    page.get_by_label(re.compile("^Bericht")).fill("Laat een installateur de ketel nakijken; zie ook de kennisbank.")
    page.get_by_role("button", name="Bericht plaatsen").click()
    expect(main).to_contain_text("Laat een installateur de ketel nakijken")
    walk.arrive("afhandelen (zelfde pagina)", "")
    page.get_by_label("Oplossen").check()
    page.get_by_label("Samenvatting van de oplossing").fill("De installateur heeft de ketel opnieuw afgesteld.")
    page.get_by_label("Trefwoorden").fill("cv, ketel")
    page.get_by_role("button", name="Status wijzigen").click()
    # Publishing starts where resolving ends: the resolved question offers to draft the article.
    walk.clicks = 0
    walk.click(page.get_by_role("button", name="Maak hier een kennisbankartikel van"))
    walk.arrive("kennisbankartikel maken (vanaf de opgeloste vraag)", "")
    walk.click(main.get_by_role("button", name=re.compile("Opslaan")))
    walk.click(main.get_by_role("button", name="Publiceren"))
    walk.arrive("kennisbankartikel publiceren (vanaf de opgeloste vraag)", "")

    # Initiator: Quickscan, typology, budget, PDF.
    walk.login("initiatief@demo.ontmoet.nl")
    for task, link, heading in [("quickscan", "Quickscan", "Quickscan"), ("typologie", "Typologie", "ypolog"),
                                ("begroting", "Financiering en begroting", "Financiering")]:
        walk.start().click(queue.get_by_role("link", name=re.compile("stappen nog te doen")))
        walk.click(main.get_by_role("link", name="Buurtkamer Kerkstraat"))
        walk.click(main.get_by_role("link", name=link, exact=True))
        walk.arrive(task, heading)
    walk.start().click(main.get_by_role("link", name="Ontmoetingsruimte De Zonnehof (55+)"))
    with page.expect_download() as download:
        walk.click(main.get_by_role("link", name="Alles als PDF"))
    assert download.value.suggested_filename.endswith(".pdf") and walk.clicks <= MAX_CLICKS
    walk.results.append(("initiatief", "pdf", walk.clicks))
    walk.write()


def test_one_task_per_user_in_english_at_390_px(demo, page):
    page.set_viewport_size({"width": 390, "height": 844})
    walk = Walk(page, "en", "390")
    main = page.locator("main")
    queue = page.get_by_role("region", name="What is waiting for you")

    def fits():
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url

    resident(walk, page)
    fits()
    # Side by side, the place's details got a column one word wide at 390 px; stacked, they use the width.
    assert page.locator("main dl.ontmoet-dl dd").first.bounding_box()["width"] > 300
    # The map's attribution links sit in running text: underlined, not told by colour alone (link-in-text-block).
    attribution = page.locator(".leaflet-control-attribution a").first
    assert attribution.evaluate("link => getComputedStyle(link).textDecorationLine") == "underline"
    walk.login("bestuur@demo.ontmoet.nl")
    walk.start().click(queue.get_by_role("link", name=re.compile("Confirm the details")))
    expect(page.get_by_role("button", name="Details are still correct")).to_be_visible()
    walk.arrive("confirm details", "MFA De Zon")
    fits()
    walk.login("gemeente@demo.ontmoet.nl")
    walk.start().click(queue.get_by_role("link", name=re.compile("not been confirmed for 12 months")))
    walk.arrive("places needing attention", "Meeting places")
    fits()
    walk.login("beleid@demo.ontmoet.nl")
    walk.start().click(queue.get_by_role("link", name=re.compile("hour entries to review")))
    walk.arrive("review hours", "Hours to review")
    fits()
    walk.login("provincie@demo.ontmoet.nl")
    walk.start().click(page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Places"))
    submenu = page.get_by_role("navigation", name="Places menu")
    walk.click(submenu.get_by_text("Management", exact=True))
    walk.click(submenu.get_by_role("link", name="Import"))
    walk.arrive("import places", "Import places")
    fits()
    walk.login("expert@demo.ontmoet.nl")
    walk.start().click(queue.get_by_role("link", name=re.compile("assigned to you")))
    walk.click(main.locator("table").get_by_role("link").first)
    expect(page.get_by_role("button", name="Post message")).to_be_visible()
    walk.arrive("answer", "")
    fits()
    walk.login("initiatief@demo.ontmoet.nl")
    walk.start().click(queue.get_by_role("link", name=re.compile("steps still to do")))
    walk.click(main.get_by_role("link", name="Buurtkamer Kerkstraat"))
    walk.click(main.get_by_role("link", name="Quickscan", exact=True))
    walk.arrive("quickscan", "Quickscan")
    fits()
    walk.write()
