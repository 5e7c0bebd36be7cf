"""Rooms tried as people would, in headless Chromium; every page type is scanned with axe-core."""

import re
from datetime import time, timedelta

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.rooms import services
from ontmoet.rooms.models import BookingRequest, RequestStatus, Room, TenantKind

from .factories import make_request, next_weekday

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_room_with_three_rates_a_weekly_series_and_accepting_all_but_the_clash(world, page, settings):
    settings.ROOMS_REQUEST_MIN_SECONDS = 0  # the browser is faster than a person

    # The board describes its hall with three rates.
    kinds = list(TenantKind.objects.order_by("order").values_list("pk", flat=True))
    login(page, "board.member@test.example")
    page.goto("/plekken/RAA-001/ruimtes/")
    assert_accessible(page, "ruimtes-bestuur-leeg")
    page.get_by_role("link", name="Ruimte toevoegen").click()
    page.locator("#id_name").fill("Grote zaal")
    page.locator("#id_capacity").fill("80")
    page.get_by_label("Keuken").check()
    page.locator("#id_open_1").fill("09:00")
    page.locator("#id_close_1").fill("23:00")
    page.locator(f"#id_rate_{kinds[0]}_uur").fill("10")
    page.locator(f"#id_rate_{kinds[1]}_uur").fill("20")
    page.locator(f"#id_rate_{kinds[2]}_uur").fill("-5")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Een tarief kan niet negatief zijn").first).to_be_visible()
    assert_accessible(page, "ruimte-formulier-fout")
    page.locator(f"#id_rate_{kinds[2]}_uur").fill("45")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De ruimte en haar tarieven zijn opgeslagen.")).to_be_visible()
    room = Room.objects.get()
    assert room.rates.count() == 3
    page.get_by_role("button", name="Uitloggen").click()

    # Someone else's single evening is accepted first, in the middle of the coming season.
    first = next_weekday(1)
    taken = first + timedelta(weeks=2)
    other = make_request(room, [taken], email="ander@example.org", starts=time(19), ends=time(20))

    # A resident asks for every Tuesday evening of a season and sees the price first.
    page.goto("/kaart/plek/RAA-001/")
    expect(page.get_by_text("€ 45,00 per uur").first).to_be_visible()
    page.get_by_role("link", name="Een ruimte aanvragen").click()
    page.locator("#id_date").fill(first.isoformat())
    page.locator("#id_starts").fill("19:30")
    page.locator("#id_ends").fill("22:00")
    page.locator("#id_series").check()
    page.locator("#id_last_date").fill((first + timedelta(weeks=5)).isoformat())
    page.locator("#id_tenant_kind").select_option(label="Bewonersinitiatief")
    page.locator("#id_purpose").fill("Repetitie van het koor")
    page.locator("#id_people").fill("30")
    page.locator("#id_name").fill("Anja de Vries")
    page.locator("#id_email").fill("anja@example.org")
    page.get_by_role("button", name="Prijs berekenen").click()
    expect(page.get_by_text("Totaal voor 6 data: € 150,00")).to_be_visible()
    assert_accessible(page, "ruimtes-openbaar-prijs")
    assert BookingRequest.objects.count() == 1
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.wait_for_url(re.compile(r".*/ruimtes/aanvraag/[\w-]+/(#.*)?$"))  # the form's #aanvragen stays
    assert_accessible(page, "ruimtes-persoonlijke-pagina")
    series = BookingRequest.objects.exclude(pk=other.pk).get()
    services.accept(other, by=None)

    # The board sees the clash ticked and accepts the rest.
    login(page, "board.member@test.example")
    page.goto("/plekken/boekingsaanvragen/?status=aangevraagd")
    assert_accessible(page, "boekingsaanvragen-lijst")
    page.goto(f"/plekken/RAA-001/ruimtes/aanvragen/{series.pk}/")
    expect(page.get_by_text("overlapt een geaccepteerde boeking")).to_be_visible()
    assert_accessible(page, "boekingsaanvraag-bestuur")
    page.get_by_role("button", name="Accepteren (behalve de aangevinkte data)").click()
    expect(page.get_by_text("Geaccepteerd; de aanvrager krijgt een bevestiging")).to_be_visible()
    series.refresh_from_db()
    assert series.status == RequestStatus.PARTLY and series.total == 125

    # The calendar and the figures show the accepted season.
    page.goto(f"/plekken/RAA-001/ruimtes/{room.pk}/agenda/?week={first:%Y-%m-%d}")
    expect(page.get_by_text("Bewonersinitiatief").first).to_be_visible()
    assert_accessible(page, "ruimte-agenda-bestuur")
    page.goto(f"/plekken/RAA-001/ruimtes/bezetting/?jaar={first.year}")
    expect(page.get_by_role("link", name="Download als spreadsheet (XLSX)")).to_be_visible()
    assert_accessible(page, "ruimtes-bezetting")
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(f"/kaart/plek/RAA-001/ruimtes/{room.pk}/agenda/?week={first:%Y-%m-%d}")
    expect(page.get_by_text("19:30–22:00 bezet")).to_be_visible()
    assert_accessible(page, "ruimte-agenda-openbaar")


