"""Schemathesis over the public API, against the WSGI app: no server errors, no response outside the schema.

Runs on whichever database the suite uses (SQLite or PostgreSQL), with the committed schema file.
"""

from pathlib import Path

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi import checks as openapi_checks

from ontmoet.core.testing.api_schema import examples
from ontmoet.wsgi import application

OPENAPI_FILE = Path(__file__).resolve().parents[3] / "docs" / "openapi.yaml"
schema = schemathesis.openapi.from_dict(yaml.safe_load(OPENAPI_FILE.read_text()))
schema.app = application
public = schema.include(path_regex=r"^/api/v1/(plekken|gemeenten)/")

CHECKS = [
    schemathesis.checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance,
]


@pytest.fixture
def public_data(world):
    """Data for the API to return; the WSGI handler must not close the test's database connection."""
    from django.core import signals
    from django.db import close_old_connections

    world.place.opening_hours = {"di": ["19:00-23:00"]}
    world.place.save()
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield world
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@public.parametrize()
@settings(max_examples=examples(25), deadline=None, suppress_health_check=list(HealthCheck))
def test_public_api(case, public_data):
    case.call_and_validate(checks=CHECKS)
