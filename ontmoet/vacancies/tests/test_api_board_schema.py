"""Schemathesis over the vacancies' management API, as the place's board (core.testing.api_schema)."""

import pytest
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from ontmoet.core.testing.api_schema import call_as, examples, keep_connection, management_schema

from .factories import make_response, make_vacancy

schema = management_schema(r"^/api/v1/beheer/plekken/\{code\}/vacatures/")


@pytest.fixture
def board(world):
    vacancy = make_vacancy(world.place)
    response = make_response(vacancy)
    undo = keep_connection()
    yield (Token.objects.create(user=world.users["board_member"]).key,
           {"code": world.place.code, "id": vacancy.pk, "rpk": response.pk})
    undo()


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=examples(15), deadline=None, suppress_health_check=list(HealthCheck))
def test_vacancies_management_api(case, board):
    call_as(case, *board)
