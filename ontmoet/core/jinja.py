"""The Jinja2 environment for the few templates that Django's engine renders too slowly (ADR 0013).

Only the officers' place list uses it, for its table rows: 25 rows of 7 cells cost about 1 ms through
Django's engine and a tenth of that through Jinja2, and that list has a CPU budget per request
(ADR 0008). Autoescaping is on; the templates get Django's gettext and date filter, so they read and
translate like the rest, and they are included from Django templates with `{% jinja %}`.
"""

from django.template.defaultfilters import date
from django.utils import translation
from jinja2 import Environment

from .formatting import money, number


def environment(**options) -> Environment:
    options.pop("autoescape", None)  # always on, whatever the settings say
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=True)
    env.filters["date"] = date
    env.filters["number"] = number
    env.filters["money"] = money
    return env
