"""One date, time and number format across the product: the formats modules (core/formats) and templates
that use only their named formats."""

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from django.template import engines
from django.utils import formats, translation

PACKAGE = Path(__file__).resolve().parents[2]
NAMED = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT", "TIME_FORMAT",
         "MONTH_DAY_FORMAT", "YEAR_MONTH_FORMAT"}
# Formats for machines (ISO dates in attributes, file names, calendar data) and the weekday name alone.
MACHINE = {"c", "Y-m-d", "Ymd", "U", "l"}
DATE_FILTER = re.compile(r"""\|\s*(?:date|time)\s*(?::\s*|\(\s*)["']([^"']*)["']""")


@pytest.mark.parametrize(("language", "expected"), [
    ("nl", ["6 oktober 2026", "6 okt. 2026", "6 oktober 2026, 09:05", "09:05", "6 mrt. 2026", "6 mei 2026",
            "12.345", "3,5"]),
    ("en", ["6 October 2026", "6 Oct. 2026", "6 October 2026, 09:05", "09:05", "6 March 2026", "6 May 2026",
            "12,345", "3.5"]),
])
def test_one_format_per_language(language, expected):
    moment = datetime(2026, 10, 6, 9, 5)
    with translation.override(language):
        shown = [formats.date_format(moment), formats.date_format(moment, "SHORT_DATE_FORMAT"),
                 formats.date_format(moment, "DATETIME_FORMAT"), formats.time_format(moment),
                 formats.date_format(date(2026, 3, 6), "SHORT_DATE_FORMAT"),
                 formats.date_format(date(2026, 5, 6), "SHORT_DATE_FORMAT")]
        template = engines["django"].from_string(
            '{% load humanize %}{{ n|intcomma }} {{ x|floatformat:"-1g" }} {{ year }}')
        numbers = template.render({"n": 12345, "x": 3.5, "year": 2026}).split()
    assert shown + numbers[:2] == expected
    assert numbers[2] == "2026"  # years (and ids) are never grouped: no global thousands separator


def test_templates_use_the_named_formats():
    """No template writes its own date format ("j M Y" gave "6 Okt"): they use the formats modules."""
    own = []
    for path in PACKAGE.rglob("*"):
        if path.suffix not in {".html", ".txt", ".xml", ".ics"} or "vendor" in path.parts:
            continue
        for found in DATE_FILTER.findall(path.read_text(errors="ignore")):
            if found not in NAMED | MACHINE:
                own.append(f"{path.relative_to(PACKAGE)}: {found}")
    assert own == []
