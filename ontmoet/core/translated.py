"""Reference data kept in the database with a Dutch name and, optionally, an English one (`name_en`).

Province administrators add and rename these lists (vocabularies, meldpunt categories), so gettext on the
stored names would miss every new entry; an English name field goes with the entry. Empty: the Dutch name.
"""

from django.utils.translation import get_language


def in_english() -> bool:
    return (get_language() or "").startswith("en")


def localized(dutch: str, english: str) -> str:
    """The name to show in the current language."""
    return english if english and in_english() else dutch


def name_field() -> str:
    """The column holding the name in the current language (for values_list; falls back in Python)."""
    return "name_en" if in_english() else "name"
