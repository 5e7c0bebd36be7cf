"""Dutch is the source language; every English catalogue must be complete and compiled.

The shared catalogue lives in ontmoet/locale; each domain app may keep its own in
ontmoet/<app>/locale (made by running `ontmoet makemessages -l en` inside the app folder).
"""

from pathlib import Path

import polib
import pytest
from django.utils import translation

PACKAGE = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(PACKAGE.glob("**/locale/en/LC_MESSAGES/django.po"))


def _name(path):
    return str(path.relative_to(PACKAGE))


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_name)
def test_english_catalogue_is_complete(po_path):
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    # A "#|" previous msgid means makemessages guessed from an older text: someone must check the
    # translation and remove the marker, not just the fuzzy flag.
    guessed = [entry.msgid for entry in catalogue if entry.previous_msgid]
    assert untranslated == [] and fuzzy == [] and guessed == [], (
        f"onvertaald: {untranslated[:10]}, fuzzy: {fuzzy[:10]}, nagekeken nodig: {guessed[:10]}")


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_name)
def test_compiled_catalogue_matches_the_po_file(po_path):
    source = {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural.get(0)) for e in
              polib.pofile(str(po_path)).translated_entries()}
    compiled = {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural.get(0)) for e in
                polib.mofile(str(po_path.with_suffix(".mo")))}
    compiled.pop((None, ""), None)  # the header
    assert compiled == source, f"{_name(po_path.with_suffix('.mo'))} is verouderd: draai 'ontmoet compilemessages'"


def test_the_shared_catalogue_exists():
    assert PACKAGE / "locale" / "en" / "LC_MESSAGES" / "django.po" in CATALOGUES


def test_english_is_used_when_chosen():
    with translation.override("en"):
        assert translation.gettext("Plekken importeren") != "Plekken importeren"
    with translation.override("nl"):
        assert translation.gettext("Plekken importeren") == "Plekken importeren"
