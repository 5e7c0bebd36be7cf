"""Forms and components as they render: the markup comes from core/templates/components (ADR 0013)."""

import re

import pytest
from django import forms
from django.core.paginator import Paginator
from django.template import Context, Template, TemplateSyntaxError

from ontmoet.core.forms import StyledFormMixin


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



@pytest.mark.parametrize("widget, value", [
    (forms.TextInput(attrs={"type": "search", "autocomplete": "off", "class": "a & b"}), 'zoek "dit" & dat'),
    (forms.NumberInput(attrs={"step": "any", "inputmode": "decimal", "required": True, "disabled": False}), 2.5),
    (forms.EmailInput(attrs={"autocomplete": "email"}), "a@example.nl"),
    (forms.DateInput(), None),
    (forms.PasswordInput(render_value=True), "geheim"),
    (forms.URLInput(), ""),
])
def test_inputs_render_as_django_renders_them(widget, value):
    """text.html, number.html and input.html are Django's written as one template each (fewer includes)."""
    from django.forms.renderers import DjangoTemplates

    ours = widget.render("veld", value, {"id": "id_veld"})  # core/templates/django/forms/widgets/
    assert ours.strip() == widget.render("veld", value, {"id": "id_veld"}, renderer=DjangoTemplates()).strip()

def test_a_table_gets_its_headings_from_columns():
    html = _render('{% columns "Plek" "Uren" numeric="2" as headers %}'
                   '{% component "table" caption=caption headers=headers %}<tr><td>x</td></tr>{% endcomponent %}',
                   caption="Uren & plekken")
    assert html.startswith('<div class="ontmoet-table-wrap"><table class="utrecht-table">')
    assert '<caption class="ontmoet-visually-hidden">Uren &amp; plekken</caption>' in html
    assert '<th class="utrecht-table__header-cell" scope="col">Plek</th>' in html
    assert '<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">Uren</th>' in html
    assert '<tbody class="utrecht-table__body"><tr><td>x</td></tr></tbody>' in html


def test_a_wide_table_is_a_focusable_region_with_a_styled_caption():
    html = _render('{% component "table" caption="Bellijst" caption_visible=True region_label="Bellijst" '
                   'caption_classes="utrecht-table__caption" classes="utrecht-table--html-table" %}{% endcomponent %}')
    assert '<div class="ontmoet-table-wrap" tabindex="0" role="region" aria-label="Bellijst">' in html
    assert '<table class="utrecht-table utrecht-table--html-table">' in html
    assert '<caption class="utrecht-table__caption">Bellijst</caption>' in html and "<thead" not in html
    hidden = _render('{% component "table" caption="X" caption_classes="utrecht-table__caption" %}{% endcomponent %}')
    assert '<caption class="utrecht-table__caption ontmoet-visually-hidden">X</caption>' in hidden


def test_a_component_sees_only_its_own_parameters():
    # A page's own `variant`, `tag`, `role` or `body` must not change the component's markup.
    context = {"variant": "attention", "tag": "article", "role": "handler", "heading": "Pagina", "classes": "x"}
    card = _render('{% component "card" %}<p>in</p>{% endcomponent %}', **context)
    assert card == '<section class="ontmoet-card"><p>in</p></section>'
    alert = _render('{% component "alert" %}<p>in</p>{% endcomponent %}', **context)
    assert alert == '<div class="utrecht-alert utrecht-alert--info" role="status"><p>in</p></div>'
    group = _render('{% component "button_group" %}{% include "components/button.html" with label="Ok" only %}'
                    '{% endcomponent %}', **context)
    assert group == ('<div class="ontmoet-actions"><button class="utrecht-button utrecht-button--primary-action" '
                     'type="submit">Ok</button></div>')


def test_a_button_link_keeps_its_query_and_a_button_its_name_and_value():
    link = _render('{% include "components/button.html" with href="/export/" query=query label="Excel" only %}',
                   query="jaar=2026&status=open")
    assert link.endswith('href="/export/?jaar=2026&amp;status=open">Excel</a>')
    button = _render('{% include "components/button.html" with label="Afkeuren" name="decision" value="reject" '
                     'variant="secondary-action" only %}')
    assert 'type="submit" name="decision" value="reject">Afkeuren</button>' in button


def test_a_fieldset_names_its_group_and_shows_its_errors():
    html = _render('{% component "fieldset" legend="Wat wilt u doen?" required=True hint="Kies er een" hint_id="h" '
                   'errors=errors %}<ul></ul>{% endcomponent %}', errors=["Kies een status."])
    assert '<fieldset class="utrecht-form-fieldset ontmoet-field--invalid" aria-describedby="h">' in html
    assert 'Wat wilt u doen? <span class="ontmoet-required">(verplicht)</span></legend>' in html
    assert '<p class="utrecht-form-field-description" id="h">Kies er een</p>' in html
    assert '<p class="utrecht-form-field-error-message ontmoet-field__error">Kies een status.</p>' in html


def test_an_alert_with_a_message_and_a_status_badge_escape_their_text():
    alert = _render('{% include "components/alert.html" with type="info" role="note" message=text only %}',
                    text="<b>voorbeeld</b>")
    assert alert == ('<div class="utrecht-alert utrecht-alert--info" role="note"><p class="utrecht-paragraph">'
                     '&lt;b&gt;voorbeeld&lt;/b&gt;</p></div>')
    badge = _render('{% include "components/status_badge.html" with label=text only %}', text="<i>open</i>")
    assert badge == '<span class="ontmoet-badge">&lt;i&gt;open&lt;/i&gt;</span>'
