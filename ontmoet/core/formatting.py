"""Numbers and money as people read them, in one place for pages, PDFs, exports' text and chart labels.

Dutch by default (1.500.000; € 1.234,50), the active language's format otherwise. Use the template
filters `number` and `money` ({% load formatting %}), or these functions in Python (charts, alt texts).
Distances on result cards (the kaart's and the agenda's) go through `one_decimal`.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from django.utils import formats
from django.utils.translation import get_language

NBSP = "\u00a0"  # keeps "€" and the amount on one line


def number(value, decimals: int = 0) -> str:
    """1500000 -> "1.500.000"; 2.5 with decimals=1 -> "2,5". Empty for None or text that is no number."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return ""
    rounded = round(amount, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    return formats.number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def money(value, decimals: int = 0) -> str:
    """1234.5 with decimals=2 -> "€ 1.234,50" (a non-breaking space after the euro sign)."""
    text = number(value, decimals)
    return f"€{NBSP}{text}" if text else ""


TENTH = Decimal("0.1")


@lru_cache(maxsize=16)
def _decimal_separator(language: str | None) -> str:
    # The language is part of the key only: get_format reads the active one, which it is.
    return formats.get_format("DECIMAL_SEPARATOR")


def one_decimal(value: float) -> str:
    """A distance as `|floatformat:1` writes it: 2.25 -> "2,3", 10.95 -> "11,0" (rounded half up from the
    decimal digits Python shows for the float, not from its binary value as round() does), with the language's
    decimal sign and no grouping (USE_THOUSAND_SEPARATOR is off). Twenty cards a page: without floatformat's
    Decimal context and format lookups per call."""
    rounded = Decimal(str(value)).quantize(TENTH, rounding=ROUND_HALF_UP)
    return str(rounded).replace(".", _decimal_separator(get_language()))
