from datetime import timedelta

import pytest

from ontmoet.rooms import services

from .factories import make_request, make_room, next_weekday

pytestmark = pytest.mark.django_db


def test_the_public_sees_only_busy_and_the_board_sees_who(client, client_for, world):
    room = make_room(world.place)
    day = next_weekday(1)
    services.accept(make_request(room, [day]), by=None)
    make_request(room, [day + timedelta(days=1)], email="wacht@example.org")
    week = f"?week={day:%Y-%m-%d}"

    public = client.get(f"/kaart/plek/RAA-001/ruimtes/{room.pk}/agenda/{week}").content.decode()
    assert "19:00–22:00 bezet" in public
    assert "Koor De Lijster" not in public and "Bewonersinitiatief (" not in public and "aanvraag:" not in public

    board = client_for(world.users["board_member"]).get(f"/plekken/RAA-001/ruimtes/{room.pk}/agenda/{week}")
    text = board.content.decode()
    assert "Bewonersinitiatief (Koor De Lijster)" in text and "aanvraag: Bewonersinitiatief" in text

    officer = client_for(world.users["municipal_officer"]).get(
        f"/plekken/RAA-001/ruimtes/{room.pk}/agenda/?maand={day:%Y-%m}").content.decode()
    assert "Bewonersinitiatief" in officer and "Koor De Lijster" not in officer
    assert [entries for found, entries in board.context["days"] if found == day][0][0].state == "geaccepteerd"
