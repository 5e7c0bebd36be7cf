"""The open-data files of the agenda and the rooms are stored (core.opendata_store) and follow every change of
what they show: a query string does not make a rebuild, a changed activity or rate does, and erasing a contact
person's data removes the stored files that held it at once."""

import pytest
from django.core.files.storage import default_storage

from ontmoet.agenda import privacy as agenda_privacy
from ontmoet.agenda import services
from ontmoet.core.models import OpenDataFile
from ontmoet.rooms.tests.factories import make_room

from .factories import make_activity

pytestmark = [pytest.mark.django_db, pytest.mark.storage]

ACTIVITIES = "/kaart/open-data/activiteiten.json"


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _stored(name="activiteiten.json") -> str:
    return OpenDataFile.objects.get(name=name).stored_name


def test_an_activities_file_is_kept_whatever_the_query_until_an_activity_changes(world, client):
    activity = make_activity(world.place, title="Koffieochtend", contact_email="truus@example.org")
    first = _body(client.get(ACTIVITIES))
    kept = _stored()
    again = client.get(ACTIVITIES + "?x=1")  # another query string: the same file, not a rebuild
    body = _body(again)
    assert _stored() == kept and body == first and b"Koffieochtend" in body
    assert again["Link"].endswith('rel="license"')

    activity.title = "Koffie en krant"
    services.save_activity(activity, [])
    changed = client.get(ACTIVITIES + "?x=2")
    assert _stored() != kept and b"Koffie en krant" in _body(changed)
    assert not default_storage.exists(kept)  # the old object is removed after the swap


def test_erasing_a_contact_removes_the_stored_files_that_held_it_at_once(world, client, settings):
    make_activity(world.place, title="Koffieochtend", contact_email="truus@example.org")
    assert b"truus@example.org" in _body(client.get(ACTIVITIES))
    assert b"truus@example.org" in _body(client.get("/kaart/open-data/activiteiten.csv"))
    held = [_stored(), _stored("activiteiten.csv")]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # a worker yet to run
    agenda_privacy.erase("truus@example.org")
    assert not any(default_storage.exists(name) for name in held)
    waiting = client.get(ACTIVITIES)
    assert waiting.status_code == 503 and b"truus" not in waiting.content


def test_a_rooms_file_follows_a_changed_rate(world, client):
    room = make_room(world.place)
    assert client.get("/kaart/open-data/ruimtes.json").status_code == 200
    kept = _stored("ruimtes.json")
    rate = room.rates.first()
    rate.amount = 99
    rate.save()
    changed = client.get("/kaart/open-data/ruimtes.json")
    assert _stored("ruimtes.json") != kept and b"99" in _body(changed)


def test_someone_logged_in_gets_the_same_stored_file(world, client, client_for):
    make_activity(world.place, title="Koffieochtend")
    anonymous = _body(client.get(ACTIVITIES))
    board = client_for(world.users["board_member"]).get(ACTIVITIES)
    assert board.status_code == 200 and _body(board) == anonymous
