"""What Ontmoet accepts as text at its edges: no control characters, and no more than a field holds.

Control characters (C0 except tab, line feed and carriage return, and DEL) cannot be stored by
PostgreSQL (NUL), are refused by the XLSX format and make exports fail, and no person types them.
Forms, the API and imports refuse them with a message naming the field (or row and column);
exports drop them, so a value that got in some other way still cannot break a download.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# The longest search text any search or suggestion uses; longer input is cut before a query sees it.
SEARCH_MAX_LENGTH = 200


def has_control_characters(text: str) -> bool:
    return bool(CONTROL_CHARACTERS.search(text))


def without_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def control_character_message(label) -> str:
    return _("‘%(field)s’ bevat een onzichtbaar stuurteken (bijvoorbeeld uit een gekopieerde tekst). "
             "Typ de tekst opnieuw zonder dat teken.") % {"field": label}


class NoControlCharacters:
    """A validator for one field; the label goes into the message so the error summary names it."""

    def __init__(self, label):
        self.label = label

    def __call__(self, value):
        if isinstance(value, str) and has_control_characters(value):
            raise ValidationError(control_character_message(self.label), code="control_characters")

    def __eq__(self, other):
        return isinstance(other, NoControlCharacters) and other.label == self.label


def search_text(value, limit: int = SEARCH_MAX_LENGTH) -> str:
    """Search input as a query may use it: a string, without control characters, at most `limit` long.

    Searches read request parameters directly (GET, HTMX); cutting here keeps a 100,000-character
    title from reaching a LIKE pattern or a ranking loop.
    """
    if not isinstance(value, str):
        return ""
    return without_control_characters(value[:limit]).strip()


def suggestion_text(data, title_limit: int = 150, limit: int = 2000) -> str:
    """The title and description being typed (a QueryDict, raw), cut to what a suggestion query may see.

    Read before the form is valid (suggestions show beside the errors too), so the form's own
    limits have not been applied yet.
    """
    title = search_text(data.get("title", ""), title_limit)
    return search_text(f"{title} {search_text(data.get('description', ''), limit)}", limit)
