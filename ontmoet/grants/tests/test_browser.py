"""The Sociale Hypotheek tried as people would, in headless Chromium; every page type is scanned by axe-core."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.grants.models import Application, Award, HourEntry
from ontmoet.grants.workflows import ApplicationStatus

from .factories import RoundFactory, awarded, make_eligible, submitted

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def test_board_applies_with_two_activities_and_an_attachment(world, page, tmp_path):
    round_ = RoundFactory(name="Sociale Hypotheek 2026")
    make_eligible(world.place)
    login(page, "board.member@test.example")
    page.goto(f"/sociale-hypotheek/rondes/{round_.pk}/")
    assert_accessible(page, "sh-ronde")
    # The board's overview says what it can do now.
    page.goto("/sociale-hypotheek/")
    assert_accessible(page, "sh-bestuur-overzicht")
    page.get_by_role("link", name="Aanvraag doen").click()
    assert_accessible(page, "sh-aanvraag-start")
    page.get_by_role("button", name="Aanvraag beginnen").click()
    page.get_by_label("Titel").first.fill("Repaircafé")
    page.get_by_label("Geplande uren (totaal)").first.fill("80")
    expect(page.get_by_text("Met de uren hieronder: 80 uur, dus € 1.200,00.")).to_be_visible()  # at once
    page.get_by_role("button", name="Opslaan en nog een activiteit toevoegen").click()
    expect(page.get_by_text("Uw concept is opgeslagen.")).to_be_visible()
    page.get_by_label("Titel").nth(1).fill("Huiswerkklas")
    page.get_by_label("Geplande uren (totaal)").nth(1).fill("-5")  # wrong on purpose
    page.get_by_role("button", name="Opslaan en nog een activiteit toevoegen").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    assert page.get_by_label("Titel").nth(1).input_value() == "Huiswerkklas"  # kept
    assert_accessible(page, "sh-aanvraag-fout")
    page.get_by_label("Geplande uren (totaal)").nth(1).fill("40")
    page.get_by_label("Motivatie").fill("Meer ontmoeting tussen jong en oud.")
    for radio in page.get_by_role("radio", name="Ja").all():
        radio.check()
    page.get_by_label("Ik verklaar").check()
    page.get_by_role("button", name="Opslaan en nog een activiteit toevoegen").click()
    fake = tmp_path / "plan.pdf"
    fake.write_bytes(b"GIF89a not a pdf")
    page.get_by_label("Bijlage (PDF, PNG of JPG, hoogstens 5 MB)").set_input_files(str(fake))
    page.get_by_role("button", name="Bijlage toevoegen").click()
    expect(page.get_by_text("gecontroleerd op de inhoud")).to_be_visible()
    real = tmp_path / "begroting.pdf"
    real.write_bytes(PDF)
    page.get_by_label("Bijlage (PDF, PNG of JPG, hoogstens 5 MB)").set_input_files(str(real))
    page.get_by_role("button", name="Bijlage toevoegen").click()
    expect(page.get_by_role("link", name="begroting.pdf")).to_be_visible()
    assert_accessible(page, "sh-aanvraag-invullen")
    page.get_by_role("button", name="Opslaan en naar indienen").click()
    page.get_by_role("button", name="Aanvraag indienen").click()
    expect(page.get_by_text("Uw aanvraag is ingediend")).to_be_visible()
    assert_accessible(page, "sh-aanvraag-ingediend")
    application = Application.objects.get(place=world.place)
    assert application.status == ApplicationStatus.SUBMITTED and application.amount == Decimal("1800")


def test_officer_reviews_awards_pays_and_approves_hours(world, page):
    round_ = RoundFactory()
    application = submitted(world.place, round_, world.users["board_member"])
    login(page, "province.staff@test.example")
    page.goto("/sociale-hypotheek/")
    assert_accessible(page, "sh-overzicht")
    page.goto(f"/sociale-hypotheek/aanvragen/{application.pk}/")
    page.get_by_label("In behandeling nemen").check()
    page.get_by_role("button", name="Vastleggen").click()
    page.get_by_label("Informatie vragen aan het bestuur").check()
    page.get_by_label("Toelichting (komt in de brief of de e-mail)").fill("Wie organiseert het repaircafé?")
    page.get_by_role("button", name="Vastleggen").click()
    assert_accessible(page, "sh-aanvraag-behandelen")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INFO_REQUESTED
    from ontmoet.grants import services

    services.submit(application.pk, world.users["board_member"], answer="De vrijwilligers van de fietsclub.")
    page.reload()
    page.get_by_label("Toekennen").check()
    page.get_by_label("Toelichting (komt in de brief of de e-mail)").fill("Goed plan.")
    page.get_by_role("button", name="Vastleggen").click()
    award = Award.objects.get(application=application)
    page.goto(f"/sociale-hypotheek/toekenningen/{award.pk}/")
    page.get_by_label("Bedrag (€)").fill("99999")
    page.get_by_label("Kenmerk van de betaling").fill("FIN-1")
    page.get_by_role("button", name="Betaling opslaan").click()
    expect(page.get_by_text("meer dan de toekenning").first).to_be_visible()
    assert page.get_by_label("Kenmerk van de betaling").input_value() == "FIN-1"  # kept
    page.get_by_label("Bedrag (€)").fill("500")
    page.get_by_role("button", name="Betaling opslaan").click()
    expect(page.get_by_text("De betaling is geregistreerd.")).to_be_visible()
    entries = [services.log_hours(award.pk, services.EntryData(date=award.awarded_on, volunteers=2, hours=Decimal(h),
                                                               activity=award.application.activities.first()),
                                  world.users["board_member"]) for h in (8, 4)]
    page.reload()
    page.get_by_role("button", name="Goedkeuren").first.click()
    page.get_by_label("Reden (verplicht bij afkeuren)").first.fill("Geen nieuwe activiteit")
    page.get_by_role("button", name="Afkeuren").first.click()
    statuses = sorted(HourEntry.objects.filter(pk__in=[e.pk for e in entries]).values_list("status", flat=True))
    assert statuses == ["approved", "rejected"]
    award.refresh_from_db()
    assert award.hours_approved in (4, 8)
    assert Decimal(page.locator("progress").get_attribute("value")) == award.hours_approved
    assert_accessible(page, "sh-toekenning-provincie")
    page.goto(f"/sociale-hypotheek/toekenningen/{award.pk}/afrekening/")
    assert_accessible(page, "sh-afrekening")
    page.goto("/sociale-hypotheek/impact/")
    expect(page.get_by_text("(subsidie + waarde van de uren) ÷ subsidie").first).to_be_visible()
    assert_accessible(page, "sh-impact")
    for url, name in [("/sociale-hypotheek/aanvragen/", "sh-aanvragen"), ("/sociale-hypotheek/toekenningen/",
                                                                          "sh-toekenningen"),
                      ("/sociale-hypotheek/rondes/nieuw/", "sh-ronde-nieuw"),
                      ("/sociale-hypotheek/importeren/", "sh-importeren")]:
        page.goto(url)
        assert_accessible(page, name)
    pdf = page.request.get(f"/sociale-hypotheek/aanvragen/{application.pk}/besluit.pdf")
    assert pdf.body().startswith(b"%PDF")


def test_board_logs_hours_and_public_summary(world, page):
    award = awarded(world.place, RoundFactory(), world.users["board_member"], world.users["province_staff"])
    login(page, "board.member@test.example")
    page.goto(f"/sociale-hypotheek/toekenningen/{award.pk}/")
    page.get_by_label("Activiteit").select_option(label="Activiteit 1")
    page.get_by_label("Aantal vrijwilligers").fill("1")
    page.get_by_label("Uren (alle vrijwilligers samen)").fill("30")
    page.get_by_role("button", name="Uren opslaan").click()
    expect(page.get_by_text("Meer dan 24 uur per vrijwilliger").first).to_be_visible()
    page.get_by_label("Uren (alle vrijwilligers samen)").fill("3")
    page.get_by_role("button", name="Uren opslaan").click()
    expect(page.get_by_text("wachten op beoordeling")).to_be_visible()
    assert_accessible(page, "sh-toekenning-bestuur")
    page.goto("/overzicht/")
    assert_accessible(page, "sh-dashboard-bestuur")
    page.context.clear_cookies()
    page.goto("/sociale-hypotheek/resultaten/")
    assert_accessible(page, "sh-resultaten-openbaar")
