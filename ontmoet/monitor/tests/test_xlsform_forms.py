"""Real-world style XLSForms, each imported as published: accepted and read correctly, or refused
with only true messages. pyxform/ holds pyxform's own example forms (BSD licence beside them);
the others are written by forms/build.py in the styles of public XLSForm collections.
"""

from pathlib import Path

import pytest

from ontmoet.monitor import answers, questionform
from ontmoet.monitor.xlsform import FormError, parse_xlsform

FORMS = Path(__file__).resolve().parent / "forms"
REFUSED = " kan de monitor niet vragen; verwijder deze rij of vervang haar door een vraag van een ander type"


def read(name: str, **options):
    return parse_xlsform((FORMS / name).read_bytes(), Path(name).name, **options)


def problems(name: str) -> list[tuple]:
    with pytest.raises(FormError) as caught:
        read(name)
    return [(p.sheet, p.row, p.column, p.message) for p in caught.value.problems]


# Every refusal in full: where, and what it says.
REFUSALS = {
    "field_survey.xlsx": [
        ("survey", 3, "type", "GPS-locatie" + REFUSED), ("survey", 4, "type", "Foto" + REFUSED),
        ("survey", 5, "type", "Herhaling (repeat)" + REFUSED), ("survey", 8, "type", "Streepjescode" + REFUSED),
        ("survey", 9, "type", "Geluidsopname" + REFUSED),
        ("survey", 10, "type", "Keuzelijst uit een extern bestand" + REFUSED),
        ("survey", 11, "type", "GPS-lijn (geotrace)" + REFUSED)],
    "pyxform/gps.xls": [("survey", 2, "type", "GPS-locatie" + REFUSED)],
    "pyxform/tutorial.xls": [("survey", 2, "type", "Herhaling (repeat)" + REFUSED)],
    "pyxform/loop.xls": [("survey", 3, "type", "Herhaling (loop)" + REFUSED)],
    "pyxform/include.xls": [("survey", 3, "type", "Een ander formulier invoegen (include)" + REFUSED)],
    "pyxform/case_insensitivity.xlsx": [
        ("survey", 3, "TYPE", "Keuzelijst uit een extern bestand" + REFUSED),
        ("survey", 4, "TYPE", "Kaartgegevens (OSM)" + REFUSED)],
    "pyxform/or_other.xlsx": [
        ("survey", 3, "choice_filter", "de kolom 'yes' staat niet op het blad choices bij de lijst 'colors'; "
                                       "bedoelt u tekst, zet die dan tussen aanhalingstekens")],
    "pyxform/calculate.xls": [
        ("survey", None, "", "het formulier bevat geen vragen die de monitor kan stellen; voeg ten minste één "
                             "vraag toe")],
    "pyxform/duplicate_columns.xlsx": [
        ("duplicate_columns.xlsx", None, "", "pyxform meldt: Duplicate column header: label")],
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_refused_forms_say_only_what_is_true(name):
    assert problems(name) == REFUSALS[name]


def test_widgets_form_names_each_row_it_cannot_ask():
    found = [(row, message.split(" kan ")[0]) for _sheet, row, _column, message in problems("pyxform/widgets.xls")]
    assert found[:3] == [(6, "Tijd (time)"), (9, "Bevestiging (acknowledge)"), (11, "GPS-locatie")]
    assert all(row for row, _feature in found)


def test_unsupported_function_is_named_with_its_cell():
    [(sheet, row, column, message)] = problems("pyxform/pull_data.xlsx")
    assert (sheet, row, column) == ("survey", 2, "calculation")
    assert "de functie pulldata() wordt niet ondersteund" in message


def test_rows_can_be_skipped_and_are_listed():
    form = read("field_survey.xlsx", skip_unsupported=True)
    assert [q.name for q in form.answerable] == ["naam"]
    assert [(s.row, s.message) for s in form.skipped][:3] == [
        (3, "GPS-locatie 'locatie' overgeslagen"), (4, "Foto 'gevel' overgeslagen"),
        (5, "Herhaling (repeat) 'ruimtes' overgeslagen")]


def test_old_spellings_single_colon_languages_and_metadata():
    form = read("old_spellings.xlsx")
    assert (form.form_id, form.version, form.title) == ("needs_2013", "2013-04", "Needs survey 2013")
    assert form.language_names == {"en": "English", "fr": "French"}
    consent = form.question("consent")
    assert consent.type == "select_one" and consent.required
    assert consent.label_in("fr") == "Acceptez-vous ?"
    members = form.question("members")
    assert members.type == "integer" and members.relevant == ["${consent} = 'yes'"]
    assert members.constraint == ". > 0 and . < 40" and members.constraint_message_in("en") == "Between 1 and 39"
    assert form.question("remarks").type == "text"
    # metadata is accepted, asks nothing, and the date ones are filled
    assert {q.name for q in form.calculated} >= {"start", "end", "today", "deviceid", "imei", "username"}
    assert form.question("today").calculation == "today()"
    assert [q.name for q in form.answerable] == ["consent", "members", "water", "water_other", "main_water",
                                                 "remarks"]


def test_the_authors_words_stay_the_authors():
    form = read("old_spellings.xlsx")
    water, main = form.question("water"), form.question("main_water")
    # the author's own "other" keeps its label, on both questions that share the list
    assert water.choice("other").label_in("en") == "Something else"
    assert main.choice("other").label_in("fr") == "Autre chose"
    assert form.question("water_other").other_of == "water"
    # nested groups keep every label
    assert form.question("members").group_label_in("en") == "Household › Head of household"
    assert form.question("water").group_label_in("fr") == "Ménage"


def test_or_other_adds_anders_only_to_its_own_question():
    form = read("pyxform/specify_other.xls")
    sex = form.question("sex")
    assert sex.choice("other").label_in("nl") == "Anders"
    assert sex.label_in("en") == "What sex are you?"
    assert form.question("sex_other").label_in("nl") == "Anders, namelijk:"


def test_markdown_in_labels_and_hints_is_rendered_safely():
    form = read("old_spellings.xlsx")
    consent = form.question("consent")
    assert questionform.inline_markdown(consent.label_in("en")) == "Do you <strong>agree</strong> to take part?"
    hint = questionform.inline_markdown(consent.hint_in("en"))
    assert hint == ('See <a href="https://example.org/leaflet" rel="nofollow noopener noreferrer">the '
                    'leaflet</a>')
    assert questionform.inline_markdown("<script>alert(1)</script> *x*") == "<em>x</em>"
    assert questionform.inline_markdown("[x](javascript:alert(1))") == "<a rel=\"nofollow noopener noreferrer\">x</a>"
    assert questionform.inline_markdown("Gewoon") == "Gewoon"


def test_cascading_selects_keep_their_filter_and_are_enforced():
    form = read("cascading.xlsx")
    assert form.language_names == {"nl": "Nederlands", "en": "English"}
    gemeente = form.question("gemeente")
    assert gemeente.choice_filter == "provincie = ${provincie}"
    assert gemeente.choice("assen").filters == {"provincie": "dr"}
    cleaned, errors = answers.validate(form, {"provincie": "ov", "gemeente": "assen"}, final=True)
    assert errors == {"gemeente": "'assen' past niet bij een eerder antwoord; kies uit raalte, zwolle"}
    cleaned, errors = answers.validate(form, {"provincie": "ov", "gemeente": "zwolle",
                                              "voorzieningen": "zaal bibliotheek"}, final=True)
    assert errors == {} and cleaned["voorzieningen"] == ["zaal", "bibliotheek"]
    _cleaned, errors = answers.validate(form, {"provincie": "ov", "gemeente": "zwolle",
                                               "voorzieningen": "sportveld"}, final=True)
    assert "sportveld" in errors["voorzieningen"]


def test_pyxform_cascading_examples_are_read():
    form = read("pyxform/choice_filter_test.xlsx")
    assert form.question("county").choice_filter == "${state}=cf"
    _cleaned, errors = answers.validate(form, {"state": "texas", "county": "pierce"}, final=True)
    assert "pierce" in errors["county"]
    form = read("pyxform/cascading_select_test_equivalent.xls")
    context = answers.with_calculations(form, {"mylga_zone": "zone_2", "mylga_state_in_zone_2": "state_3"})
    assert context["mylga_state"] == "state_3"


def test_calculations_feed_skip_logic_and_are_not_stored():
    form = read("calculates.xlsx")
    cleaned, errors = answers.validate(form, {"vrijwilligers": "40", "betaald": "12", "groot": "Veel",
                                              "activiteiten": "koffie sport", "postcode": "8011 AB",
                                              "meer": "Dansen"}, final=True)
    assert errors == {}
    assert cleaned == {"vrijwilligers": 40, "betaald": 12, "groot": "Veel", "activiteiten": ["koffie", "sport"],
                       "postcode": "8011 AB", "meer": "Dansen"}
    context = answers.with_calculations(form, cleaned)
    assert (context["totaal"], context["aandeel"], context["kop"]) == (52, 77, "Plek met 2 activiteiten")
    cleaned, errors = answers.validate(form, {"vrijwilligers": "4", "groot": "weg", "postcode": "80 AB",
                                              "opgericht": "2999-01-01"}, final=True)
    assert "groot" not in cleaned  # hidden: the total is below 50
    assert set(errors) == {"postcode", "opgericht"}


def test_a_form_without_settings_is_named_after_its_file():
    form = read("Ledenlijst dorpshuis 2023.xlsx")
    assert (form.form_id, form.title, form.version) == ("ledenlijst-dorpshuis-2023", "Ledenlijst dorpshuis 2023",
                                                         "1")


@pytest.mark.parametrize("name", ["pyxform/specify_other.xls", "pyxform/text_and_integer.xls",
                                  "pyxform/yes_or_no_question.xls", "pyxform/spaces_in_choices_header.xls",
                                  "pyxform/group.xls", "pyxform/field-list.xlsx", "pyxform/ODKValidateWarnings.xlsx"])
def test_pyxform_examples_that_the_monitor_can_ask_are_accepted(name):
    form = read(name)
    assert form.answerable and form.form_id


@pytest.mark.django_db
def test_a_version_clash_names_the_real_setting(world):
    from ontmoet.monitor import services

    for name in ["Ledenlijst dorpshuis 2023.xlsx", "old_spellings.xlsx", "pyxform/specify_other.xls"]:
        services.import_questionnaire(world.overijssel, (FORMS / name).read_bytes(), Path(name).name)
    with pytest.raises(FormError) as caught:
        services.import_questionnaire(world.overijssel, (FORMS / "old_spellings.xlsx").read_bytes(), "x.xlsx")
    assert [(p.sheet, p.row, p.column, p.message) for p in caught.value.problems] == [
        ("settings", 2, "version", "versie 2013-04 van 'needs_2013' bestaat al; zet een hogere versie in deze kolom")]
    with pytest.raises(FormError) as caught:
        services.import_questionnaire(world.overijssel, (FORMS / "Ledenlijst dorpshuis 2023.xlsx").read_bytes(),
                                      "Ledenlijst dorpshuis 2023.xlsx")
    assert [(p.sheet, p.row, p.column, p.message) for p in caught.value.problems] == [
        ("settings", None, "version", "'ledenlijst-dorpshuis-2023' (naam uit de bestandsnaam) bestaat al zonder "
         "versienummer; voeg op het blad settings een kolom version toe met een hogere waarde, bijvoorbeeld 2")]


@pytest.mark.django_db
def test_the_import_command_can_skip_rows_and_lists_them(world):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("monitor_import_form", str(FORMS / "field_survey.xlsx"), "--rijen-overslaan", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[:2] == ["survey, rij 3, kolom type: GPS-locatie 'locatie' overgeslagen",
                         "survey, rij 4, kolom type: Foto 'gevel' overgeslagen"]
    assert "1 vragen" in lines[-1]
