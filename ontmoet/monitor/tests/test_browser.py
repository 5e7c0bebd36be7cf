"""The monitor tried as people would, in headless Chromium, every page type scanned with axe-core.

A province officer uploads the form, creates a wave, sends invitations; a respondent answers via the
link with skip logic; a call is logged and answers are entered by phone; the officer reads the
report, breaks it down, downloads PDF and XLSX and compares with last year.
"""

import datetime
import io

import pytest
from django.core import mail
from openpyxl import load_workbook
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.monitor import services
from ontmoet.monitor.models import Invitation, Response, Status, Wave

from .export_fixtures import HERE as EXPORTS
from .factories import SHIPPED, make_wave, shipped_questionnaire
from .test_expressions import EVALUATION_CASES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_province_officer_runs_a_wave_end_to_end(world, page, tmp_path):
    # last year's wave with an answer, for the comparison
    last_year = make_wave(world.overijssel, year=2025, questionnaire=shipped_questionnaire(world.overijssel))
    services.submit(last_year.invitations.get(place=world.place), {"soort": "dorpshuis", "bemensing": "welzijn"})

    login(page, "province.staff@test.example")
    page.get_by_role("link", name="Monitor", exact=True).click()
    assert_accessible(page, "monitor-overzicht")
    page.get_by_role("link", name="Vragenlijsten", exact=True).click()
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"PK\x03\x04 geen echt bestand")
    page.get_by_label("XLSForm (.xlsx of .xls)").set_input_files(str(broken))
    page.get_by_role("button", name="Controleren en opslaan").click()
    expect(page.get_by_text("De vragenlijst is niet opgeslagen")).to_be_visible()
    assert_accessible(page, "monitor-vragenlijst-fout")
    page.get_by_label("XLSForm (.xlsx of .xls)").set_input_files(str(SHIPPED / "monitor_gemeenten.xlsx"))
    page.get_by_role("button", name="Controleren en opslaan").click()
    expect(page.get_by_role("heading", name="Monitor gemeenten")).to_be_visible()
    assert_accessible(page, "monitor-vragenlijst")

    page.get_by_role("link", name="Uitvraag maken met deze vragenlijst").click()
    page.get_by_label("Vragenlijst").select_option(label="Monitor sociale ontmoetingsplekken (2024)")
    page.get_by_label("Titel").fill("Monitor sociale ontmoetingsplekken")
    page.get_by_label("Jaar").fill("2026")
    today = datetime.date.today()
    page.get_by_label("Open vanaf").fill(today.isoformat())
    page.get_by_label("Sluit na").fill((today + datetime.timedelta(days=30)).isoformat())
    assert_accessible(page, "monitor-uitvraag-nieuw")
    page.get_by_role("button", name="Uitvraag aanmaken").click()
    expect(page.get_by_text("Uitvraag aangemaakt met 2 respondenten")).to_be_visible()
    assert_accessible(page, "monitor-uitvraag")
    wave = Wave.objects.get(year=2026)

    page.get_by_role("button", name="Uitnodigingen versturen").click()
    expect(page.get_by_text("Klaar: 2 verstuurd")).to_be_visible()
    assert_accessible(page, "monitor-verzending")
    assert len(mail.outbox) == 2
    link = next(line for line in mail.outbox[0].body.splitlines() if "/monitor/v/" in line and "afmelden" not in line)
    raalte = Invitation.objects.get(wave=wave, place=world.place)
    assert services.invitation_token(raalte) in "".join(m.body for m in mail.outbox)

    # the respondent, in another browser context, without logging in
    respondent = page.context.browser.new_context(base_url=page.url.split("/monitor")[0], locale="nl-NL")
    form = respondent.new_page()
    form.console_errors = []
    form.on("console", lambda message: form.console_errors.append(message.text) if message.type == "error" else None)
    form.goto("/monitor/v/" + link.split("/monitor/v/")[1])
    expect(form.get_by_role("heading", name="Monitor sociale ontmoetingsplekken 2026")).to_be_visible()
    services_question = form.get_by_role("group", name="Welke voorzieningen zijn er?")
    volunteers = form.get_by_label("Hoeveel vrijwilligers zijn er actief?")
    expect(services_question).not_to_be_visible()  # skip logic: not asked until "ja"
    form.get_by_role("group", name="Biedt de plek naast ontmoeting").get_by_label("Ja").check()
    expect(services_question).to_be_visible()
    services_question.get_by_label("Sport").check()
    form.get_by_label("Alleen betaalde krachten").check()
    expect(volunteers).not_to_be_visible()
    form.get_by_label("Alleen vrijwilligers, sommigen ontvangen vrijwilligersvergoeding").check()
    expect(volunteers).to_be_visible()
    volunteers.fill("3000")
    assert_accessible(form, "monitor-vragenlijst-invullen")
    form.get_by_role("button", name="Versturen").click()
    expect(form.get_by_role("alert")).to_be_visible()
    expect(form.get_by_text("Vul een aantal tussen 0 en 2000 in.").first).to_be_visible()
    expect(form.get_by_label("Dorpshuis")).to_be_checked()  # the required kind, pre-filled from the register
    assert_accessible(form, "monitor-vragenlijst-fouten")
    volunteers.fill("25")
    form.get_by_role("button", name="Versturen").click()
    expect(form.get_by_role("heading", name="Bedankt voor het invullen!")).to_be_visible()
    assert_accessible(form, "monitor-bedankt")
    form.goto("/monitor/v/kapot/")
    expect(form.get_by_role("heading", name="Deze link werkt niet")).to_be_visible()
    assert_accessible(form, "monitor-link-kapot")
    respondent.close()
    answer = Response.objects.get(invitation=raalte)
    assert answer.data["voorzieningen"] == ["sport"] and answer.data["vrijwilligers"] == 25

    # phone follow-up for Zwolle
    page.goto(f"/monitor/uitvragen/{wave.pk}/")
    page.get_by_role("link", name="Bellijst").click()
    assert_accessible(page, "monitor-bellijst")
    page.get_by_role("link", name="Wijkcentrum Zwolle-Zuid").click()
    page.get_by_label("Geen gehoor").check()
    page.get_by_label("Notitie").fill("Voicemail vol")
    page.get_by_role("button", name="Gesprek opslaan").click()
    expect(page.get_by_text("Gesprek vastgelegd.")).to_be_visible()
    assert_accessible(page, "monitor-uitnodiging")
    # a leaked link: staff revoke it, the old one stops working at once
    zwolle = Invitation.objects.get(wave=wave, place=world.zwolle_place)
    old_link = f"/monitor/v/{services.invitation_token(zwolle)}/"
    page.get_by_role("button", name="Intrekken en nieuwe link maken").click()
    expect(page.get_by_text("Vastgelegd.")).to_be_visible()
    page.goto(old_link)
    expect(page.get_by_role("heading", name="Deze link is ingetrokken")).to_be_visible()
    assert_accessible(page, "monitor-link-ingetrokken")
    page.goto(f"/monitor/uitnodigingen/{zwolle.pk}/")
    page.get_by_role("link", name="Antwoorden invullen (telefonisch)").click()
    page.get_by_label("Wijkcentrum").check()
    page.get_by_label("1 of 2 betaalde beheerders aangevuld met vrijwilligers").check()
    assert_accessible(page, "monitor-telefonisch-invullen")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Antwoorden opgeslagen als telefonisch afgenomen.")).to_be_visible()
    zwolle = Invitation.objects.get(wave=wave, place=world.zwolle_place)
    assert zwolle.status == Status.COMPLETE and zwolle.response.taken_by_phone

    # the report
    page.goto(f"/monitor/uitvragen/{wave.pk}/")
    assert page.get_by_text("100,0%").first.is_visible() or page.get_by_text("100.0%").first.is_visible()
    page.get_by_role("link", name="Rapport", exact=True).click()
    expect(page.get_by_role("img", name="Staafdiagram van 'Wie runnen de plek?'").first).to_be_visible()
    assert_accessible(page, "monitor-rapport")
    page.get_by_label("Uitsplitsen naar").select_option(label="Gemeente")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("heading", name="Uitgesplitst naar Gemeente")).to_be_visible()
    assert_accessible(page, "monitor-rapport-uitsplitsing")
    page.get_by_role("link", name="PDF").click()  # made by the worker: the progress page, then the file
    expect(page.get_by_text("Het document is klaar.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="downloaden").click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    page.get_by_role("link", name="Terug").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert "Uitsplitsing" in workbook.sheetnames
    page.get_by_role("link", name="Vergelijk met andere jaren").click()
    expect(page.get_by_role("columnheader", name="2025").first).to_be_visible()
    assert_accessible(page, "monitor-vergelijking")
    page.goto(f"/monitor/uitvragen/{wave.pk}/importeren/")
    assert_accessible(page, "monitor-import")
    # last year's KoboToolbox export as it came, the accounts matched to places in the page
    page.get_by_label("Bestand met antwoorden (CSV of XLSX)").set_input_files(str(EXPORTS / "kobo_plekken.xlsx"))
    page.get_by_label("Kolom die zegt wie antwoordde").fill("_submitted_by")
    page.get_by_label("Koppeltabel", exact=True).fill("linde_heeten;RAA-001\nzwolle_zuid;ZWO-001")
    page.get_by_role("button", name="Controleren en importeren").click()
    expect(page.get_by_text("2 antwoorden geïmporteerd.")).to_be_visible()
    expect(page.get_by_text("1 rij zonder antwoorden is niet ingelezen")).to_be_visible()
    assert_accessible(page, "monitor-import-kobo")


def test_municipal_officer_and_board_member(world, page):
    wave = make_wave(world.overijssel)
    services.submit(wave.invitations.get(place=world.zwolle_place), {"soort": "mfa", "bemensing": "betaald"})
    login(page, "municipal.officer@test.example")
    page.get_by_role("link", name="Monitor", exact=True).click()
    page.get_by_role("link", name="Monitor 2024", exact=True).click()
    expect(page.get_by_text("U ziet de voortgang en resultaten van uw eigen gemeente.")).to_be_visible()
    assert not page.get_by_role("button", name="Uitnodigingen versturen").count()
    assert_accessible(page, "monitor-uitvraag-gemeente")
    page.get_by_role("button", name="Uitloggen").click()

    login(page, "board.member@test.example")
    page.get_by_role("link", name="Vragenlijst invullen").click()
    page.get_by_label("Buurthuis").check()
    page.get_by_role("button", name="Tussentijds opslaan").click()
    expect(page.get_by_text("Uw antwoorden zijn bewaard")).to_be_visible()
    assert page.get_by_label("Buurthuis").is_checked()
    page.goto("/monitor/mijn/")
    assert_accessible(page, "monitor-mijn")
    invitation = wave.invitations.get(place=world.place)
    page.goto(f"/monitor/v/{services.invitation_token(invitation)}/afmelden/")
    assert_accessible(page, "monitor-afmelden")
    wave.closes_on = datetime.date(2020, 1, 1)
    wave.opens_on = datetime.date(2019, 1, 1)
    wave.save()
    page.goto(f"/monitor/v/{services.invitation_token(invitation)}/")
    expect(page.get_by_role("heading", name="De vragenlijst is gesloten")).to_be_visible()
    assert_accessible(page, "monitor-gesloten")


def test_browser_skip_logic_agrees_with_the_server(world, page):
    """Every case of the server's expression table, evaluated by skiplogic.js in Chromium."""
    wave = make_wave(world.overijssel)
    page.goto(f"/monitor/v/{services.invitation_token(wave.invitations.first())}/")
    for expression, answers, current, expected in EVALUATION_CASES:
        answers = {k: " ".join(v) if isinstance(v, list) else v for k, v in answers.items()}
        current = " ".join(current) if isinstance(current, list) else current
        result = page.evaluate("([e, a, c]) => window.OntmoetSkipLogic.check(e, a, c)", [expression, answers, current])
        assert result is expected, expression
