"""The search page is built for speed (as the officers' list, ADR 0008); these tests pin down that it
still shows the same: result cards made in Python against the template markup they replaced, the
filter fields made in Python against core/forms/field.html, and a fixed number of queries."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import SimpleTestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ontmoet.directory import listing, selectors
from ontmoet.directory.forms import SearchForm
from ontmoet.places.tests.factories import MunicipalityFactory, PlaceFactory

pytestmark = pytest.mark.django_db

# The markup results.html had before the cards were made in Python.
CARD_TEMPLATE = Template("""{% load i18n %}{% for place in places %}
  <li class="directory-list__item ontmoet-card">
    <h2 class="utrecht-heading-3"><a class="utrecht-link" href="{% url 'directory:place' place.code %}">{{ place.name }}</a></h2>
    <p class="utrecht-paragraph">{{ place.kind_label }} · {% if place.city %}{{ place.city }}, {% endif %}{% translate "gemeente" %} {{ place.municipality__name }}{% if place.distance_km is not None %} · <strong>{% blocktranslate with km=place.distance_km|floatformat:1 %}{{ km }} km{% endblocktranslate %}</strong>{% endif %}</p>
    {% if place.activities %}<p class="utrecht-paragraph directory-tags">{% translate "Activiteiten" %}: {{ place.activities|join:", " }}</p>{% endif %}
    {% if place.wheelchair_accessible %}<p class="utrecht-paragraph"><span class="ontmoet-badge ontmoet-badge--ok">{% translate "rolstoeltoegankelijk" %}</span></p>{% endif %}
  </li>
{% endfor %}""")  # noqa: E501

ROWS = [
    {"pk": 1, "code": "RAA-1", "name": 'Het "Anker" & <De Brink>', "kind": "dorpshuis", "kind_label": "Dorpshuis",
     "city": "Goor <b>", "wheelchair_accessible": True, "municipality__name": "Hof & Dal",
     "activities": ["Biljarten", "Koken <en> eten"], "distance_km": 2.345},
    {"pk": 2, "code": "X_2-b", "name": "Buurthuis", "kind": "buurthuis", "kind_label": "Buurthuis", "city": "",
     "wheelchair_accessible": False, "municipality__name": "Raalte", "activities": [], "distance_km": None},
    {"pk": 3, "code": "Z3", "name": "MFA", "kind": "mfa", "kind_label": "MFA", "city": "Heino",
     "wheelchair_accessible": False, "municipality__name": "Raalte", "activities": ["Koersbal"], "distance_km": 0.04},
]


def assert_html_equal(actual, expected):
    SimpleTestCase().assertHTMLEqual(str(actual), str(expected))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_result_cards_are_the_template_markup(language):
    with translation.override(language):
        html = listing.result_items_html(ROWS)
        assert_html_equal(html, CARD_TEMPLATE.render(Context({"places": ROWS})))
    assert "&lt;De Brink&gt;" in html and "Koken &lt;en&gt; eten" in html
    if language == "nl":
        assert "2,3 km" in html  # localised like floatformat


@pytest.mark.parametrize("language", ["nl", "en"])
def test_distances_round_as_floatformat(language):
    from django.template.defaultfilters import floatformat
    from django.utils.formats import get_format

    with translation.override(language):
        for value in [0.0, 0.04, 0.05, 0.25, 2.25, 2.345, 9.95, 12.349999, 99.99, 1e-07, 123.45]:
            assert listing.one_decimal(value, get_format("DECIMAL_SEPARATOR")) == floatformat(value, 1), value


@pytest.mark.parametrize("data", [{}, {"q": "<b>dorp", "near": "Heino", "radius": "5", "kind": "dorpshuis",
                                       "day": "wo", "wheelchair": "ja", "sort": "naam"},
                                  {"radius": "0", "kind": "onzin", "municipality": "nergens", "q": "x" * 201}])
def test_search_field_groups_are_the_template_markup(world, data):
    form = SearchForm(data or None)
    form.filters()
    main, rest = str(form.main_fields_html()), str(form.filter_fields_html())
    expected_main = "".join(form[name].as_field_group() for name in SearchForm.MAIN_FIELDS)
    expected_rest = "".join(field.as_field_group() for field in form if field.name not in SearchForm.MAIN_FIELDS)
    assert_html_equal(main, expected_main)
    assert_html_equal(rest, expected_rest)
    assert all(f'name="{name}"' in main + rest for name in form.fields)
    if "municipality" in data:
        assert 'aria-invalid="true"' in rest and 'aria-invalid="true"' in main


def test_filter_choices_follow_the_register(world):
    """The option markup is reused, but a municipality that gets its first public place shows up at once."""
    before = dict(SearchForm().fields["municipality"].choices)
    assert world.raalte.code in before
    other = MunicipalityFactory(code="GM9999", name="Nieuwgemeente", province=world.overijssel)
    assert other.code not in before
    PlaceFactory(code="NEW-1", municipality=other)
    assert dict(SearchForm().fields["municipality"].choices)[other.code] == "Nieuwgemeente"
    with translation.override("en"):
        assert dict(SearchForm().fields["kind"].choices)[""].startswith("All ")
    assert dict(SearchForm().fields["kind"].choices)[""] == "Alle soorten"
    from ontmoet.places.models import Activity

    activity = Activity.objects.first()
    activity.name = "Nieuwe activiteit"
    activity.save()
    assert dict(SearchForm().fields["activity"].choices)[activity.code] == "Nieuwe activiteit"


def test_filter_fields_html_is_kept_per_combination_and_follows_the_register(world, monkeypatch):
    from ontmoet.directory import forms as search_forms
    from ontmoet.places.models import Activity

    def html(data):
        form = SearchForm(data)
        form.filters()
        return str(form.filter_fields_html())

    activity = Activity.objects.first()
    first = html({"q": "biljart", "kind": "dorpshuis", "activity": activity.code})
    assert 'value="dorpshuis" selected' in first
    made = []
    monkeypatch.setattr(search_forms, "field_group_html", lambda field: made.append(field.name) or "")
    # Other words, the same filters: the kept HTML, nothing made again.
    assert html({"q": "koersbal", "near": "Heino", "kind": "dorpshuis", "activity": activity.code}) == first
    assert made == []
    monkeypatch.undo()
    other = html({"q": "biljart", "kind": "buurthuis"})
    assert 'value="buurthuis" selected' in other and 'value="dorpshuis" selected' not in other
    # A value with an error is shown with its message, never kept.
    assert "bestaat niet" in html({"kind": "onzin"})
    assert not any("onzin" in values for lists in search_forms._register_lists.values()
                   for values in lists.filter_html if values)
    activity.name = "Nieuwe activiteit"
    activity.save()  # a new directory stamp
    assert "Nieuwe activiteit" in html({"q": "biljart", "kind": "dorpshuis", "activity": activity.code})


def test_search_page_queries_are_fixed(client, world):
    for index in range(30):
        PlaceFactory(code=f"RAA-{100 + index}", name=f"Dorpshuis {index}", municipality=world.raalte)
    counts = []
    client.get("/kaart/?q=biljart")  # the filter choices are made once per directory stamp
    for path in ["/kaart/?q=dorpshuis", "/kaart/?q=dorpshuis&pagina=2"]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert selectors.PAGE_SIZE == 20


@pytest.mark.parametrize("query", ["q=dorpshuis", "q=dorpshuiz", "q=niets+te+vinden+hier", "kind=dorpshuis", ""])
def test_counted_once_and_right(client, world, query):
    """The page's count comes from the search itself (also after a typo correction)."""
    from ontmoet.directory import services

    for index in range(3):
        PlaceFactory(code=f"RAA-{200 + index}", name=f"Dorpshuis Nummer {index}", municipality=world.raalte)
    services.rebuild_index()
    form_filters = SearchForm(dict(pair.split("=") for pair in query.split("&") if pair) or None).filters()
    expected = selectors.search_places(form_filters).entries.count()
    result = selectors.search_places(form_filters, count=True)
    assert result.count == expected == result.entries.count()
    response = client.get(f"/kaart/?{query}")
    assert response.context["page"].paginator.count == expected
