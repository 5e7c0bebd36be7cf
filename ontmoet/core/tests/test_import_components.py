"""The one shape of every import page: components/import_form.html and components/import_report.html, used by
the register's, the agenda's, the monitor's and the Sociale Hypotheek's imports."""

import re
from pathlib import Path

from django import forms
from django.template import Context, Template

from ontmoet.core.forms import StyledFormMixin
from ontmoet.core.tabular import ImportReport

PACKAGE = Path(__file__).resolve().parents[2]


class UploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label="Bestand (CSV of XLSX)")


def _render(source, **context):
    return Template("{% load components %}" + source).render(Context(context))


def test_the_form_posts_the_file_with_the_token_and_one_button():
    html = _render('{% include "components/import_form.html" with form=form csrf_token=token only %}',
                   form=UploadForm(), token="abc123")
    assert '<form method="post" enctype="multipart/form-data" class="ontmoet-form">' in html
    assert 'name="csrfmiddlewaretoken" value="abc123"' in html
    assert 'type="file" name="file"' in html
    assert re.search(r'<div class="ontmoet-actions"><button class="utrecht-button utrecht-button--primary-action" '
                     r'type="submit">Controleren en importeren</button></div>', html)
    own = _render('{% include "components/import_form.html" with form=form label="Importeren" only %}',
                  form=UploadForm())
    assert ">Importeren</button>" in own and "Controleren" not in own


def test_a_refused_file_shows_its_problems_and_every_row_problem_in_a_table():
    report = ImportReport(file_problems=["Kolom <naam> ontbreekt."])
    report.add(3, "gemeente", "Niet in uw gebied.")
    report.add(5, "naam", "Vul een naam in.")
    html = _render('{% include "components/import_report.html" with report=report only %}', report=report)
    assert '<section class="ontmoet-import-report" aria-labelledby="kop-verslag">' in html
    assert '<h2 class="utrecht-heading-2" id="kop-verslag">Verslag</h2>' in html
    assert ('class="utrecht-alert utrecht-alert--error" role="note"><p class="utrecht-paragraph">Kolom &lt;naam&gt;'
            in html)
    assert "2 fouten gevonden. Er is niets opgeslagen." in html
    assert "<caption class=\"ontmoet-visually-hidden\">Fouten per rij</caption>" in html
    assert ">Rij</th>" in html and ">Kolom</th>" in html and ">Wat moet anders</th>" in html
    assert '<td class="utrecht-table__cell">3</td><td class="utrecht-table__cell">gemeente</td>' in html
    assert "Verwerkte rijen" not in html  # nothing was written


def test_a_written_file_lists_each_row_with_its_item_and_result():
    report = ImportReport(actions=[(2, "RAA-002", "created"), (3, "RAA-003", "unchanged")], written=True)
    html = _render('{% include "components/import_report.html" with report=report item="Code" only %}',
                   report=report)
    assert "Verwerkte rijen" in html and ">Code</th>" in html and "fout" not in html
    assert ('<td class="utrecht-table__cell">2</td><td class="utrecht-table__cell">RAA-002</td>'
            '<td class="utrecht-table__cell">nieuw</td>') in html
    assert ">ongewijzigd</td>" in html
    named = _render('{% include "components/import_report.html" with report=report only %}', report=report)
    assert ">Naam</th>" in named  # the default heading of the item column


def test_a_page_adds_how_the_file_was_read_under_the_file_problems():
    report = ImportReport(file_problems=["Geen kolom respondent."])
    html = _render('{% component "import_report" report=report %}<p class="utrecht-paragraph">{{ note }}</p>'
                   '{% endcomponent %}', report=report, note="Overgeslagen: <start>")
    assert html.index("Geen kolom respondent.") < html.index("Overgeslagen: &lt;start&gt;")


def test_every_import_page_uses_the_components():
    pages = sorted(PACKAGE.glob("*/templates/*/import.html"))
    assert {page.parent.parent.parent.name for page in pages} >= {"places", "agenda", "monitor", "grants"}
    for page in pages:
        source = page.read_text()
        assert "components/import_form.html" in source, page
        assert "import_report" in source and "<table" not in source and "<form" not in source, page
