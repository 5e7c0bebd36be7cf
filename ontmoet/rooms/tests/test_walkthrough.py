"""Issue 19's "done when", tried as new users would in Chromium, in one go.

A board enters a weekly walk-in coffee morning that skips public holidays, posts a vacancy for a treasurer
and describes a room with three rates; a resident finds the coffee morning at /kaart/agenda/ for next
Tuesday near a postcode (and not on the holiday), responds to the vacancy and asks for the room every
Tuesday evening of a season; the board accepts the series except the date that clashes; the occupancy
table shows it. Each person starts on their first page (the board's overview, the public start page) and
goes on only by links and buttons; clicks are counted per task. Every page visited is scanned with axe-core
and photographed at desktop width and at 390 px (ONTMOET_WALK_SHOTS, else var/screenshots/walk).

It lives with the rooms because the walk ends there; it reads the agenda and vacancies only through the
pages, as a person would (the test modules are outside the import contracts).
"""

import os
import re
from datetime import date, time, timedelta
from pathlib import Path

import holidays
import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from ontmoet.conftest import SCREENSHOTS, assert_accessible, login
from ontmoet.places.models import Place
from ontmoet.rooms.models import BookingRequest, RequestStatus, Room

from .factories import make_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("ONTMOET_WALK_SHOTS", SCREENSHOTS / "walk"))
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


class Walk:
    """Clicks per task, and every page looked at: axe-core, a screenshot wide and one 390 px narrow."""

    def __init__(self, page):
        self.page, self.task, self.clicks, self.seen = page, None, {}, 0

    def start(self, task):
        self.task = task
        self.clicks[task] = 0

    def click(self, locator):
        self.clicks[self.task] += 1
        locator.click()

    def look(self, name):
        page = self.page
        self.seen += 1
        SHOTS.mkdir(parents=True, exist_ok=True)
        stem = f"{self.seen:02d}-{name}"
        assert_accessible(page, f"walk-{stem}")
        page.screenshot(path=str(SHOTS / f"{stem}-breed.png"), full_page=True)
        wide = page.viewport_size
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(SHOTS / f"{stem}-smal.png"), full_page=True)
        # Nothing may stick out sideways on a phone: the page scrolls only down.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        page.set_viewport_size(wide)
        assert overflow <= 0, f"{name} is {overflow}px te breed op 390 px"


def next_tuesday(today: date) -> date:
    return today + timedelta(days=(1 - today.weekday()) % 7 or 7)


def coming_holiday(today: date) -> date:
    """The first Dutch public holiday after next Tuesday (within the agenda's year ahead)."""
    tuesday = next_tuesday(today)
    days = holidays.country_holidays("NL", years=[today.year, today.year + 1])
    return min(day for day in days if day > tuesday)


