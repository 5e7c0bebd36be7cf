"""Numbers and money as Dutch readers expect them, in templates, Python and chart labels."""

from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from ontmoet.core.charts import horizontal_bars, vertical_bars
from ontmoet.core.formatting import money, number


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
