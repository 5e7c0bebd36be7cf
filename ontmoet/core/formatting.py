"""Numbers and money as people read them, in one place for pages, PDFs, exports' text and chart labels.

Dutch by default (1.500.000; € 1.234,50), the active language's format otherwise. Use the template
filters `number` and `money` ({% load formatting %}), or these functions in Python (charts, alt texts).
"""

from decimal import Decimal, InvalidOperation

from django.utils import formats

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
