"""The network's events are "Bijeenkomsten", so that they cannot be confused with the places' agenda ("Agenda",
"Wat is er te doen?"): in the menu, on the start page and on the events' pages, in Dutch and in English."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

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