def test_a_quiet_room_notice_leads_to_the_toolkit_and_is_marked_read(world, page):
    from django.utils import timezone

    from ontmoet.rooms.models import QuietRoomNotice
    from ontmoet.rooms.quiet import last_season

    from .factories import make_room

    first = last_season(timezone.localdate())[0]
    QuietRoomNotice.objects.create(room=make_room(world.place, name="Stille zaal"), season_start=first, occupancy=4)
    login(page, "board.member@test.example")
    page.goto("/overzicht/")
    page.get_by_role("link", name=re.compile("ruimte van Dorpshuis De Linde stond stil")).click()
    expect(page.get_by_role("heading", name="Ruimtes die stilstonden")).to_be_visible()
    assert_accessible(page, "ruimtes-bezetting-stil")
    page.get_by_role("button", name="Melding over Stille zaal gelezen").click()
    expect(page.get_by_role("heading", name="Ruimtes die stilstonden")).to_have_count(0)
    assert QuietRoomNotice.objects.get().seen_at is not None


def test_overlapping_waiting_requests_are_marked_and_the_accept_amount_follows_the_ticks(world, page, settings):
    from .factories import make_room, request_data

    settings.ROOMS_REQUEST_MIN_SECONDS = 0
    room = make_room(world.place)
    days = [next_weekday(1, weeks) for weeks in range(1, 5)]
    series = make_request(room, days)
    evening = make_request(room, [days[1]], starts=time(21), ends=time(23), email="ander@example.org")
    services.accept(make_request(room, [days[3]], starts=time(9), ends=time(10), email="derde@example.org"),
                    by=None)

    # A resident's season hits the accepted morning: offered to send without it, at the lower price.
    data = request_data(room, days[0], starts="09:00", ends="12:00", series=True, last=days[3])
    page.goto("/kaart/plek/RAA-001/ruimtes/")
    page.locator("#id_date").fill(data["date"])
    page.locator("#id_starts").fill("09:00")
    page.locator("#id_ends").fill("12:00")
    page.locator("#id_series").check()
    page.locator("#id_last_date").fill(data["last_date"])
    page.locator("#id_tenant_kind").select_option(label="Bewonersinitiatief")
    page.locator("#id_purpose").fill("Taalcafé")
    page.locator("#id_people").fill("10")
    page.locator("#id_name").fill("Anja de Vries")
    page.locator("#id_email").fill("anja@example.org")
    page.get_by_role("button", name="Prijs berekenen").click()
    page.get_by_label("Verstuur zonder de datums die al bezet zijn").check()
    assert_accessible(page, "ruimtes-openbaar-bezet")
    page.get_by_role("button", name="Prijs berekenen").click()
    expect(page.get_by_text("Totaal voor 3 data: € 90,00")).to_be_visible()

    # The board sees the two waiting requests that overlap, and the amount the accept button accepts.
    login(page, "board.member@test.example")
    page.goto("/plekken/boekingsaanvragen/")
    expect(page.get_by_role("link", name=f"overlapt met aanvraag {evening.pk}")).to_be_visible()
    assert_accessible(page, "boekingsaanvragen-overlap")
    page.goto(f"/plekken/RAA-001/ruimtes/aanvragen/{series.pk}/")
    expect(page.get_by_role("link", name=f"overlapt met aanvraag {evening.pk}")).to_be_visible()
    assert_accessible(page, "boekingsaanvraag-overlap")
    button = page.get_by_role("button", name=re.compile("^Accepteren"))
    expect(button).to_have_text("Accepteren (behalve de aangevinkte data): 4 data, € 120,00")
    page.locator("input[name=skip]").nth(1).check()
    expect(button).to_have_text("Accepteren (behalve de aangevinkte data): 3 data, € 90,00")
    button.click()
    expect(page.get_by_text("Geaccepteerd; de aanvrager krijgt een bevestiging")).to_be_visible()
    series.refresh_from_db()
    assert series.status == RequestStatus.PARTLY and series.total == 90
