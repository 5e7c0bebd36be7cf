"""The Hypothesis profiles of CI's runs (core.testing.api_schema, ADR 0018), through Hypothesis' public API only."""

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ontmoet
from ontmoet.core.testing import api_schema


def _property(calls, count):
    """A property test as the suite writes one: its own count, through api_schema.examples."""

    @settings(max_examples=api_schema.examples(count), database=None)
    @given(st.integers())
    def prop(number):
        calls.append(number)

    return prop


@pytest.fixture
def profile(monkeypatch):
    """Set ONTMOET_HYPOTHESIS_PROFILE for one test; the loaded Hypothesis profile is put back afterwards."""
    before = settings.get_current_profile_name()

    def use(name):
        if name is None:
            monkeypatch.delenv(api_schema.PROFILE_VARIABLE, raising=False)
        else:
            monkeypatch.setenv(api_schema.PROFILE_VARIABLE, name)

    yield use
    settings.load_profile(before)


def test_the_postgresql_profile_caps_a_tests_own_example_count(profile):
    profile("postgresql")
    calls = []

    _property(calls, 25)()

    assert api_schema.examples(25) == 5 and api_schema.examples(15) == 5
    assert 0 < len(calls) <= 5


def test_a_count_below_the_cap_is_kept(profile):
    profile("postgresql")
    calls = []

    _property(calls, 3)()

    assert api_schema.examples(3) == 3
    assert 0 < len(calls) <= 3


def test_without_a_profile_each_test_keeps_its_own_count(profile):
    profile(None)
    calls = []

    _property(calls, 25)()

    assert api_schema.examples(25) == 25 and api_schema.examples(15) == 15
    assert len(calls) == 25


def test_loading_the_postgresql_profile_caps_tests_without_their_own_count(profile):
    profile("postgresql")
    assert api_schema.load_profile() == 5
    assert settings.get_current_profile_name() == "postgresql"
    assert settings.default.max_examples == 5

    calls = []

    @settings(database=None)  # made after loading, as the suite's modules are (conftest's pytest_configure)
    @given(st.integers())
    def prop(number):
        calls.append(number)

    prop()
    assert 0 < len(calls) <= 5


def test_the_full_profile_is_hypothesis_default():
    full, default = settings.get_profile("full"), settings.get_profile("default")
    assert full.max_examples == default.max_examples == 100
    assert settings.get_profile("postgresql").max_examples == 5


def test_an_unknown_profile_is_refused(profile):
    profile("snel")
    with pytest.raises(ValueError, match="full, postgresql"):
        api_schema.examples(25)
    with pytest.raises(ValueError, match="full, postgresql"):
        api_schema.load_profile()


# -- every test with its own count goes through api_schema.examples ------------------------------------
def literal_counts(source: str) -> list[int]:
    """Lines where `max_examples=` is given anything but `examples(...)` (a bare number escapes the cap)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                value = keyword.value
                wrapped = (isinstance(value, ast.Call) and
                           getattr(value.func, "id", getattr(value.func, "attr", None)) == "examples")
                if keyword.arg == "max_examples" and not wrapped:
                    found.append(keyword.value.lineno)
    return found


def test_every_explicit_example_count_in_the_suite_is_capped_by_the_profile():
    package = Path(ontmoet.__file__).parent
    modules = [path for path in package.rglob("test*.py") if "tests" in path.parts]
    assert len(modules) > 100
    offenders = {str(path.relative_to(package)): lines for path in modules
                 if (lines := literal_counts(path.read_text(encoding="utf-8")))}
    assert not offenders, f"Write @settings(max_examples=examples(n)) (core.testing.api_schema): {offenders}"


def test_the_count_finder_sees_a_bare_number_and_allows_examples():
    source = ("@settings(max_examples=25)\ndef a(): ...\n"
              "@settings(max_examples=examples(25), deadline=None)\ndef b(): ...\n"
              "@settings(max_examples=api_schema.examples(5))\ndef c(): ...\n"
              "@settings(max_examples=COUNT)\ndef d(): ...\n")
    assert literal_counts(source) == [1, 7]