def test_issue_19_walkthrough(world, page, chromium, settings):
    settings.DIRECTORY_TILE_URL = ""  # no map tiles from the network in tests
    settings.ROOMS_REQUEST_MIN_SECONDS = 0  # the browser fills forms faster than a person
    settings.VACANCIES_FORM_MIN_SECONDS = 0
    # The world's places share the factory's postcode; 8101 is Heeten's alone here.
    Place.objects.exclude(pk=world.place.pk).update(postcode="7300 AA", latitude="52.2", longitude="5.9")
    today = timezone.localdate()
    tuesday = next_tuesday(today)
    holiday = coming_holiday(today)
    walk = Walk(page)

    # --- The board: a weekly walk-in coffee morning on Tuesdays (and on the holiday's weekday), no holidays.
    walk.start("koffieochtend invoeren")
    login(page, world.users["board_member"].email)
    walk.look("overzicht-bestuur")
    walk.click(page.get_by_role("link", name=world.place.name).first)
    walk.look("plek-bestuur")
    walk.click(page.get_by_role("link", name="Agenda bijhouden"))
    walk.look("agenda-beheer")
    walk.click(page.get_by_role("link", name="Activiteit toevoegen"))
    walk.look("activiteit-formulier")
    page.get_by_label("Naam van de activiteit").fill("Koffieochtend")
    page.get_by_label("Soort (verplicht)", exact=True).select_option(label="Koffiemomenten")
    page.get_by_label("wekelijks").check()
    walk.clicks[walk.task] += 1
    for day in {1, holiday.weekday()}:  # Tuesdays, and the holiday's weekday so one date is skipped
        walk.click(page.get_by_label(WEEKDAYS[day], exact=True))
    page.get_by_label("Datum of eerste datum").fill(today.isoformat())
    page.get_by_label("Begintijd").fill("09:30")
    page.get_by_label("Eindtijd").fill("11:30")
    walk.click(page.get_by_label("Open inloop"))
    walk.click(page.get_by_label("Niet op feestdagen"))
    walk.click(page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_text("‘Koffieochtend’ staat in de agenda.")).to_be_visible()
    walk.look("agenda-beheer-koffieochtend")
    walk.click(page.get_by_role("link", name=f"Terug naar {world.place.name}"))

    # --- The board: a vacancy for a treasurer.
    walk.start("vacature plaatsen")
    walk.click(page.get_by_role("link", name="Vacature plaatsen"))
    walk.look("vacature-formulier")
    page.locator("#id_role").select_option("penningmeester")
    walk.clicks[walk.task] += 1
    page.get_by_label(re.compile("^Wat houdt het in")).fill("De kas en de begroting van het dorpshuis bijhouden.")
    page.get_by_label("Uren per maand").fill("8")
    walk.click(page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Penningmeester bij Dorpshuis De Linde")
    walk.look("vacature-bestuur")

    # --- The board: the hall with three rates (per hour), open every evening.
    walk.start("ruimte met drie tarieven")
    walk.click(page.get_by_role("link", name=world.place.name).first)
    walk.click(page.get_by_role("link", name="Ruimtes, tarieven en aanvragen"))
    walk.look("ruimtes-bestuur")
    walk.click(page.get_by_role("link", name="Ruimte toevoegen"))
    walk.look("ruimte-formulier")
    page.locator("#id_name").fill("Grote zaal")
    page.locator("#id_capacity").fill("80")
    for day in range(7):
        page.locator(f"#id_open_{day}").fill("09:00")
        page.locator(f"#id_close_{day}").fill("23:00")
    for amount, field in zip(["10", "20", "45"], page.locator("input[id^='id_rate_'][id$='_uur']").all(), strict=True):
        field.fill(amount)
    walk.click(page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_text("De ruimte en haar tarieven zijn opgeslagen.")).to_be_visible()
    walk.look("ruimtes-bestuur-zaal")
    room = Room.objects.get()
    assert room.rates.count() == 3
    page.get_by_role("button", name="Uitloggen").click()

    # Someone else asks for a single evening in the coming season: it will clash with the series.
    first = tuesday + timedelta(weeks=1)
    taken = first + timedelta(weeks=2)
    other = make_request(room, [taken], email="ander@example.org", starts=time(19), ends=time(20))

    # --- A resident, from the start page: the coffee morning next Tuesday near Heeten's postcode.
    walk.start("koffieochtend vinden")
    page.goto("/")
    walk.look("start")
    walk.click(page.get_by_role("link", name="Zoek in de agenda"))
    walk.look("agenda-openbaar")
    walk.click(page.get_by_label("Op datum"))
    page.get_by_label("Datum", exact=True).fill(tuesday.isoformat())
    page.get_by_label("In de buurt van").fill("8101")
    walk.click(page.get_by_role("button", name="Zoeken"))
    expect(page.get_by_role("heading", name="Koffieochtend")).to_be_visible()
    expect(page.get_by_text("open inloop").first).to_be_visible()
    walk.look("agenda-dinsdag")
    page.get_by_label("Datum", exact=True).fill(holiday.isoformat())  # closed on the public holiday
    walk.click(page.get_by_role("button", name="Zoeken"))
    expect(page.get_by_text("Niets gevonden")).to_be_visible()
    walk.look("agenda-feestdag")

    # --- The resident responds to the vacancy, from the place's page.
    walk.start("reageren op vacature")
    page.get_by_label("Datum", exact=True).fill(tuesday.isoformat())
    walk.click(page.get_by_role("button", name="Zoeken"))
    walk.click(page.get_by_role("link", name=world.place.name).first)
    walk.look("plek-openbaar")
    walk.click(page.get_by_role("link", name="Penningmeester"))
    walk.look("vacature-openbaar")
    page.get_by_label("Uw naam").fill("Jan Jansen")
    page.get_by_label("Uw e-mailadres").fill("jan@voorbeeld.nl")
    page.get_by_label("Uw bericht").fill("Ik ben boekhouder en help graag.")
    walk.click(page.get_by_role("button", name="Reactie versturen"))
    expect(page.get_by_text("Uw reactie is doorgestuurd")).to_be_visible()
    walk.look("vacature-reactie-verstuurd")
    assert mail.outbox[-1].to == ["board.member@test.example"]

    # --- The resident asks for the hall every Tuesday evening of a season, and sees the price first.
    walk.start("ruimte aanvragen")
    walk.click(page.get_by_role("link", name=world.place.name, exact=True).first)
    walk.click(page.get_by_role("link", name="Een ruimte aanvragen"))
    walk.look("ruimtes-openbaar")
    page.locator("#id_date").fill(first.isoformat())
    page.locator("#id_starts").fill("19:30")
    page.locator("#id_ends").fill("22:00")
    walk.click(page.locator("#id_series"))
    page.locator("#id_last_date").fill((first + timedelta(weeks=11)).isoformat())
    page.locator("#id_tenant_kind").select_option(label="Bewonersinitiatief")
    walk.clicks[walk.task] += 1
    page.locator("#id_organisation").fill("Koor De Lijster")
    page.locator("#id_purpose").fill("Repetitie van het koor")
    page.locator("#id_people").fill("30")
    page.locator("#id_name").fill("Anja de Vries")
    page.locator("#id_email").fill("anja@example.org")
    walk.click(page.get_by_role("button", name="Prijs berekenen"))
    expect(page.get_by_text("Totaal voor 12 data: € 300,00")).to_be_visible()
    walk.look("ruimte-prijs")
    assert BookingRequest.objects.count() == 1  # only the other one: nothing sent before the price was seen
    walk.click(page.get_by_role("button", name="Aanvraag versturen"))
    page.wait_for_url(re.compile(r".*/ruimtes/aanvraag/[\w-]+/(#.*)?$"))
    walk.look("ruimte-aanvraag-persoonlijk")
    series = BookingRequest.objects.exclude(pk=other.pk).get()

    # --- The board: the response and the request wait on its overview; it accepts all but the clash.
    walk.start("reactie zien")
    login(page, world.users["board_member"].email)
    walk.click(page.get_by_role("link", name=re.compile("1 reactie op een vacature wacht op antwoord")))
    walk.look("vacature-reacties")
    expect(page.get_by_role("link", name="Jan Jansen")).to_be_visible()
    walk.start("reeks accepteren")
    walk.click(page.get_by_role("link", name="Overzicht", exact=True))
    walk.click(page.get_by_role("link", name=re.compile("2 boekingsaanvragen")))
    walk.look("boekingsaanvragen")
    with translation.override("nl"):
        taken_label, first_label = (date_format(day, "SHORT_DATE_FORMAT") for day in (taken, first))
    # The single evening came first and is accepted first; then the series clashes on that date.
    walk.click(page.get_by_role("link", name=taken_label, exact=True))
    walk.click(page.get_by_role("button", name=re.compile("^Accepteren")))
    expect(page.get_by_text("Geaccepteerd; de aanvrager krijgt een bevestiging")).to_be_visible()
    walk.click(page.get_by_role("link", name="Boekingsaanvragen", exact=True))
    walk.click(page.get_by_role("link", name=re.compile(f"^{re.escape(first_label)} –")))
    expect(page.get_by_text("overlapt een geaccepteerde boeking")).to_be_visible()
    walk.look("boekingsaanvraag-bestuur")
    walk.click(page.get_by_role("button", name="Accepteren (behalve de aangevinkte data)"))
    expect(page.get_by_text("Geaccepteerd; de aanvrager krijgt een bevestiging")).to_be_visible()
    walk.look("boekingsaanvraag-geaccepteerd")
    with translation.override("nl"):
        clash_label = date_format(taken, "DATE_FORMAT")
    clash_row = page.get_by_role("row").filter(has_text=clash_label)
    expect(clash_row).to_contain_text("Afgewezen")
    expect(clash_row.get_by_role("cell").last).to_have_text("–")
    series.refresh_from_db()
    assert series.status == RequestStatus.PARTLY and series.total == 275

    # --- The occupancy table shows the accepted hours and the income from the resident's choir.
    walk.start("bezetting bekijken")
    walk.click(page.get_by_role("link", name=re.compile("Terug naar de ruimtes")))
    walk.click(page.get_by_role("link", name="Bezetting en huur per maand"))
    if first.year != today.year:
        walk.click(page.get_by_role("link", name=str(first.year), exact=True))
    walk.look("bezetting")
    # The month of the first evening: the series' evenings in it (2½ hours, € 25 each) and the other
    # request's single hour (€ 10) when the clash falls in it too.
    evenings = [first + timedelta(weeks=n) for n in range(12)]
    in_month = [day for day in evenings if (day.year, day.month) == (first.year, first.month) and day != taken]
    clash_in_month = (taken.year, taken.month) == (first.year, first.month)
    hours = 2.5 * len(in_month) + (1 if clash_in_month else 0)
    income = 25 * len(in_month) + (10 if clash_in_month else 0)
    with translation.override("nl"):
        month = date_format(first, "YEAR_MONTH_FORMAT")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=month, exact=True))
    expect(row.get_by_role("cell").first).to_have_text(f"{hours:.1f}".replace(".", ","))
    expect(row.get_by_role("cell").last).to_have_text(f"€ {income},00")
    print("kliks per taak:", walk.clicks)
