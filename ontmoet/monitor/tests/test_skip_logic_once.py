"""Validation evaluates each question's skip logic (relevant) once per submission, with the same outcome."""

import collections

from ontmoet.monitor import answers as answer_rules
from ontmoet.monitor.xlsform import parse_xlsform

from .factories import xlsform

SURVEY = [["type", "name", "label", "relevant", "required"],
          ["select_one janee", "club", "Heeft u een club?", "", "yes"],
          ["integer", "leden", "Hoeveel leden?", "${club} = 'ja'", "yes"],
          ["select_one janee", "groei", "Groeit de club?", "${leden} > 10", ""],
          ["text", "toelichting", "Toelichting", "${groei} = 'ja'", ""],
          ["text", "opmerking", "Opmerking", "", ""]]
FORM = parse_xlsform(xlsform(SURVEY), "club.xlsx")


def _counted(monkeypatch) -> collections.Counter:
    counts, original = collections.Counter(), answer_rules.is_relevant

    def counting(question, context):
        counts[question.name] += 1
        return original(question, context)

    monkeypatch.setattr(answer_rules, "is_relevant", counting)
    return counts


def test_each_question_is_evaluated_once(monkeypatch):
    counts = _counted(monkeypatch)
    cleaned, errors = answer_rules.validate(FORM, {"club": "ja", "leden": "12", "groei": "ja", "toelichting": "Veel",
                                                   "opmerking": ""}, final=True)
    assert (cleaned, errors) == ({"club": "ja", "leden": 12, "groei": "ja", "toelichting": "Veel"}, {})
    assert set(counts.values()) == {1} and len(counts) == 5


def test_a_hidden_answer_still_hides_what_depends_on_it(monkeypatch):
    """No club: the members, the growth and its explanation are dropped along the chain, and nothing is required."""
    counts = _counted(monkeypatch)
    cleaned, errors = answer_rules.validate(FORM, {"club": "nee", "leden": "12", "groei": "ja", "toelichting": "Veel"},
                                            final=True)
    assert (cleaned, errors) == ({"club": "nee"}, {})
    assert max(counts.values()) <= 2  # evaluated again only because answers were taken away


def test_a_required_question_left_empty_is_still_refused():
    assert answer_rules.validate(FORM, {"club": "ja"}, final=True) == ({"club": "ja"}, {
        "leden": "Deze vraag is verplicht."})
