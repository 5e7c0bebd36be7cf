"""The network's events are "Bijeenkomsten", so that they cannot be confused with the places' agenda ("Agenda",
"Wat is er te doen?"): in the menu, on the start page and on the events' pages, in Dutch and in English."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from ontmoet.network.models import Frequency
from ontmoet.network.services import digest

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _menu_labels(html) -> list[str]:
    """The links of the menus (main menu and its area's sub-menu), not the language switch."""
    navs = [nav for nav in re.findall(r"<nav [^>]*>.*?</nav>", html, re.S) if "ontmoet-language" not in nav]
    links = [label for nav in navs for label in re.findall(r"<a [^>]*>(.*?)</a>", nav, re.S)]
    return [re.sub(r"<[^>]+>", "", label).strip() for label in links]


def test_the_public_menu_and_start_page_tell_the_events_from_the_agenda(client, world):
    EventFactory(province=world.overijssel, title="Webinar exploitatie",
                 starts_at=timezone.now() + timedelta(days=5))
    home = client.get("/").content.decode()
    labels = _menu_labels(home)
    assert "Bijeenkomsten" in labels and "Activiteiten" not in labels
    agenda_labels = _menu_labels(client.get("/kaart/agenda/").content.decode())  # in the sociale kaart's area
    assert "Agenda" in agenda_labels and "Bijeenkomsten" in agenda_labels and "Activiteiten" not in agenda_labels
    assert "Bijeenkomsten van het netwerk" in home and "Alle bijeenkomsten" in home
    assert "Wat is er te doen?" in home  # the agenda's own panel
    events = client.get("/netwerk/activiteiten/").content.decode()
    assert '<h1 class="utrecht-heading-1">Bijeenkomsten</h1>' in events and "<title>Bijeenkomsten" in events


def test_in_english_the_events_are_events_and_the_agenda_stays_the_agenda(client, world):
    client.get("/taal/en/")
    labels = _menu_labels(client.get("/").content.decode())
    assert "Events" in labels and "Activities" not in labels
    assert '<h1 class="utrecht-heading-1">Events</h1>' in client.get("/netwerk/activiteiten/").content.decode()


def test_the_mails_and_messages_about_an_event_call_it_a_bijeenkomst(world, client_for):
    event = EventFactory(title="Webinar exploitatie", audience="besturen", capacity=10,
                         starts_at=timezone.now() + timedelta(days=5))
    client = client_for(world.users["board_member"])
    client.post(f"/netwerk/activiteiten/{event.pk}/aanmelden/")
    registered = mail.outbox[-1]
    words = re.sub(r"https?://\S+", "", registered.body)  # the event's address keeps its old path
    assert "om de bijeenkomst in uw agenda te zetten" in words and "activiteit" not in words
    assert registered.attachments[0][0] == "bijeenkomst.ics"
    again = client.post(f"/netwerk/activiteiten/{event.pk}/aanmelden/", follow=True).content.decode()
    assert "U bent al aangemeld voor deze bijeenkomst." in again

    feed = client.get("/netwerk/activiteiten/agenda.ics")
    assert feed["Content-Disposition"] == 'inline; filename="ontmoet-bijeenkomsten.ics"'
    assert "Ontmoet – bijeenkomsten" in feed.content.decode()

    mail.outbox.clear()
    digest.execute_run(digest.start_run(Frequency.MONTHLY))
    body = next(m.body for m in mail.outbox if m.to == ["board.member@test.example"])
    assert "BIJEENKOMSTEN IN UW GEBIED" in body and "ACTIVITEITEN" not in body

    with translation.override("en"):  # the English catalogue follows the new Dutch source
        assert translation.gettext("U bent al aangemeld voor deze bijeenkomst.") == \
            "You are already registered for this event."
        assert translation.gettext("BIJEENKOMSTEN IN UW GEBIED") == "EVENTS IN YOUR AREA"
