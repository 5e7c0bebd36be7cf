"""The overview's work queue: what waits for each role, across modules, each count a link to exactly those
items (the count on the overview equals the rows on the linked list)."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ontmoet.grants import services as grants
from ontmoet.grants.models import HourEntry
from ontmoet.grants.tests.factories import RoundFactory, submitted, world_award, world_entry
from ontmoet.grants.workflows import ApplicationStatus, EntryStatus
from ontmoet.helpdesk import services as helpdesk
from ontmoet.helpdesk.models import Question, Status
from ontmoet.helpdesk.selectors import HANDLER
from ontmoet.helpdesk.tests.factories import ExpertFactory, make_question, world_expert
from ontmoet.monitor import services as monitor
from ontmoet.monitor.models import CallOutcome
from ontmoet.monitor.tests.factories import make_wave
from ontmoet.places.tests.factories import PlaceFactory

QUEUE = re.compile(r'<section class="ontmoet-work-queue".*?</section>', re.S)
ITEM = re.compile(r'<a class="utrecht-link" href="([^"]+)" data-count="(\d+)">([^<]+)</a>')
TBODY = re.compile(r"<tbody[^>]*>(.*?)</tbody>", re.S)


def _queue(client) -> dict[str, tuple[str, int]]:
    page = client.get("/overzicht/").content.decode()
    section = QUEUE.search(page).group(0)
    return {label.replace("&#x27;", "'"): (url.replace("&amp;", "&"), int(count))
            for url, count, label in ITEM.findall(section)}


def _rows(client, url) -> int:
    """The items on a linked page: table rows, the board's questionnaires to answer, or one place's page."""
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.content.decode()
    if url.startswith("/monitor/v/"):  # the one questionnaire waiting, opened straight away
        return page.count('name="action" value="submit"')
    if url.startswith("/monitor/mijn"):
        return len(re.findall(r"<li ", re.search(r'<ul [^>]*id="in-te-vullen">(.*?)</ul>', page, re.S).group(1)))
    if "toon=open" in url:  # the wave's page, with the places that have not answered on top
        page = re.search(r'<section aria-labelledby="kop-niet-geantwoord">.*?</section>', page, re.S).group(0)
    bodies = TBODY.findall(page)
    if not bodies:
        return 1 if re.fullmatch(r"/plekken/[A-Z]+-\d+/", url) else 0  # a board confirms on its place's page
    return sum(len(re.findall(r"<tr[ >]", body)) for body in bodies)


@pytest.fixture
def work(world):
    """Something in every queue: hours, applications, questions, call-backs, vettings, unconfirmed places."""
    staff, board = world.users["province_staff"], world.users["board_member"]
    award = world_award(world)
    world_entry(world)
    grants.log_hours(award.pk, grants.EntryData(date=award.awarded_on, volunteers=1, hours=Decimal("2"),
                                                activity=award.application.activities.first()), board)
    submitted(world.place, RoundFactory(name="Ronde te behandelen"), board)
    asked = submitted(world.place, RoundFactory(name="Ronde met vraag"), board)
    grants.decide(asked.pk, ApplicationStatus.IN_REVIEW, staff)
    grants.decide(asked.pk, ApplicationStatus.INFO_REQUESTED, staff, reason="Graag de begroting.")

    assigned = make_question(world, title="Lekkage boven de zaal")
    waiting = make_question(world, title="Vraag die op de plek wacht")
    helpdesk.transition(waiting, Status.IN_PROGRESS, staff, HANDLER)
    helpdesk.transition(waiting, Status.WAITING, staff, HANDLER, reason="Stuur een foto.")
    make_question(world, slug="verduurzaming", title="Nieuwe vraag zonder regel", assigned=False)
    Question.objects.filter(pk=assigned.pk).update(resolution_due=timezone.localdate() - timedelta(days=2))
    ExpertFactory(name="Bijna verlopen", vetted_until=timezone.localdate() + timedelta(days=10))
    world_expert(world)

    wave = make_wave(world.overijssel)
    invitation = wave.invitations.get(place=world.place)
    monitor.log_call(invitation, by=staff, outcome=CallOutcome.CALL_BACK, call_back_on=timezone.localdate())
    PlaceFactory(code="RAA-002", name="Dorpshuis Bevestigd", municipality=world.raalte,
                 last_verified_at=timezone.now())
    return world


@pytest.mark.django_db
@pytest.mark.parametrize("role, expected", [
    ("province_staff", ["urenboekingen te beoordelen", "aanvraag te behandelen", "nieuwe vraag te beoordelen",
                        "vraag over de termijn", "screening verloopt", "terugbelafspraak", "niet zijn bevestigd"]),
    ("municipal_officer", ["open vragen van plekken", "niet zijn bevestigd", "de monitor nog niet ingevuld"]),
    ("board_member", ["Bevestig de gegevens", "vragenlijst van de monitor", "aanvraag waarover de provincie",
                      "lopende toekenning", "vraag wacht op uw antwoord"]),
    ("expert", ["vragen aan u toegewezen"]),
])
def test_each_count_links_to_exactly_its_items(work, client_for, role, expected):
    client = client_for(work.users[role])
    queue = _queue(client)
    for text in expected:
        assert any(text in label for label in queue), (role, text, list(queue))
    for label, (url, count) in queue.items():
        assert count > 0 and str(count) in label or "Bevestig" in label, label
        assert _rows(client, url) == count, (role, label, url)


@pytest.mark.django_db
def test_an_empty_queue_says_so(world, client_for):
    page = client_for(world.users["initiator"]).get("/overzicht/").content.decode()
    assert "Er wacht nu niets op u." in QUEUE.search(page).group(0)


@pytest.mark.django_db
def test_hours_are_approved_and_rejected_in_place_across_awards(work, client_for):
    client = client_for(work.users["province_staff"])
    entries = list(HourEntry.objects.filter(status=EntryStatus.PENDING).order_by("pk"))
    back = "/sociale-hypotheek/uren/te-beoordelen/"
    response = client.post(f"/sociale-hypotheek/uren/{entries[0].pk}/beoordelen/",
                           {"decision": "approve", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    # A rejection needs a reason: refused without one, nothing changes, and the list says why.
    response = client.post(f"/sociale-hypotheek/uren/{entries[1].pk}/beoordelen/",
                           {"decision": "reject", "reason": "", "next": back}, follow=True)
    assert HourEntry.objects.get(pk=entries[1].pk).status == EntryStatus.PENDING
    assert response.redirect_chain[-1][0] == back and f'data-entry="{entries[1].pk}"' in response.content.decode()
    client.post(f"/sociale-hypotheek/uren/{entries[1].pk}/beoordelen/",
                {"decision": "reject", "reason": "Dubbel ingevoerd", "next": back})
    assert [e.status for e in HourEntry.objects.filter(pk__in=[e.pk for e in entries]).order_by("pk")] == [
        EntryStatus.APPROVED, EntryStatus.REJECTED]
    assert entries[1].history.last().reason == "Dubbel ingevoerd"  # through the workflow's history
    assert "urenboeking" not in " ".join(_queue(client))
    # Only a path on this site is followed back.
    entry = HourEntry.objects.create(award=entries[0].award, activity_title="x", date=entries[0].date, volunteers=1,
                                     hours=Decimal("1"), quarter=entries[0].quarter)
    response = client.post(f"/sociale-hypotheek/uren/{entry.pk}/beoordelen/",
                           {"decision": "approve", "next": "https://evil.example/"})
    assert response["Location"] == entries[0].award.get_absolute_url()


@pytest.mark.django_db
def test_other_roles_cannot_open_the_review_list(work, client_for):
    for role in ["municipal_officer", "board_member", "expert"]:
        assert client_for(work.users[role]).get("/sociale-hypotheek/uren/te-beoordelen/").status_code == 403
