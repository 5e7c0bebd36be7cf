"""The rows of the officers' place list, as HTML made in Python.

The list is the page officers use most, and its 25 rows × 7 cells were the most expensive part of its
template (every `{{ }}` goes through the template engine's lookup and escaping). Here each row is one
f-string with every value escaped; the labels of the vocabularies and the month names are translated
once per language and process (they are constants in the code). Tests compare the output with what the
template used to render.
"""

import functools
from html import escape
from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .choices import Kind, Staffing, Status


@functools.cache
def _labels(language: str) -> dict:
    with translation.override(language):
        return {
            "kind": {value: str(label) for value, label in Kind.choices},
            "staffing": {value: str(label) for value, label in Staffing.choices},
            "status": {value: str(label) for value, label in Status.choices},
            "months": {number: str(name).title() for number, name in MONTHS_3.items()},  # date format "M"
            "never": gettext("nooit"),
        }


def short_date(value, labels) -> str:
    """`date_format(localtime(value), "j M Y")`, e.g. "3 Mrt 2025", without the per-call format lookups."""
    local = timezone.localtime(value)
    return f"{local.day} {labels['months'][local.month]} {local.year:04d}"


def rows_html(rows, municipality_names: dict) -> SafeString:
    """<tr> elements for `selectors.ROW_COLUMNS` tuples; same cells as the list's table header."""
    labels = _labels(translation.get_language() or "nl")
    kinds, staffing_labels, statuses = labels["kind"], labels["staffing"], labels["status"]
    # Every detail URL is the same but for the code (codes are [A-Za-z0-9_-], see validators.CODE_RE).
    prefix, suffix = reverse("places:detail", args=["~"]).split("~")
    cell = '<td class="utrecht-table__cell">'
    html = []
    for _pk, code, name, kind, city, staffing, status, verified, municipality_id in rows:
        url = escape(f"{prefix}{quote(code, safe='')}{suffix}")
        html.append(
            f'<tr class="utrecht-table__row">'
            f'<th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="{url}">'
            f"{escape(name)}</a></th>"
            f"{cell}{escape(kinds.get(kind, kind))}</td>"
            f"{cell}{escape(municipality_names[municipality_id])}</td>"
            f"{cell}{escape(city)}</td>"
            f"{cell}{escape(staffing_labels.get(staffing, staffing))}</td>"
            f"{cell}{escape(statuses.get(status, status))}</td>"
            f"{cell}{escape(short_date(verified, labels) if verified else labels['never'])}</td>"
            f"</tr>"
        )
    return mark_safe("\n".join(html))  # noqa: S308 - every value is escaped above
