"""Schemathesis over the rooms' management API, as the place's board (core.testing.api_schema)."""

import pytest
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from ontmoet.core.testing.api_schema import call_as, examples, keep_connection, management_schema

from .factories import make_request, make_room

schema = management_schema(r"^/api/v1/beheer/plekken/\{code\}/(ruimtes|boekingsaanvragen)/")


@pytest.fixture
def board(world):
    room = make_room(world.place)
    booking_request = make_request(room)
    undo = keep_connection()
    yield Token.objects.create(user=world.users["board_member"]).key, {"code": world.place.code, "id": None}, \
        {"ruimtes": room.pk, "boekingsaanvragen": booking_request.pk}
    undo()


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=examples(15), deadline=None, suppress_health_check=list(HealthCheck))
def test_rooms_management_api(case, board):
    token, values, ids = board
    kind = "ruimtes" if "/ruimtes/" in case.path else "boekingsaanvragen"
    call_as(case, token, {**values, "id": ids[kind]})
