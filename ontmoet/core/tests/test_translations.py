"""Dutch is the source language; the English catalogue must be complete and compiled."""

from pathlib import Path

import polib
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES"


def test_english_catalogue_is_complete():
    catalogue = polib.pofile(str(LOCALE / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == [], f"onvertaald: {untranslated[:10]}, fuzzy: {fuzzy[:10]}"


def test_compiled_catalogue_matches_the_po_file():
    source = {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural.get(0)) for e in
              polib.pofile(str(LOCALE / "django.po")).translated_entries()}
    compiled = {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural.get(0)) for e in
                polib.mofile(str(LOCALE / "django.mo"))}
    compiled.pop((None, ""), None)  # the header
    assert compiled == source, "django.mo is verouderd: draai 'ontmoet compilemessages -l en'"


def test_english_is_used_when_chosen():
    with translation.override("en"):
        assert translation.gettext("Plekken importeren") != "Plekken importeren"
    with translation.override("nl"):
        assert translation.gettext("Plekken importeren") == "Plekken importeren"
