"""Forms and components as they render: the markup comes from core/templates/components (ADR 0013)."""

import re

import pytest
from django import forms
from django.core.paginator import Paginator
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from ontmoet.core.forms import StyledFormMixin


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


class ExampleForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label="Naam", help_text="Zoals op de gevel")
    kind = forms.ChoiceField(label="Soort", choices=[("", "Kies"), ("dorpshuis", "Dorpshuis"), ("mfa", "MFA & co")])
    days = forms.MultipleChoiceField(label="Dagen", choices=[("ma", "maandag"), ("di", "dinsdag")],
                                     widget=forms.CheckboxSelectMultiple, required=False, help_text="Open op")
    agree = forms.BooleanField(label="akkoord")

    def clean(self):
        raise forms.ValidationError("Dat kan zo niet.")


def _render(source, **context):
    return Template("{% load components %}" + source).render(Context(context))


def test_a_select_shows_the_chosen_option_as_selected_once():
    html = str(ExampleForm(initial={"kind": "mfa"})["kind"])
    assert html.count(" selected") == 1 and '<option value="mfa" selected>MFA &amp; co</option>' in html
    assert 'class="utrecht-select utrecht-select--html-select"' in html


def test_field_errors_are_linked_to_their_input():
    form = ExampleForm(data={"name": "", "kind": "onbekend"})
    assert not form.is_valid()
    html = str(form)
    name_input = re.search(r'<input type="text" name="name"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in name_input
    assert 'aria-describedby="id_name_error id_name_helptext"' in name_input
    assert 'id="id_name_error"' in html and 'id="id_name_helptext"' in html
    assert 'aria-describedby="id_kind_error"' in html and 'id="id_kind_error"' in html
    assert 'class="utrecht-form-field utrecht-form-field--text ontmoet-field--invalid"' in html
    # The errors that belong to no field are summarised above the fields.
    assert html.index("Dat kan zo niet.") < html.index('name="name"')
    assert 'class="ontmoet-error-summary" role="alert"' in html


def test_choices_become_a_fieldset_and_a_checkbox_a_row():
    html = str(ExampleForm())
    fieldset = re.search(r'<fieldset class="utrecht-form-fieldset" aria-describedby="id_days_helptext">.*?</fieldset>',
                         html, re.S).group(0)
    assert '<legend class="utrecht-form-fieldset__legend">Dagen</legend>' in fieldset
    assert fieldset.count('type="checkbox"') == 2 and 'for="id_days_0">maandag</label>' in fieldset
    assert 'Akkoord</label>' in html and '<span class="ontmoet-required">(verplicht)</span>' in html


def test_the_error_summary_links_every_field_error():
    form = ExampleForm(data={})
    form.is_valid()
    html = _render('{% include "components/error_summary.html" with heading_id="fouten-x" %}', form=form)
    assert 'aria-labelledby="fouten-x"' in html and 'id="fouten-x"' in html
    assert '<a class="utrecht-link" href="#id_name">Naam</a>' in html and "Dat kan zo niet." in html
    assert _render('{% include "components/error_summary.html" %}', form=ExampleForm()) == ""


def test_pagination_keeps_the_query():
    page = Paginator(list(range(60)), 25).page(2)
    html = _render('{% include "components/pagination.html" %}', page=page, query="q=a%26b")
    assert 'href="?q=a%26b&amp;pagina=1"' in html and 'href="?q=a%26b&amp;pagina=3"' in html
    assert "Pagina 2 van 3" in html
    assert _render('{% include "components/pagination.html" %}', page=Paginator([1], 25).page(1)).strip() == ""


def test_wrapping_components_escape_what_they_are_given():
    html = _render('{% component "card" heading=title heading_id="k" %}<p>{{ text }}</p>{% endcomponent %}',
                   title="<b>Kop</b>", text="<script>x</script>")
    assert html.startswith('<section class="ontmoet-card" aria-labelledby="k"><h2 class="utrecht-heading-2" id="k">')
    assert "&lt;b&gt;Kop&lt;/b&gt;" in html and "<p>&lt;script&gt;x&lt;/script&gt;</p>" in html
    alert = _render('{% component "alert" type="error" %}<p>{{ text }}</p>{% endcomponent %}', text="Mis & fout")
    assert alert == '<div class="utrecht-alert utrecht-alert--error" role="alert"><p>Mis &amp; fout</p></div>'


def test_inline_components_have_no_surrounding_whitespace():
    badge = _render('{% include "components/status_badge.html" with label="open" variant="ok" %}')
    assert badge == '<span class="ontmoet-badge ontmoet-badge--ok">open</span>'
    button = _render('{% include "components/button.html" with label="Opslaan" %}')
    assert button == '<button class="utrecht-button utrecht-button--primary-action" type="submit">Opslaan</button>'
    link = _render('{% include "components/button.html" with label="Nieuw" href="/n/" variant="secondary-action" %}')
    assert link == '<a class="utrecht-button-link utrecht-button-link--secondary-action" href="/n/">Nieuw</a>'


def test_data_list_and_breadcrumb():
    html = _render('{% include "components/data_list.html" with items=items %}',
                   items=[("Code", "PL-1"), ("Bestuursleden", 0), ("Adres", None)])
    assert "<dt>Code</dt><dd>PL-1</dd>" in html and "<dd>0</dd>" in html and "<dt>Adres</dt><dd>–</dd>" in html
    crumbs = _render('{% include "components/breadcrumb.html" with items=items %}',
                     items=[{"label": "Start", "url": "/"}, {"label": "Plekken", "url": "/plekken/"}])
    assert crumbs.count('aria-current="page"') == 1 and 'href="/plekken/" aria-current="page">Plekken' in crumbs


def test_a_component_needs_a_name_and_named_arguments():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load components %}{% component %}{% endcomponent %}")
    with pytest.raises(TemplateSyntaxError):
        Template('{% load components %}{% component "card" "x" %}{% endcomponent %}')


@pytest.mark.parametrize("widget, value", [
    (forms.Select(choices=[("", "Kies"), ("a", "A & B"), (1, "Een")]), "a"),
    (forms.Select(choices=[("", "Kies"), ("a", "A")], attrs={"class": "x", "required": True}), None),
    (forms.Select(choices=[("Kosten", [("huur", "Huur"), ("energie", "Energie")]), ("overig", "Overig")]), "energie"),
    (forms.SelectMultiple(choices=[("a", "A"), ("b", "B"), ("c", "C")]), ["a", "c"]),
    (forms.NullBooleanSelect(), True),
])
def test_selects_render_as_django_renders_them(widget, value):
    from django.forms.renderers import DjangoTemplates

    def tags(html):  # the same elements, attributes and text; line breaks between tags do not count
        return re.sub(r">\s+<", "><", str(html))

    ours = widget.render("veld", value, {"id": "id_veld"})  # core/templates/django/forms/widgets/select.html
    assert tags(ours) == tags(widget.render("veld", value, {"id": "id_veld"}, renderer=DjangoTemplates()))
