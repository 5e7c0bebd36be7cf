"""The API counts requests per visitor (the keyed address, through the configured proxies) and per logged-in user,
and answers too many with a Dutch 429 and Retry-After. Uses the cache: CI runs it again on Redis (ADR 0016)."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.shared_cache]

PUBLIC = "/api/v1/vacatures/"


def test_an_anonymous_visitor_is_throttled_by_address_with_a_dutch_429(client, world, settings):
    settings.ONTMOET_API_THROTTLE_RATES = {"anon": "3/min", "user": None}
    assert [client.get(PUBLIC).status_code for _ in range(3)] == [200, 200, 200]
    blocked = client.get(PUBLIC)
    assert blocked.status_code == 429 and 0 < int(blocked["Retry-After"]) <= 60
    assert blocked.json()["detail"].startswith("Te veel verzoeken: probeer het over ")
    assert client.get(PUBLIC, REMOTE_ADDR="10.0.0.9").status_code == 200  # another visitor has their own count


def test_behind_a_proxy_each_forwarded_address_has_its_own_count(client, world, settings):
    settings.ONTMOET_PROXY_COUNT = 1
    settings.ONTMOET_API_THROTTLE_RATES = {"anon": "2/min", "user": None}

    def get(address):
        return client.get(PUBLIC, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.50, {address}").status_code

    assert [get("198.51.100.1") for _ in range(3)] == [200, 200, 429]
    assert get("198.51.100.2") == 200  # the same proxy, another visitor; the spoofed left entry counts for nothing


def test_a_logged_in_user_is_counted_by_user_at_its_own_rate(client_for, world, settings):
    settings.ONTMOET_API_THROTTLE_RATES = {"anon": "1/min", "user": "2/min"}
    board = client_for(world.users["board_member"])
    url = "/api/v1/beheer/plekken/RAA-001/vacatures/"
    assert [board.get(url).status_code for _ in range(3)] == [200, 200, 429]


def test_every_operation_documents_the_429(settings):
    from pathlib import Path

    import yaml

    schema = yaml.safe_load((Path(__file__).resolve().parents[3] / "docs" / "openapi.yaml").read_text())
    methods = {"get", "put", "post", "patch", "delete"}
    missing = [f"{method} {path}" for path, operations in schema["paths"].items()
               for method, operation in operations.items() if method in methods and "429" not in operation["responses"]]
    assert missing == [] and "Retry-After" in schema["components"]["responses"]["TooManyRequests"]["headers"]


def test_without_a_rate_nothing_is_throttled(client, world, settings):
    settings.ONTMOET_API_THROTTLE_RATES = {"anon": "", "user": None}  # an empty environment variable
    assert {client.get(PUBLIC).status_code for _ in range(30)} == {200}
