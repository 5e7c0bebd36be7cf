"""Tried as people would, in headless Chromium: the issue's "done when" walk-through, with axe-core on every
page type of the knowledge network (screenshots in var/screenshots)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible
from ontmoet.conftest import login as login_as
from ontmoet.network.learning_seed import ensure_learning_network, ensure_leergang
from ontmoet.network.models import DigestSend, Event, FundingScheme, Registration, Session, Theme
from ontmoet.network.services import contacts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, email):
    """Log in afresh: the login page sends people who are logged in straight on."""
    page.context.clear_cookies()
    login_as(page, email)


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_webinar_registration_attendance_and_digest(world, page, settings):
    settings.ONTMOET_NETWORK_MIN_FORM_SECONDS = 0
    # The province publishes a webinar.
    login(page, "province.staff@test.example")
    page.goto("/netwerk/activiteiten/")
    assert_accessible(page, "netwerk-activiteiten")
    page.get_by_role("link", name="Bijeenkomst toevoegen").click()
    start = timezone.localtime() + timedelta(days=10)
    page.get_by_label("Titel (verplicht)").fill("Webinar: de exploitatie rond")
    page.get_by_label("Soort (verplicht)").select_option("webinar")
    page.get_by_label("Begint (verplicht)").fill(start.strftime("%Y-%m-%dT19:30"))
    page.get_by_label("Eindigt (verplicht)").fill(start.strftime("%Y-%m-%dT18:30"))  # before the start, on purpose
    page.get_by_label("Link voor online deelname").fill("https://webinar.example.nl/exploitatie")
    page.get_by_label("Maximum aantal deelnemers").fill("2")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het einde ligt vóór of op het begin").first).to_be_visible()
    assert page.get_by_label("Titel (verplicht)").input_value() == "Webinar: de exploitatie rond"
    assert_accessible(page, "netwerk-activiteit-fout")
    page.get_by_label("Eindigt (verplicht)").fill(start.strftime("%Y-%m-%dT21:00"))
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Deelnemers en aanwezigheid")).to_be_visible()
    event = Event.objects.get()

    # A board member registers with one click and receives the .ics.
    login(page, "board.member@test.example")
    page.goto(f"/netwerk/activiteiten/{event.pk}/")
    assert_accessible(page, "netwerk-activiteit-lid")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("U bent aangemeld").first).to_be_visible()
    assert mail.outbox[-1].attachments[0][0] == "bijeenkomst.ics"

    # A member of the public registers and confirms through the link in the mail.
    page.context.clear_cookies()
    page.goto(f"/netwerk/activiteiten/{event.pk}/")
    assert_accessible(page, "netwerk-activiteit-publiek")
    page.get_by_label("Naam (verplicht)").fill("Truus Jansen")
    page.get_by_label("E-mailadres (verplicht)").fill("truus@example.nl")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("Bijna klaar")).to_be_visible()
    link = re.search(r"https?://\S+/bevestigen/", mail.outbox[-1].body).group(0)
    page.goto(_path(link))
    expect(page.get_by_role("heading", name="Uw aanmelding is bevestigd")).to_be_visible()
    assert_accessible(page, "netwerk-aanmelding-bevestigd")
    cancel = re.search(r"https?://\S+/annuleren/", mail.outbox[-1].body).group(0)
    page.goto(_path(cancel))
    assert_accessible(page, "netwerk-annuleren")
    page.goto("/netwerk/aanmelding/kapot/bevestigen/")
    assert_accessible(page, "netwerk-link-kapot")

    # The organiser marks attendance, writes to everyone and exports.
    login(page, "province.staff@test.example")
    page.goto(f"/netwerk/activiteiten/{event.pk}/deelnemers/")
    assert_accessible(page, "netwerk-deelnemers")
    page.get_by_label("Truus Jansen was aanwezig").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.get_by_text("Aanwezigheid opgeslagen: 1 aanwezig.")).to_be_visible()
    assert Registration.objects.get(email="truus@example.nl").attended is True
    page.get_by_role("link", name="Bericht aan deelnemers").click()
    assert_accessible(page, "netwerk-bericht")
    with page.expect_download() as download:
        page.goto(f"/netwerk/activiteiten/{event.pk}/")
        page.get_by_role("link", name="Deelnemers en aanwezigheid").click()
        page.get_by_role("link", name="Exporteren (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")

    # The digest for the period is sent once, with progress, by a province administrator.
    login(page, "province.admin@test.example")
    page.goto("/netwerk/overzichtsmail/rondes/")
    assert_accessible(page, "netwerk-overzichtsmail-rondes")
    page.get_by_label("Periode").select_option("maand")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Klaar op")).to_be_visible()
    assert_accessible(page, "netwerk-overzichtsmail-voortgang")
    sent = DigestSend.objects.filter(state="verstuurd").count()
    page.goto("/netwerk/overzichtsmail/rondes/")
    page.get_by_label("Periode").select_option("maand")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("0 mails verstuurd")).to_be_visible()
    assert DigestSend.objects.filter(state="verstuurd").count() == sent > 0
    page.goto("/netwerk/overzichtsmail/")
    assert_accessible(page, "netwerk-overzichtsmail-voorkeur")
    digest = next(m for m in mail.outbox if "X-Ontmoet-Digest" in m.extra_headers)
    page.context.clear_cookies()
    page.goto(_path(digest.extra_headers["List-Unsubscribe"].strip("<>")))
    assert_accessible(page, "netwerk-afmelden")


def test_leergang_module_with_certificate(world, page):
    course = ensure_leergang(world.overijssel)
    module = course.modules.get(title="Vrijwilligers")
    event = Event.objects.create(province=world.overijssel, title="Vrijwilligers, bijeenkomst 1", kind="leergang",
                                 audience="besturen", location="Deventer",
                                 starts_at=timezone.now() + timedelta(days=3),
                                 ends_at=timezone.now() + timedelta(days=3, hours=2))
    Session.objects.create(module=module, event=event)
    login(page, "board.member@test.example")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Netwerk").click()
    page.get_by_role("link", name="Leergang").click()
    assert_accessible(page, "netwerk-leergang")
    page.get_by_role("link", name="4. Vrijwilligers").click()
    page.get_by_role("button", name="Inschrijven voor deze module").click()
    expect(page.get_by_text("U bent ingeschreven voor Vrijwilligers")).to_be_visible()
    assert_accessible(page, "netwerk-module")
    page.get_by_role("link", name="Vrijwilligers, bijeenkomst 1").click()
    page.get_by_role("button", name="Aanmelden").click()

    login(page, "province.staff@test.example")
    page.goto(f"/netwerk/activiteiten/{event.pk}/deelnemers/")
    page.get_by_label("board_member was aanwezig").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    page.goto(f"/netwerk/leergang/module/{module.pk}/")
    assert_accessible(page, "netwerk-module-organisator")
    page.get_by_role("link", name="Materiaal toevoegen").click()
    assert_accessible(page, "netwerk-materiaal")
    page.goto(f"/netwerk/leergang/{course.pk}/deelname/")
    expect(page.get_by_role("rowheader", name="Dorpshuis De Linde")).to_be_visible()
    assert_accessible(page, "netwerk-deelname")

    login(page, "board.member@test.example")
    page.goto(f"/netwerk/leergang/module/{module.pk}/")
    expect(page.get_by_text("Afgerond op")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Certificaat downloaden (PDF)").click()
    assert download.value.path().read_bytes().startswith(b"%PDF")


def test_contacts_schemes_and_learning_network(world, page):
    contacts.set_aanspreekpunt(world.raalte, world.users["province_staff"], "038 425 00 00")
    FundingScheme.objects.create(province=world.overijssel, name="Dorpshuizenfonds", provider="Fonds",
                                 purpose="Inrichting", deadline=timezone.localdate() + timedelta(days=20),
                                 place_kinds=["dorpshuis"], amount_min=500, amount_max=5000)
    FundingScheme.objects.create(province=world.overijssel, name="SOO", provider="Rijk", purpose="Ruimte",
                                 place_kinds=["wooncomplex"])
    group = ensure_learning_network(world.overijssel)
    Theme.objects.create(group=group, year=timezone.localdate().year, title="De sociale basis")

    # A province officer logs a visit and sees it on the overview.
    login(page, "province.staff@test.example")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Netwerk").click()
    page.get_by_role("link", name="Gemeenten", exact=True).click()
    assert_accessible(page, "netwerk-gemeenten")
    page.get_by_role("link", name="Raalte", exact=True).click()
    assert_accessible(page, "netwerk-gemeente")
    page.get_by_role("link", name="Contactmoment vastleggen").click()
    page.get_by_label("Soort contact (verplicht)").select_option("bezoek")
    page.get_by_label("Met wie (verplicht)").fill("Wethouder en beleidsadviseur")
    page.get_by_label("Aantekeningen").fill("Kennismaking en uitleg over de leergang.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("is vastgelegd")).to_be_visible()
    page.goto("/netwerk/gemeenten/")
    expect(page.get_by_role("row", name=re.compile("Raalte.*0 dagen geleden"))).to_be_visible()
    page.goto("/netwerk/gemeenten/GM0177/contactmoment/")
    assert_accessible(page, "netwerk-contactmoment")
    page.goto("/netwerk/regelingen/nieuw/")
    assert_accessible(page, "netwerk-regeling-nieuw")
    page.goto("/netwerk/leernetwerk/")
    assert_accessible(page, "netwerk-leernetwerk")
    page.get_by_role("link", name=re.compile("De sociale basis")).click()
    page.get_by_label("Bericht (verplicht)").fill("Wie heeft **ervaring** met een MFA bij nieuwbouw?")
    page.get_by_role("button", name="Plaatsen").click()
    expect(page.locator("strong", has_text="ervaring")).to_be_visible()
    assert_accessible(page, "netwerk-thema")

    # A place sees the schemes that fit it, and its aanspreekpunt.
    login(page, "board.member@test.example")
    expect(page.get_by_text("038 425 00 00")).to_be_visible()
    page.get_by_role("link", name="Alle regelingen voor Dorpshuis De Linde").click()
    expect(page.get_by_role("link", name="Dorpshuizenfonds").first).to_be_visible()
    assert page.get_by_role("link", name="SOO").count() == 0
    assert_accessible(page, "netwerk-regelingen-plek")
    page.get_by_role("link", name="Dorpshuizenfonds").first.click()
    assert_accessible(page, "netwerk-regeling")
