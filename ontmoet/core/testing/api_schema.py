"""Schemathesis over the management API as a logged-in board member, with the committed schema file.

The public run (directory, vacancies) is anonymous; here each app's management endpoints are called with
a token and with the place (and object) the fixture made, so generated bodies reach the forms and
services instead of stopping at a 404. No server error, no status or body outside the schema.

It also holds the suite's Hypothesis profiles (ADR 0018): `ONTMOET_HYPOTHESIS_PROFILE=postgresql` (CI's second
run) caps every property and schema test at a few examples, since the full count already ran on SQLite.
"""

import os
from pathlib import Path

import hypothesis
import schemathesis
import yaml
from schemathesis.specs.openapi import checks as openapi_checks

OPENAPI_FILE = Path(__file__).resolve().parents[3] / "docs" / "openapi.yaml"
CHECKS = [schemathesis.checks.not_a_server_error, openapi_checks.status_code_conformance,
          openapi_checks.content_type_conformance, openapi_checks.response_schema_conformance]

# Examples per test at most, per profile; "full" keeps each test's own count (its @settings).
PROFILES = {"full": None, "postgresql": 5}
PROFILE_VARIABLE = "ONTMOET_HYPOTHESIS_PROFILE"
for _name, _cap in PROFILES.items():
    hypothesis.settings.register_profile(_name, **({"max_examples": _cap} if _cap else {}))


def profile_name() -> str:
    """The profile named by ONTMOET_HYPOTHESIS_PROFILE (default "full"); an unknown name is refused."""
    name = os.environ.get(PROFILE_VARIABLE) or "full"
    if name not in PROFILES:
        raise ValueError(f"{PROFILE_VARIABLE}={name}: kies uit {', '.join(PROFILES)}.")
    return name


def load_profile() -> int | None:
    """Load the profile (tests without their own max_examples take their count from it); its cap, if any."""
    name = profile_name()
    hypothesis.settings.load_profile(name)
    return PROFILES[name]


def examples(count: int) -> int:
    """A test's own example count under the profile: `@settings(max_examples=examples(25), ...)`.

    An explicit max_examples outranks a loaded profile, so the cap is applied where the count is written;
    schemathesis hands a test's @settings on to every API operation it generates a test for.
    """
    cap = PROFILES[profile_name()]
    return min(count, cap) if cap else count


def management_schema(path_regex: str):
    from ontmoet.wsgi import application

    schema = schemathesis.openapi.from_dict(yaml.safe_load(OPENAPI_FILE.read_text()))
    schema.app = application
    return schema.include(path_regex=path_regex)


def keep_connection():
    """The WSGI handler must not close the test's database connection; returns the undo."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)

    def undo():
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)

    return undo


def call_as(case, token: str, path_values: dict):
    """Call with the token, the fixture's place and objects in the path; validate against the schema."""
    for name, value in path_values.items():
        if name in (case.path_parameters or {}):
            case.path_parameters[name] = str(value)
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)
