"""The overview's work queue: what waits for each role, across modules, each count a link to exactly those
items (the count on the overview equals the rows on the linked list)."""

import re
from decimal import Decimal

import pytest

from ontmoet.grants.models import HourEntry
from ontmoet.grants.workflows import EntryStatus

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
