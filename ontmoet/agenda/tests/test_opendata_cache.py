"""The open-data downloads are kept per content stamp and path: a query string does not make a visitor rebuild a
file that takes seconds, and every change of what a file shows (a place, an activity, a room's rate) does."""

import pytest

from ontmoet.agenda import privacy as agenda_privacy
from ontmoet.agenda import services
from ontmoet.rooms.tests.factories import make_room

from .factories import make_activity

pytestmark = pytest.mark.django_db

ACTIVITIES = "/kaart/open-data/activiteiten.json"


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_activities_file_is_kept_whatever_the_query_until_an_activity_changes(world, client):
    activity = make_activity(world.place, title="Koffieochtend", contact_email="truus@example.org")
    first = client.get(ACTIVITIES)
    again = client.get(ACTIVITIES + "?x=1")  # another query string: the same file, not a rebuild
    assert (first["X-Cache"], again["X-Cache"]) == ("miss", "hit")
    assert _body(first) == _body(again) and b"Koffieochtend" in _body(again)
    assert again["Link"].endswith('rel="license"')  # the licence headers are kept with it

    activity.title = "Koffie en krant"
    services.save_activity(activity, [])
    changed = client.get(ACTIVITIES + "?x=2")
    assert changed["X-Cache"] == "miss" and b"Koffie en krant" in _body(changed)

    assert client.get(ACTIVITIES)["X-Cache"] == "hit"
    agenda_privacy.erase("truus@example.org")  # an erased contact leaves the kept file at once
    erased = client.get(ACTIVITIES)
    assert erased["X-Cache"] == "miss" and b"truus@example.org" not in _body(erased)


def test_a_streamed_csv_is_kept_whole_after_the_first_download(world, client):
    make_activity(world.place, title="Koersbal")
    first = client.get("/kaart/open-data/activiteiten.csv")
    second = client.get("/kaart/open-data/activiteiten.csv?pagina=9")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert _body(first) == second.content and b"Koersbal" in second.content


def test_a_rooms_file_follows_a_changed_rate(world, client):
    room = make_room(world.place)
    assert client.get("/kaart/open-data/ruimtes.json")["X-Cache"] == "miss"
    assert client.get("/kaart/open-data/ruimtes.json")["X-Cache"] == "hit"
    rate = room.rates.first()
    rate.amount = 99
    rate.save()
    changed = client.get("/kaart/open-data/ruimtes.json")
    assert changed["X-Cache"] == "miss" and b"99" in _body(changed)


def test_someone_logged_in_gets_the_file_made_for_them(world, client_for):
    make_activity(world.place, title="Koffieochtend")
    client = client_for(world.users["board_member"])
    responses = [client.get(ACTIVITIES) for _ in range(2)]
    assert all(response.status_code == 200 and not response.has_header("X-Cache") for response in responses)
