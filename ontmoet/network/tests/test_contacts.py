"""Contacts with municipalities: the aanspreekpunt, the contact log, reminders and the province overview."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ontmoet.network.models import ContactMoment
from ontmoet.network.services import contacts as services

pytestmark = pytest.mark.django_db


def test_province_logs_a_visit_and_sees_it_on_the_overview(world, client_for):
    client = client_for(world.users["province_staff"])
    today = timezone.localdate()
    response = client.post("/netwerk/gemeenten/GM0177/contactmoment/", {
        "kind": "werkdag", "date": today.isoformat(), "with_whom": "Beleidsadviseur sociaal domein",
        "notes": "Werkdag op het gemeentehuis.", "follow_up_on": (today + timedelta(days=30)).isoformat()})
    assert response.status_code == 302
    moment = ContactMoment.objects.get()
    assert moment.recorded_by == world.users["province_staff"] and moment.municipality == world.raalte
    page = client.get("/netwerk/gemeenten/").content.decode()
    assert "Raalte" in page and "0 dagen geleden" in page
    assert "Apeldoorn" not in page  # another province
    assert 'alt="Aantal gemeenten per tijd sinds het laatste contact' in page


@pytest.mark.parametrize("field, value, message", [
    ("date", (date.today() + timedelta(days=3)).isoformat(), "kies vandaag of eerder"),
    ("follow_up_on", "2020-01-01", "De opvolgdatum ligt vóór"),
])
def test_bad_contact_moment_is_refused(world, client_for, field, value, message):
    data = {"kind": "bezoek", "date": "2026-01-10", "with_whom": "Wethouder", "notes": "", "follow_up_on": ""}
    data[field] = value
    response = client_for(world.users["province_staff"]).post("/netwerk/gemeenten/GM0177/contactmoment/", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not ContactMoment.objects.exists()


def test_municipal_officer_sees_aanspreekpunt_but_not_the_provinces_log(world, client_for):
    services.set_aanspreekpunt(world.raalte, world.users["province_staff"], "038 123 45 67")
    ContactMoment.objects.create(municipality=world.raalte, kind="bezoek", date=date(2026, 1, 5),
                                 with_whom="Wethouder", notes="Vertrouwelijke notitie")
    page = client_for(world.users["municipal_officer"]).get("/netwerk/gemeenten/GM0177/").content.decode()
    assert "province.staff@test.example" in page and "038 123 45 67" in page
    assert "Vertrouwelijke notitie" not in page
    assert "nog geen gemeentemonitor" in page  # the monitor seam: nothing made up
    assert client_for(world.users["other_municipal_officer"]).get("/netwerk/gemeenten/GM0177/").status_code == 404


def test_board_member_sees_aanspreekpunt_on_the_dashboard(world, client_for):
    services.set_aanspreekpunt(world.raalte, world.users["province_staff"], note="Bereikbaar op maandag")
    page = client_for(world.users["board_member"]).get("/overzicht/").content.decode()
    assert "Uw aanspreekpunt bij de provincie" in page and "Bereikbaar op maandag" in page
    other = client_for(world.users["other_board_member"]).get("/overzicht/").content.decode()
    assert "Bereikbaar op maandag" not in other


def test_aanspreekpunt_must_be_province_staff_of_that_province(world, client_for):
    client = client_for(world.users["province_staff"])
    response = client.post("/netwerk/gemeenten/GM0177/aanspreekpunt/",
                           {"officer": world.users["other_province_staff"].pk, "phone": "", "note": ""})
    assert response.status_code == 400
    client.post("/netwerk/gemeenten/GM0177/aanspreekpunt/",
                {"officer": world.users["province_admin"].pk, "phone": "", "note": ""})
    assert world.raalte.aanspreekpunt.officer == world.users["province_admin"]


def test_municipal_contact_needs_a_way_to_reach_them(world, client_for):
    client = client_for(world.users["municipal_officer"])
    response = client.post("/netwerk/gemeenten/GM0177/contactpersoon/", {"name": "Els", "function": "", "email": "",
                                                                          "phone": ""})
    assert "Vul een e-mailadres of telefoonnummer in" in response.content.decode()
    client.post("/netwerk/gemeenten/GM0177/contactpersoon/", {"name": "Els", "function": "Beleid",
                                                              "email": "els@raalte.example", "phone": ""})
    assert "els@raalte.example" in client.get("/netwerk/gemeenten/GM0177/").content.decode()


def test_follow_up_reminders_are_sent_once(world):
    ContactMoment.objects.create(municipality=world.raalte, kind="overleg", date=date(2026, 1, 5),
                                 with_whom="Wethouder", follow_up_on=timezone.localdate(),
                                 recorded_by=world.users["province_staff"])
    ContactMoment.objects.create(municipality=world.raalte, kind="overleg", date=date(2026, 1, 5), with_whom="X",
                                 follow_up_on=timezone.localdate() + timedelta(days=5),
                                 recorded_by=world.users["province_staff"])
    assert services.send_follow_up_reminders() == 1
    assert services.send_follow_up_reminders() == 0
    assert mail.outbox[0].to == ["province.staff@test.example"] and "Raalte" in mail.outbox[0].subject


def test_out_of_scope_posts_change_nothing(world, client_for):
    from ontmoet.network.models import MunicipalContact

    contact = MunicipalContact.objects.create(municipality=world.raalte, name="Els", email="els@raalte.example")
    assert client_for(world.users["other_municipal_officer"]).post(
        f"/netwerk/contactpersonen/{contact.pk}/verwijderen/").status_code == 404
    assert MunicipalContact.objects.filter(pk=contact.pk).exists()
    response = client_for(world.users["other_province_staff"]).post("/netwerk/gemeenten/GM0177/contactmoment/", {
        "kind": "bezoek", "date": "2026-01-05", "with_whom": "x"})
    assert response.status_code == 404 and not ContactMoment.objects.exists()


def test_contact_moments_export_stays_in_the_province(world, client_for):
    import io

    from openpyxl import load_workbook

    ContactMoment.objects.create(municipality=world.raalte, kind="bezoek", date=date(2026, 1, 5), with_whom="A")
    ContactMoment.objects.create(municipality=world.apeldoorn, kind="bezoek", date=date(2026, 1, 5), with_whom="B")
    response = client_for(world.users["province_staff"]).get("/netwerk/gemeenten/contactmomenten.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert [row[0] for row in rows[1:]] == ["Raalte"]


def test_every_place_page_shows_the_aanspreekpunt(world, client_for):
    officer = world.users["province_staff"]
    officer.first_name, officer.last_name = "Anna", "Aanspreek"
    officer.save()
    services.set_aanspreekpunt(world.raalte, officer, phone="038 499 0000")
    page = client_for(world.users["board_member"]).get(f"/plekken/{world.place.code}/").content.decode()
    assert "Aanspreekpunt bij de provincie" in page
    assert "Anna Aanspreek" in page and "038 499 0000" in page and "mailto:province.staff@test.example" in page
    assert "Contactpersonen van de gemeente" not in page  # that page is for officers only
    officer_page = client_for(world.users["municipal_officer"]).get(f"/plekken/{world.place.code}/").content.decode()
    assert "Contactpersonen van de gemeente Raalte" in officer_page


def test_a_place_without_aanspreekpunt_says_so(world, client_for):
    page = client_for(world.users["board_member"]).get(f"/plekken/{world.place.code}/").content.decode()
    assert "nog geen aanspreekpunt bij de provincie vastgelegd" in page
