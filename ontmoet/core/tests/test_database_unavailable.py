"""A busy or absent database: a Dutch 503 page instead of the generic 500, and a not-ready health check."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper

pytestmark = pytest.mark.django_db

LOCKED = OperationalError("database is locked")
GONE = OperationalError('connection to server at "db" (10.0.0.5), port 5432 failed: Connection refused')


def failing_cursor(error):
    return mock.patch.object(CursorWrapper, "execute", side_effect=error)


@pytest.mark.parametrize("error", [LOCKED, GONE, InterfaceError("connection already closed")])
def test_a_page_when_the_database_is_busy_or_gone_says_try_again_in_a_minute(world, client_for, error):
    client = client_for(world.users["board_member"])
    client.raise_request_exception = False
    with failing_cursor(error):
        response = client.get("/meldpunt/vragen/")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    body = response.content.decode()
    assert "Probeer het over een minuut opnieuw" in body and "terugknop" in body


def test_a_post_when_the_database_is_locked_gets_the_503_page(world, client_for):
    client = client_for(world.users["board_member"])
    client.raise_request_exception = False
    with failing_cursor(LOCKED):
        response = client.post("/meldpunt/vragen/nieuw/", {"title": "Lekkage in het dak"})
    assert response.status_code == 503


def test_a_mistake_in_a_query_stays_a_server_error(world, client):
    client.raise_request_exception = False
    with failing_cursor(OperationalError("LIKE or GLOB pattern too complex")):
        response = client.get("/meldpunt/kennisbank/", {"q": "dak"})
    assert response.status_code == 500


def test_health_is_ok_when_the_database_can_be_written(client):
    from ontmoet.core.models import FormSubmission

    response = client.get("/gezondheid/")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert not FormSubmission.objects.exists()  # the probe's row was rolled back


def test_health_is_not_ready_when_the_database_cannot_be_written(client):
    def refuse_writes(self, sql, params=None):
        if sql.lstrip().upper().startswith("INSERT"):
            raise OperationalError("attempt to write a readonly database")
        return original(self, sql, params)

    original = CursorWrapper.execute
    with mock.patch.object(CursorWrapper, "execute", refuse_writes):
        response = client.get("/gezondheid/")
    assert response.status_code == 503 and response.json() == {"status": "database-unavailable"}


def test_health_is_not_ready_when_the_database_is_gone(client):
    with failing_cursor(GONE):
        response = client.get("/gezondheid/")
    assert response.status_code == 503
