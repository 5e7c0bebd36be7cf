"""The English privacy statement follows the Dutch one (docs/privacy.md, served as statement.nl.md): the same
sections, the same rows of the table in the same order, the same items for administrators."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DUTCH = ROOT / "docs" / "privacy.md"
ENGLISH = ROOT / "ontmoet" / "core" / "templates" / "core" / "privacy" / "statement.en.md"


def _parts(path):
    lines = path.read_text().splitlines()
    return {
        "sections": [line.split(" ", 1)[0] for line in lines if line.startswith("#")],
        "rows": [line for line in lines if line.startswith("| ") and not line.startswith("|---")],
        "items": [line for line in lines if line.startswith("- ")],
    }


def _code(text) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


def test_the_english_statement_has_every_section_row_and_item_of_the_dutch_one():
    dutch, english = _parts(DUTCH), _parts(ENGLISH)
    assert english["sections"] == dutch["sections"]
    assert len(english["rows"]) == len(dutch["rows"]), "vertaal de nieuwe rijen van docs/privacy.md in statement.en.md"
    assert len(english["items"]) == len(dutch["items"])


def test_each_english_row_names_the_settings_and_commands_of_its_dutch_row():
    # Counting alone would pass a row left out and another added twice: the row's settings, commands and
    # addresses (what is written as `code`) pin it to its Dutch row.
    for dutch, english in zip(_parts(DUTCH)["rows"], _parts(ENGLISH)["rows"], strict=True):
        assert english.count(" | ") == dutch.count(" | "), english[:60]
        assert _code(english) == _code(dutch), english[:60]
