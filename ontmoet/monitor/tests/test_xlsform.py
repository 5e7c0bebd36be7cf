"""The XLSForm adapter: the shipped forms parse, and malformed forms are refused with their location."""

import pytest

from ontmoet.monitor.xlsform import FormDefinition, FormError, language_code, parse_xlsform

from .factories import SHIPPED, xlsform

SURVEY_HEADER = ["type", "name", "label::Nederlands (nl)", "label::English (en)", "relevant", "constraint"]


def test_shipped_place_form():
    form = parse_xlsform((SHIPPED / "monitor_plekken.xlsx").read_bytes())
    assert form.title == "Monitor sociale ontmoetingsplekken"
    assert form.form_id == "monitor_plekken" and form.version == "2024"
    assert set(form.languages) == {"nl", "en"}
    staffing = form.question("bemensing")
    assert staffing.type == "select_one" and staffing.required
    assert staffing.label_in("en") == "Who runs the place?"
    assert [c.name for c in staffing.choices] == ["vrijwilligers", "beheerders", "welzijn", "betaald", "onbekend"]
    assert form.question("voorzieningen").relevant == ["${voorzieningen_aanwezig} = 'ja'"]
    assert form.question("soort_other").other_of == "soort"
    assert form.question("soort").choice("other").label_in("nl") == "Anders"
    assert form.question("vrijwilligers").constraint_message_in("nl") == "Vul een aantal tussen 0 en 2000 in."
    assert form.question("rechtsvorm").group_label_in("nl") == "Over de plek"
    # stored as JSON and back without loss
    assert FormDefinition.from_dict(form.to_dict()).to_dict() == form.to_dict()


def test_shipped_municipality_form():
    form = parse_xlsform((SHIPPED / "monitor_gemeenten.xlsx").read_bytes())
    assert form.title == "Monitor gemeenten"
    names = [q.name for q in form.answerable]
    for name in ["visie", "financiele_steun", "andere_steun", "in_beeld", "ambities", "contactmoment"]:
        assert name in names


def _problems(data):
    with pytest.raises(FormError) as caught:
        parse_xlsform(data)
    return [(p.sheet, p.row, p.column) for p in caught.value.problems], str(caught.value)


def test_a_form_without_selects_needs_no_choices_sheet():
    form = parse_xlsform(xlsform([["type", "name", "label"], ["text", "a", "A"]], sheets=("survey",)))
    assert [q.name for q in form.answerable] == ["a"]


def test_a_select_without_choices_sheet_is_refused_by_pyxform():
    problems, text = _problems(xlsform([["type", "name", "label"], ["select_one kleur", "a", "A"]],
                                       sheets=("survey",)))
    assert problems == [("form.xlsx", None, "")]
    assert "choices sheet" in text


def test_unknown_type_names_row_and_column():
    problems, text = _problems(xlsform([SURVEY_HEADER, ["text", "a", "A", "A", "", ""],
                                        ["integr", "b", "B", "B", "", ""]]))
    assert problems == [("survey", 3, "type")]
    assert "onbekend vraagtype 'integr'" in text


def test_missing_choice_list_is_refused():
    problems, text = _problems(xlsform([SURVEY_HEADER, ["select_one kleur", "a", "A", "A", "", ""]]))
    assert problems == [("survey", 2, "")]
    assert "List name not in choices sheet: kleur" in text


def test_broken_expression_and_unknown_function():
    problems, text = _problems(xlsform([
        SURVEY_HEADER,
        ["select_one janee", "a", "A", "A", "", ""],
        ["text", "b", "B", "B", "${a} = ", ""],
        ["integer", "c", "C", "C", "pulldata('x', 'y', 'z', ${a}) = 'ja'", ". > "],
    ]))
    assert problems == [("survey", 3, "relevant"), ("survey", 4, "relevant"), ("survey", 4, "constraint")]
    assert "pulldata()" in text


def test_unknown_reference_is_named_by_pyxform_with_its_column():
    problems, text = _problems(xlsform([SURVEY_HEADER, ["text", "b", "B", "B", "${onbekend} = 'ja'", ""]]))
    assert problems == [("survey", 2, "relevant")]
    assert "onbekend" in text


def test_pyxform_structure_errors_keep_their_row():
    problems, _text = _problems(xlsform([SURVEY_HEADER, ["text", "a b", "A", "A", "", ""]]))
    assert problems == [("survey", 2, "name")]


@pytest.mark.parametrize("data", [b"type,name\ntext,a\n", b"PK\x03\x04 geen echt bestand", b""])
def test_not_an_excel_file(data):
    problems, text = _problems(data)
    assert problems == [("form.xlsx", None, "")]
    assert ".xlsx" in text and ".xls" in text


def test_plain_label_column_counts_as_dutch():
    form = parse_xlsform(xlsform([["type", "name", "label", "hint"], ["text", "a", "Vraag", "Uitleg"]]))
    assert form.question("a").label_in("nl") == "Vraag" and form.question("a").hint_in("en") == "Uitleg"


@pytest.mark.parametrize(("suffix", "code"), [("Nederlands (nl)", "nl"), ("English (en)", "en"),
                                              ("English", "en"), ("Frysk (fy)", "fy")])
def test_language_codes(suffix, code):
    assert language_code(suffix) == code


def test_a_regex_pattern_that_cannot_be_read_is_refused():
    problems, text = _problems(xlsform([SURVEY_HEADER, ["text", "a", "A", "A", "", "regex(., '[0-9')"]]))
    assert problems == [("survey", 2, "constraint")]
    assert "het patroon '[0-9' in regex() is niet te lezen" in text
