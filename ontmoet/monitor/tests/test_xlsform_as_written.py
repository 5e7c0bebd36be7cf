"""Forms as their authors wrote them: every expression is checked wherever it appears, in the new and the
old (`bind:`) spelling, so nothing unchecked reaches a respondent; metadata rows ask nothing and the date
ones are filled; "Anders" only on the or_other question; Markdown reaches the questions as HTML."""

import datetime

import pytest

from ontmoet.monitor import answers
from ontmoet.monitor.xlsform import FormError, parse_xlsform

from .factories import xlsform
from .test_xlsform_forms import read

UNSUPPORTED = "pulldata('lijst', 'kolom', 'sleutel', ${a}) = 'ja'"


@pytest.mark.parametrize(("column", "text"), [
    ("relevant", UNSUPPORTED), ("bind:relevant", UNSUPPORTED), ("relevance", UNSUPPORTED),
    ("constraint", f"({UNSUPPORTED})"), ("bind:constraint", f"({UNSUPPORTED})"),
    ("required", UNSUPPORTED), ("bind:required", UNSUPPORTED),
    ("calculation", "pulldata('lijst', 'kolom', 'sleutel', ${a})"),
    ("bind:calculate", "pulldata('lijst', 'kolom', 'sleutel', ${a})"),
    ("default", "pulldata('lijst', 'kolom', 'sleutel', ${a})"),
    ("choice_filter", "pulldata('lijst', 'kolom', 'sleutel', ${a}) = naam"),
])
def test_an_unsupported_function_is_refused_in_every_expression_column(column, text):
    kind = {"calculation": "calculate", "bind:calculate": "calculate"}.get(column, "text")
    kind = "select_one janee" if column == "choice_filter" else kind
    with pytest.raises(FormError) as caught:
        parse_xlsform(xlsform([["type", "name", "label", column],
                               ["select_one janee", "a", "A", ""],
                               [kind, "b", "B", text]]))
    assert [(p.sheet, p.row, p.column) for p in caught.value.problems] == [("survey", 3, column)]
    assert "pulldata()" in caught.value.problems[0].message


def test_metadata_rows_ask_nothing_and_the_dates_are_filled():
    form = read("old_spellings.xlsx")
    assert {"start", "end", "today", "deviceid"}.isdisjoint(q.name for q in form.answerable)
    context = answers.with_calculations(form, {"consent": "no"})
    today = datetime.date.today().isoformat()
    assert (context["start"], context["end"], context["today"]) == (today, today, today)
    assert context.get("deviceid", "") == "" and context.get("imei", "") == ""


def test_markdown_of_labels_and_hints_reaches_the_questions_as_html():
    from django.utils import translation

    from ontmoet.monitor.questionform import sections

    with translation.override("en"):
        items = {item.name: item for section in sections(read("old_spellings.xlsx"), {}) for item in section.items}
    assert str(items["consent"].label) == "Do you <strong>agree</strong> to take part?"
    assert str(items["consent"].hint) == ('See <a href="https://example.org/leaflet" '
                                          'rel="nofollow noopener noreferrer">the leaflet</a>')
    assert str(items["water"].label) == "<em>Where</em> do you get water?"


def test_or_other_adds_anders_to_its_own_question_not_to_others_sharing_the_list():
    form = parse_xlsform(xlsform([["type", "name", "label"],
                                  ["select_one janee or_other", "a", "A"],
                                  ["select_one janee", "b", "B"],
                                  ["select_multiple janee", "c", "C"]]))
    assert [(c.name, c.label_in("nl")) for c in form.question("a").choices] == [
        ("ja", "Ja"), ("nee", "Nee"), ("other", "Anders")]
    assert [c.name for c in form.question("b").choices] == [c.name for c in form.question("c").choices] == [
        "ja", "nee"]
    assert form.question("a_other").other_of == "a" and form.question("b_other") is None
