"""`${name}` in labels and hints shows the answer so far, or '…', never the raw reference."""

import html as html_lib
import re

from ontmoet.monitor.questionform import sections
from ontmoet.monitor.xlsform import parse_xlsform

from .factories import xlsform

FORM = xlsform(
    [["type", "name", "label", "hint", "calculation"],
     ["text", "plek", "Naam van de plek", "", ""],
     ["select_multiple janee", "open", "Open?", "", ""],
     ["integer", "leden", "Hoeveel leden heeft ${plek}?", "Antwoord bij open: ${open}", ""],
     ["calculate", "dubbel", "", "", "${leden} * 2"],
     ["note", "uitleg", "Twee keer ${leden} is ${dubbel}.", "", ""]])


def _text(html) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", str(html)))


def _labels(values: dict) -> dict:
    form = parse_xlsform(FORM, "verwijzingen.xlsx")
    return {item.name: (_text(item.label), _text(item.hint))
            for section in sections(form, values) for item in section.items}


def test_references_show_the_answers_so_far():
    labels = _labels({"plek": "De *Linde*", "open": ["ja", "nee"], "leden": 12})
    # The respondent's asterisks are shown as typed, not turned into italics; choices by their labels.
    assert labels["leden"] == ("Hoeveel leden heeft De *Linde*?", "Antwoord bij open: Ja, Nee")
    assert labels["uitleg"][0] == "Twee keer 12 is 24."


def test_unanswered_references_are_an_ellipsis_not_code():
    labels = _labels({})
    assert labels["leden"] == ("Hoeveel leden heeft …?", "Antwoord bij open: …")
    assert labels["uitleg"][0] == "Twee keer … is …."


def test_each_reference_is_an_element_the_page_script_updates():
    form = parse_xlsform(FORM, "verwijzingen.xlsx")
    items = {item.name: item for section in sections(form, {"plek": "<b>Linde</b>"}) for item in section.items}
    label = str(items["leden"].label)
    # The answer is escaped, never markup; the element names the question it shows.
    assert label == ('Hoeveel leden heeft <span class="monitor-reference" data-reference="plek">'
                     "&lt;b&gt;Linde&lt;/b&gt;</span>?")
    assert 'data-reference="open">…</span>' in str(items["leden"].hint)
    assert str(items["plek"].label) == "Naam van de plek"  # without references: as before
