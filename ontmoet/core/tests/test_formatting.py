"""Numbers and money as Dutch readers expect them, in templates, Python and chart labels."""

import math
import random
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.template.defaultfilters import floatformat
from django.utils import translation

from ontmoet.core.charts import horizontal_bars, vertical_bars
from ontmoet.core.formatting import money, number, one_decimal
from ontmoet.directory.cards import distance_texts


def test_numbers_and_money_in_dutch():
    assert number(1_500_000) == "1.500.000"
    assert number(Decimal("2.5"), 1) == "2,5"
    assert number(-0.2) == "0"
    assert money(Decimal("1234.5"), 2) == "€\u00a01.234,50"
    assert money(750_000) == "€\u00a0750.000"
    assert number(None) == "" and money(None) == "" and number("x") == ""


def test_the_active_language_decides():
    with translation.override("en"):
        assert number(1_500_000) == "1,500,000"


def test_template_filters():
    rendered = Template("{% load formatting %}{{ a|number }} {{ b|money:2 }} {{ c|number|default:'onbekend' }}").render(
        Context({"a": 1500000, "b": Decimal("1234.5"), "c": None}))
    assert rendered == "1.500.000 €\u00a01.234,50 onbekend"


def test_chart_ticks_and_labels_are_dutch_never_scaled():
    svg = vertical_bars(["K1", "K2"], [1_500_000, 750_000], alt="Uren").svg.decode()
    assert "1.200.000" in svg and "1e6" not in svg  # ticks 0, 400.000, 800.000, 1.200.000
    svg = horizontal_bars(["Raalte"], [1_234_567], alt="Waarde", unit=" €").svg.decode()
    assert "1.234.567 €" in svg and "1e6" not in svg


TRICKY = [0.0, 0.04999, 0.05, 0.15, 0.25, 0.35, 1.45, 2.25, 2.349999, 2.35, 9.95, 9.96, 10.95, 12.05, 49.99, 50.0,
          3.0000001, 1e-7, 123.45, 1234.55]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_one_decimal_is_what_floatformat_writes(language):
    values = TRICKY + [random.Random(19).uniform(0, 60) for _ in range(1000)]
    with translation.override(language):
        assert [one_decimal(value) for value in values] == [floatformat(value, 1) for value in values]
        assert one_decimal(2.25) == ("2,3" if language == "nl" else "2.3")  # round() would say 2.2
        assert one_decimal(10.95) == ("11,0" if language == "nl" else "11.0")  # round() would say 10.9


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_kaart_and_the_agenda_write_a_distance_alike(language):
    """The kaart's cards (directory.cards) and the agenda's (agenda.public.cards) use the one formatter."""
    with translation.override(language):
        assert distance_texts([2.25 ** 2, 10.95 ** 2, 0.05 ** 2, None]) == [
            f"{floatformat(math.sqrt(value ** 2), 1)} km" for value in (2.25, 10.95, 0.05)] + [""]
