"""The confirmation of a season request sent without the dates already taken names those dates, in Dutch."""

from datetime import timedelta

import pytest
from django.core import mail

from ontmoet.rooms import services

from .factories import make_request, make_room, next_weekday, request_data

pytestmark = pytest.mark.django_db

URL = "/kaart/plek/RAA-001/ruimtes/"
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
LEFT_OUT = "Niet aangevraagd, omdat de ruimte dan al bezet is:"


def _dutch(day) -> str:
    return f"dinsdag {day.day} {MONTHS[day.month - 1]} {day.year}"


def _confirmation() -> list[str]:
    return next(m for m in mail.outbox if m.to == ["jan@example.org"]).body.splitlines()


def test_the_confirmation_of_a_series_lists_the_dates_left_out(client, world):
    room = make_room(world.place)
    first = next_weekday(1)
    taken = [first + timedelta(weeks=1), first + timedelta(weeks=3)]
    for day in reversed(taken):
        services.accept(make_request(room, [day], email="ander@example.org"), by=None)
    mail.outbox.clear()
    data = request_data(room, first, series=True, last=first + timedelta(weeks=4), skip_taken="on")
    assert client.post(URL, data).status_code == 302
    lines = _confirmation()
    start = lines.index(LEFT_OUT)
    assert lines[start + 1:start + 3] == [f"- {_dutch(taken[0])}", f"- {_dutch(taken[1])}"]
    # The requested dates above it, the left-out ones not among them.
    requested = [line for line in lines[:start] if line.startswith("- ")]
    assert len(requested) == 3 and requested[0].startswith(f"- {_dutch(first)}, 19:00")
    assert not any(_dutch(day) in line for day in taken for line in requested)


def test_a_request_with_every_date_free_says_nothing_left_out(client, world):
    room = make_room(world.place)
    first = next_weekday(1)
    assert client.post(URL, request_data(room, first, series=True, last=first + timedelta(weeks=2))).status_code == 302
    assert LEFT_OUT not in _confirmation()
