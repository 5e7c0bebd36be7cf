"""The Hypothesis profiles of CI's runs (core.testing.api_schema, ADR 0018)."""

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontmoet.core.testing import api_schema


def _property_with_25_examples(calls):
    @settings(max_examples=25, database=None)
    @given(st.integers())
    def prop(number):
        calls.append(number)

    return prop


def test_the_postgresql_cap_outranks_a_tests_own_example_count():
    calls = []
    prop = _property_with_25_examples(calls)

    api_schema.cap_examples([SimpleNamespace(obj=prop)], api_schema.PROFILES["postgresql"])
    prop()

    assert 0 < len(calls) <= 5


def test_a_lower_count_than_the_cap_is_kept_and_tests_without_hypothesis_are_left_alone():
    calls = []
    prop = _property_with_25_examples(calls)
    plain = SimpleNamespace(obj=lambda: None)

    api_schema.cap_examples([SimpleNamespace(obj=prop), plain], 100)
    prop()

    assert len(calls) == 25
    assert not hasattr(plain.obj, "_hypothesis_internal_use_settings")


def test_an_unknown_profile_is_refused(monkeypatch):
    monkeypatch.setenv(api_schema.PROFILE_VARIABLE, "snel")
    with pytest.raises(ValueError, match="full, postgresql"):
        api_schema.example_cap()
