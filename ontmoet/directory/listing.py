"""The search results of the sociale kaart, as HTML made in Python (as places/listing.py, ADR 0008).

Twenty result cards with translations, a URL, a localised distance and a joined list each were the
most expensive part of the search page's template. Each card here is one f-string with every value
escaped; the fixed words are translated once per request. A test compares the output with the
template markup it replaced.
"""

from decimal import ROUND_HALF_UP, Decimal
from html import escape
from urllib.parse import quote

from django.urls import reverse
from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

TENTH = Decimal("0.1")


def one_decimal(value: float, separator: str) -> str:
    """`value|floatformat:1` without its general machinery (it was a tenth of the page's time)."""
    return str(Decimal(repr(value)).quantize(TENTH, ROUND_HALF_UP)).replace(".", separator)


def result_items_html(rows: list[dict]) -> SafeString:
    """<li> cards for `selectors.result_rows`, in the order given."""
    municipality_word, activities_word = escape(gettext("gemeente")), escape(gettext("Activiteiten"))
    km_text, separator = gettext("%(km)s km"), get_format("DECIMAL_SEPARATOR")
    wheelchair = (f'<p class="utrecht-paragraph"><span class="ontmoet-badge ontmoet-badge--ok">'
                  f'{escape(gettext("rolstoeltoegankelijk"))}</span></p>')
    # Every place URL is the same but for the code (codes are [A-Za-z0-9_-], see places' validators.CODE_RE).
    prefix, suffix = reverse("directory:place", args=["~"]).split("~")
    items = []
    for row in rows:
        url = escape(f"{prefix}{quote(row['code'], safe='')}{suffix}")
        city = f"{escape(row['city'])}, " if row["city"] else ""
        distance = ""
        if row["distance_km"] is not None:
            distance = f" · <strong>{escape(km_text % {'km': one_decimal(row['distance_km'], separator)})}</strong>"
        activities = ""
        if row["activities"]:
            activities = (f'<p class="utrecht-paragraph directory-tags">{activities_word}: '
                          f'{", ".join(escape(name) for name in row["activities"])}</p>')
        items.append(
            f'<li class="directory-list__item ontmoet-card">'
            f'<h2 class="utrecht-heading-3"><a class="utrecht-link" href="{url}">{escape(row["name"])}</a></h2>'
            f'<p class="utrecht-paragraph">{escape(row["kind_label"])} · {city}{municipality_word} '
            f'{escape(row["municipality__name"])}{distance}</p>'
            f'{activities}{wheelchair if row["wheelchair_accessible"] else ""}</li>'
        )
    return mark_safe("\n".join(items))  # noqa: S308 - every value is escaped above
