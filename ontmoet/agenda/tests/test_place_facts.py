"""A place's facts row "Activiteiten" names what its agenda holds, next to what the register ticks, on the public
place page and in the register (core.panels.place_activity_kind_ids: places does not import the agenda)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from .factories import kind, make_activity

pytestmark = pytest.mark.django_db


def _facts_row(html) -> str:
    return html.split("<dt>Activiteiten</dt>", 1)[1].split("</dd>", 1)[0].removeprefix("<dd>")


def test_the_public_place_page_names_the_kinds_of_its_activities(client, world):
    url = f"/kaart/plek/{world.place.code}/"
    world.place.activities.clear()
    assert _facts_row(client.get(url).content.decode()) == "–"
    make_activity(world.place, kind=kind("koersbal"))
    assert _facts_row(client.get(url).content.decode()) == "Koersbal"
    # With the register's own list, each kind once, in the vocabulary's order.
    world.place.activities.set([kind("biljarten"), kind("koersbal")])
    assert _facts_row(client.get(url).content.decode()) == "Biljarten, Koersbal"


def test_an_activity_hidden_from_the_public_is_named_only_in_the_register(client_for, world):
    world.place.activities.clear()
    make_activity(world.place, kind=kind("koor"), confirmed_at=timezone.now() - timedelta(days=400))
    make_activity(world.place, title="Oud", kind=kind("eetcafe"), starts_on=timezone.localdate() - timedelta(days=30),
                  ends_on=timezone.localdate() - timedelta(days=2))
    public = client_for(None).get(f"/kaart/plek/{world.place.code}/").content.decode()
    assert _facts_row(public) == "–"
    board = client_for(world.users["board_member"]).get(f"/plekken/{world.place.code}/").content.decode()
    assert _facts_row(board) == "Koor"  # not the one that has ended
