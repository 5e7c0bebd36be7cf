"""The Python-rendered select gives the same options and selection as Django's own Select."""

import re

from django import forms

from ontmoet.core.widgets import FastSelect

OPTION = re.compile(r'<option value="([^"]*)"( selected)?>([^<]*)</option>')
CHOICES = [("", "Alle"), ("a", "Één & twee"), ("b", "<script>x</script>"), (3, "Drie")]


def _options(html: str):
    return [(value, bool(selected), label) for value, selected, label in OPTION.findall(html.replace("\n", ""))]


def test_same_options_as_django_select():
    for value in ["", "a", "3", None, "onbekend"]:
        django_html = forms.Select(choices=CHOICES).render("veld", value, {"id": "id_veld"})
        fast_html = FastSelect(choices=CHOICES).render("veld", value, {"id": "id_veld"})
        assert _options(fast_html) == _options(django_html), value
        assert 'name="veld"' in fast_html and 'id="id_veld"' in fast_html


def test_labels_and_values_are_escaped():
    html = FastSelect(choices=CHOICES).render("veld", "b")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Één &amp; twee" in html


def test_grouped_choices_fall_back_to_django_rendering():
    grouped = [("Groep", [("x", "X"), ("y", "Y")])]
    html = FastSelect(choices=grouped).render("veld", "y")
    assert '<optgroup label="Groep">' in html and 'value="y" selected' in html


def test_prepared_choices_render_like_django_and_are_kept_as_they_are():
    from ontmoet.core.widgets import PreparedChoices

    prepared = PreparedChoices(CHOICES)
    field = forms.ChoiceField(choices=prepared, widget=FastSelect)
    assert field.choices is prepared and field.widget.choices is prepared  # no copy per form
    for value in ["", "a", "3", None, "onbekend"]:
        django_html = forms.Select(choices=CHOICES).render("veld", value, {"id": "id_veld"})
        assert _options(FastSelect(choices=prepared).render("veld", value, {"id": "id_veld"})) == _options(django_html)
    assert field.clean("3") == "3" and list(prepared) == [("", "Alle"), ("a", "Één & twee"),
                                                         ("b", "<script>x</script>"), (3, "Drie")]


def test_fast_inputs_are_djangos_input_markup():
    from django.test import SimpleTestCase
    from django.utils.safestring import mark_safe

    from ontmoet.core.widgets import FastEmailInput, FastNumberInput, FastTextInput, FastURLInput

    checker = SimpleTestCase()
    attrs = {"id": "id_veld", "class": "a b", "required": True, "disabled": False, "maxlength": 20,
             "data-x": '"<&>"', "aria-describedby": "id_veld_error"}
    for slow, fast in [(forms.TextInput, FastTextInput), (forms.NumberInput, FastNumberInput),
                       (forms.EmailInput, FastEmailInput), (forms.URLInput, FastURLInput)]:
        for widget_attrs in [None, {"type": "search", "autocomplete": "off"}, {"step": "any"}]:
            for value in [None, "", "a & <b>", 3.5, 0, mark_safe("&amp;")]:
                expected = slow(attrs=widget_attrs).render("veld", value, attrs)
                actual = fast(attrs=widget_attrs).render("veld", value, attrs)
                checker.assertHTMLEqual(actual, expected)
                assert actual == expected.strip(), (actual, expected)


def test_prepared_choices_are_made_once_per_list():
    from ontmoet.core.widgets import prepared_choices

    first = prepared_choices([("", "Alle"), ("a", "A & B")])
    assert prepared_choices([("", "Alle"), ("a", "A & B")]) is first
    assert prepared_choices([("", "All"), ("a", "A & B")]) is not first
    assert first.options[1] == ("a", '<option value="a"', ">A &amp; B</option>")
