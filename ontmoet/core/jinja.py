"""The Jinja2 environment for the few templates that Django's engine renders too slowly (ADR 0013).

The officers' place list uses it for its table rows: 25 rows of 7 cells cost about 1 ms through
Django's engine and a tenth of that through Jinja2, and that list has a CPU budget per request
(ADR 0008). The agenda's result cards are the other (ADR 0064, session 11). Autoescaping is on; the
templates get Django's gettext and date filter (and `day`, a memoised date filter for calendar days),
so they read and translate like the rest, and they are included from Django templates with
`{% jinja %}`.
"""

from datetime import date as Date
from datetime import datetime
from functools import lru_cache

from django.template.defaultfilters import date
from django.utils import formats, timezone, translation
from jinja2 import Environment

from .formatting import money, number


@lru_cache(maxsize=8192)
def _formatted_day(value: Date, language: str, format_string: str) -> str:
    # The language is part of the key only: formats.date_format reads the active one, which it is.
    return formats.date_format(value, format_string)


def day(value, format_string: str = "SHORT_DATE_FORMAT") -> str:
    """A calendar day (a date, or the local day of a datetime) in a format without a time.

    The same as Django's date filter for such formats, but each (day, language, format) is formatted
    once per process: Django's formatter costs tens of µs a call, a 25-row page with a date per row
    about half a millisecond, while the days in a register repeat and their names do not change while a
    process runs.
    """
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return _formatted_day(value, translation.get_language(), format_string)


def environment(**options) -> Environment:
    options.pop("autoescape", None)  # always on, whatever the settings say
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=True)
    env.filters["date"] = date
    env.filters["number"] = number
    env.filters["money"] = money
    env.filters["day"] = day
    return env
