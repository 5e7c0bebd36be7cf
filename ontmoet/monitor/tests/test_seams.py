"""What other modules read from the monitor: a municipality's policy status and a place's answers."""

import datetime

import pytest
from django.urls import reverse

from ontmoet.accounts.scoping import get_scope
from ontmoet.monitor import network, selectors, services
from ontmoet.monitor.models import Invitation, RespondentKind

from .factories import make_wave

pytestmark = pytest.mark.django_db

MUNICIPALITY_ANSWERS = {"visie": "integraal", "financiele_steun": ["exploitatie", "onderhoud"],
                        "andere_steun": ["netwerk"], "in_beeld": "meeste", "aantal_plekken": 12,
                        "contactmoment": "ja", "contactmoment_frequentie": "jaarlijks"}
PLACE_ANSWERS = {"soort": "dorpshuis", "rechtsvorm": "stichting", "bemensing": "vrijwilligers",
                 "vrijwilligers": 35, "activiteiten": ["bingo", "koffie"], "betekenis": "Het hart van Heeten."}


def _municipality_wave(province, year, **extra):
    return make_wave(province, RespondentKind.MUNICIPALITY, year=year,
                     opens_on=datetime.date(year, 3, 1), closes_on=datetime.date(year, 4, 1), **extra)


def _place_wave(world, year):
    from ontmoet.places.models import Place

    return make_wave(world.overijssel, RespondentKind.PLACE, year=year, opens_on=datetime.date(year, 3, 1),
                     closes_on=datetime.date(year, 4, 1), population=Place.objects.filter(pk=world.place.pk))


def _invitation(wave, **lookup):
    return Invitation.objects.get(wave=wave, **lookup)


# --- network: policy status ----------------------------------------------------------------------
def test_no_policy_status_without_a_complete_response(world):
    wave = _municipality_wave(world.overijssel, 2024)
    assert network.policy_status(world.raalte) is None
    services.save_draft(_invitation(wave, municipality=world.raalte, place__isnull=True), MUNICIPALITY_ANSWERS)
    assert network.policy_status(world.raalte) is None  # a draft is not the municipality's answer yet


def test_policy_status_from_the_latest_completed_wave_with_dutch_labels(world):
    older, newer = _municipality_wave(world.overijssel, 2024), _municipality_wave(world.overijssel, 2025)
    services.submit(_invitation(older, municipality=world.raalte), {"visie": "geen", "contactmoment": "nee"})
    assert network.policy_status(world.raalte) == {
        "wave": "Monitor 2024", "vision": "Geen visie of beleid", "support": "", "joint_contact_moment": False}
    services.submit(_invitation(newer, municipality=world.raalte), MUNICIPALITY_ANSWERS)
    status = network.policy_status(world.raalte)
    assert status == {
        "wave": "Monitor 2025", "vision": "Opgenomen in een integrale visie",
        "support": "Financieel: Beheer of exploitatie van de gebouwen, Onderhoud, verduurzaming en energiekosten; "
                   "Anders: Netwerkbijeenkomsten",
        "joint_contact_moment": True}
    assert network.policy_status(world.zwolle) is None  # another municipality's answers are not Zwolle's


def test_municipality_page_shows_the_policy_status(world, client_for):
    wave = _municipality_wave(world.overijssel, 2025)
    services.submit(_invitation(wave, municipality=world.raalte), MUNICIPALITY_ANSWERS)
    for user in ("province_staff", "municipal_officer"):
        page = client_for(world.users[user]).get(f"/netwerk/gemeenten/{world.raalte.code}/").content.decode()
        assert "Monitor 2025" in page and "Opgenomen in een integrale visie" in page
        assert "Netwerkbijeenkomsten" in page and "nog geen gemeentemonitor" not in page
    other = client_for(world.users["province_staff"]).get(f"/netwerk/gemeenten/{world.zwolle.code}/")
    assert "nog geen gemeentemonitor volledig ingevuld" in other.content.decode()


# --- grants: a place's answers -------------------------------------------------------------------
def test_answers_for_place_per_wave_newest_first_as_text(world):
    older, newer = _place_wave(world, 2024), _place_wave(world, 2025)
    services.submit(_invitation(older, place=world.place), {**PLACE_ANSWERS, "vrijwilligers": 20})
    services.submit(_invitation(newer, place=world.place), PLACE_ANSWERS)
    entries = selectors.answers_for_place(world.place)
    assert [entry["wave"] for entry in entries] == [newer, older]
    assert [entry["title"] for entry in entries] == ["Monitor 2025", "Monitor 2024"]
    answers = dict(entries[0]["answers"])
    assert answers["Hoe omschrijft u de ontmoetingsplek?"] == "Dorpshuis"
    assert answers["Welke activiteiten vinden plaats?"] == "Bingo, Koffiemomenten"
    assert answers["Hoeveel vrijwilligers zijn er actief?"] == "35"
    assert answers["Wat betekent de plek voor de buurt of het dorp?"] == "Het hart van Heeten."
    assert dict(entries[1]["answers"])["Hoeveel vrijwilligers zijn er actief?"] == "20"
    assert selectors.answers_for_place(world.zwolle_place) == []


def test_answers_for_place_only_complete_and_only_for_the_waves_managers(world):
    wave = _place_wave(world, 2025)
    invitation = _invitation(wave, place=world.place)
    services.save_draft(invitation, PLACE_ANSWERS)
    assert selectors.answers_for_place(world.place) == []
    services.submit(invitation, PLACE_ANSWERS)
    assert len(selectors.answers_for_place(world.place, get_scope(world.users["province_staff"]))) == 1
    for user in ("other_province_staff", "municipal_officer", "board_member"):
        assert selectors.answers_for_place(world.place, get_scope(world.users[user])) == []


def test_grants_review_page_shows_the_answers_to_province_staff_only(world, client_for):
    from ontmoet.grants.tests.factories import world_submitted

    application = world_submitted(world)
    url = reverse("grants:application_detail", args=[application.pk])
    page = client_for(world.users["province_staff"]).get(url).content.decode()
    assert "Deze plek heeft de monitor nog niet ingevuld." in page
    services.submit(_invitation(_place_wave(world, 2025), place=world.place), PLACE_ANSWERS)
    page = client_for(world.users["province_staff"]).get(url).content.decode()
    assert "Monitor 2025, ingevuld op" in page and "Monitor 2025 2025" not in page
    assert "Hoe omschrijft u de ontmoetingsplek?" in page and "Het hart van Heeten." in page
    officer = client_for(world.users["municipal_officer"]).get(url).content.decode()
    assert "Het hart van Heeten." not in officer and "ziet alleen de provincie" in officer
