"""The search page renders from templates and keeps what every search shares (issue 16): each place's
result card (without the distance) and the filter fields, per directory stamp and language. These tests
look at the rendered pages: what they show, that kept parts follow the register, and fixed query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from ontmoet.directory import cards, selectors, services
from ontmoet.directory.forms import SearchForm
from ontmoet.places.models import Activity
from ontmoet.places.tests.factories import MunicipalityFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def _cards(html: str) -> list[str]:
    return re.findall(r'<li class="directory-list__item ontmoet-card">(.*?)</li>', html, re.S)


def _card_of(html: str, name: str) -> str:
    (card,) = [card for card in _cards(html) if name in card]
    return card


@pytest.fixture
def anchor(world):
    place = PlaceFactory(code="RAA-9", name='Het "Anker" & <De Brink>', city="Goor <b>", kind="mfa",
                         municipality=world.raalte, latitude=52.3900, longitude=6.2700, wheelchair_accessible=True)
    place.activities.set(Activity.objects.filter(code__in=["biljarten", "koersbal"]))
    return place


def test_a_card_shows_the_place_escaped_with_its_link(client, anchor):
    html = client.get("/kaart/?q=anker").content.decode()
    card = _card_of(html, "Anker")
    assert "Het &quot;Anker&quot; &amp; &lt;De Brink&gt;" in card and "<De Brink>" not in card
    assert f'href="{reverse("directory:place", args=["RAA-9"])}"' in card
    assert "MFA (multifunctionele accommodatie) · Goor &lt;b&gt;, gemeente Raalte</p>" in card
    assert "Activiteiten: Biljarten, Koersbal" in card and "rolstoeltoegankelijk" in card
    assert " km</strong>" not in card  # no origin, no distance
    with translation.override("en"):
        client.get(reverse("core:language", args=["en"]))
        english = _card_of(client.get("/kaart/?q=anker").content.decode(), "Anker")
    assert "municipality Raalte" in english and "Activities: Billiards, Carpet bowls" in english


def test_a_kept_card_shows_the_distance_of_each_search(client, anchor):
    first = _card_of(client.get("/kaart/?q=anker&near=52.39,6.27").content.decode(), "Anker")
    assert "gemeente Raalte · <strong>0,0 km</strong></p>" in first
    # The same card, kept without its distance, in a search from elsewhere: about 0.1° of latitude north.
    with CaptureQueriesContext(connection) as queries:
        second = _card_of(client.get("/kaart/?q=anker&near=52.49,6.27&radius=50").content.decode(), "Anker")
    assert "gemeente Raalte · <strong>11,1 km</strong></p>" in second
    assert not any("directory_place_activities" in query["sql"].replace('"', "") or
                   "places_place_activities" in query["sql"].replace('"', "") for query in queries.captured_queries)
    assert first.replace("0,0 km", "11,1 km") == second


def test_kept_cards_are_read_once_per_page_and_made_only_when_missing(world, anchor, monkeypatch):
    entries = list(selectors.search_places({"q": "anker"}).entries)
    made = []
    original = selectors.result_rows
    monkeypatch.setattr(selectors, "result_rows", lambda missing: made.append(len(missing)) or original(missing))
    stamp = SearchForm().stamp
    assert [card.distance for card in cards.result_cards(entries, stamp)] == [""]
    assert cards.result_cards(entries, stamp)[0].head == cards.result_cards(entries, stamp)[0].head
    assert made == [1]  # made for the first page, kept for the others
    cards.result_cards(entries, "")  # without a stamp: made for this page only
    cards.result_cards(entries, "")
    assert made == [1, 1, 1]


def test_a_renamed_activity_shows_its_new_name_after_the_stamp_changes(client, anchor):
    assert "Biljarten" in _card_of(client.get("/kaart/?q=anker").content.decode(), "Anker")
    activity = Activity.objects.get(code="biljarten")
    activity.name = "Carambole"
    activity.save()  # a new directory stamp (directory.signals)
    html = client.get("/kaart/?q=anker&kind=mfa").content.decode()
    assert "Activiteiten: Carambole, Koersbal" in _card_of(html, "Anker")
    assert '<option value="biljarten">Carambole</option>' in html  # the filter's options too


def _filters(html: str) -> str:
    return html[html.index('<div class="ontmoet-filters">'):html.index("</details>")]


def test_the_filter_fields_show_the_values_asked_for(client, world):
    html = client.get("/kaart/?q=dorpshuis&kind=dorpshuis&day=wo&wheelchair=ja&sort=naam").content.decode()
    filters = _filters(html)
    for name, value in [("kind", "dorpshuis"), ("day", "wo"), ("wheelchair", "ja"), ("sort", "naam")]:
        select = re.search(rf'<select name="{name}".*?</select>', filters, re.S).group(0)
        assert re.findall(r'<option value="([^"]*)" selected>', select) == [value]
    assert "<details class=\"directory-filters\" open>" in html
    # Other words, the same filters: the same kept markup; other filters: their own.
    again = _filters(client.get("/kaart/?q=koersbal&near=Heeten&kind=dorpshuis&day=wo&wheelchair=ja&sort=naam")
                     .content.decode())
    assert again == filters
    other = _filters(client.get("/kaart/?q=dorpshuis&kind=buurthuis").content.decode())
    assert '<option value="buurthuis" selected>' in other and '<option value="dorpshuis" selected>' not in other


def test_a_filter_with_an_error_shows_its_message_and_is_not_kept(client, world, monkeypatch):
    from django.core.cache import caches

    kept = []
    store = caches["template_fragments"]
    original = store.set
    monkeypatch.setattr(store, "set", lambda key, *args, **kwargs: kept.append(key) or original(key, *args, **kwargs))
    filters = _filters(client.get("/kaart/?kind=onzin").content.decode())
    assert "bestaat niet" in filters and 'aria-invalid="true"' in filters
    assert not any("directory_filters" in key for key in kept)
    assert "bestaat niet" not in _filters(client.get("/kaart/?kind=dorpshuis").content.decode())
    assert any("directory_filters" in key for key in kept)


def test_the_count_and_the_page_numbers(client, world):
    for index in range(25):
        PlaceFactory(code=f"RAA-{300 + index}", name=f"Dorpshuis Teller {index}", municipality=world.raalte)
    html = client.get("/kaart/?q=teller").content.decode()
    assert "25 plekken gevonden" in html and len(_cards(html)) == 20
    second = client.get("/kaart/?q=teller&pagina=2").content.decode()
    assert len(_cards(second)) == 5 and '<ol class="directory-list" start="21">' in second


def test_filter_choices_follow_the_register(world):
    before = dict(SearchForm().fields["municipality"].choices)
    assert world.raalte.code in before
    other = MunicipalityFactory(code="GM9999", name="Nieuwgemeente", province=world.overijssel)
    assert other.code not in before
    PlaceFactory(code="NEW-1", municipality=other)
    assert dict(SearchForm().fields["municipality"].choices)[other.code] == "Nieuwgemeente"
    with translation.override("en"):
        assert dict(SearchForm().fields["kind"].choices)[""].startswith("All ")
        assert dict(SearchForm().fields["activity"].choices)[""].startswith("All ")
    assert dict(SearchForm().fields["kind"].choices)[""] == "Alle soorten"
    assert dict(SearchForm().fields["activity"].choices)[""] == "Alle activiteiten"


def test_search_page_queries_are_fixed(client, world):
    for index in range(30):
        PlaceFactory(code=f"RAA-{100 + index}", name=f"Dorpshuis {index}", municipality=world.raalte)
    counts = []
    client.get("/kaart/?q=biljart")  # the filter choices are read once per directory stamp
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
    for index in range(3):
        PlaceFactory(code=f"RAA-{200 + index}", name=f"Dorpshuis Nummer {index}", municipality=world.raalte)
    services.rebuild_index()
    form_filters = SearchForm(dict(pair.split("=") for pair in query.split("&") if pair) or None).filters()
    expected = selectors.search_places(form_filters).entries.count()
    result = selectors.search_places(form_filters, count=True)
    assert result.count == expected == result.entries.count()
    response = client.get(f"/kaart/?{query}")
    assert response.context["page"].paginator.count == expected


def _main_fields(html: str) -> str:
    return html[html.index('<div class="directory-search__main">'):html.index('<details class="directory-filters"')]


def test_the_main_fields_show_the_values_asked_for_and_are_kept_without_errors(client, world, monkeypatch):
    from django.core.cache import caches

    kept = []
    store = caches["template_fragments"]
    original = store.set
    monkeypatch.setattr(store, "set", lambda key, *args, **kwargs: kept.append(key) or original(key, *args, **kwargs))

    def main(query):
        return _main_fields(client.get(f"/kaart/?{query}").content.decode())

    def made():
        return sum("directory_main_field" in key for key in kept)

    first = main("q=%3Cb%3Ebiljart&near=Heeten&radius=5")
    assert 'value="&lt;b&gt;biljart"' in first and 'value="Heeten"' in first and 'value="5"' in first
    assert made() == 3  # each field on its own
    # The same values with other filters (another page, not in the page cache): the kept markup.
    assert main("q=%3Cb%3Ebiljart&near=Heeten&radius=5&kind=mfa") == first
    assert made() == 3
    other = main("q=koersbal&near=Heeten&radius=5")
    assert 'value="koersbal"' in other and "biljart" not in other and 'value="Heeten"' in other
    assert made() == 4  # only the words were new
    # A radius without a place: the error is shown on the place, and that field's markup is not kept.
    invalid = main("q=koersbal&radius=5")
    assert 'aria-invalid="true"' in invalid and "Vul een postcode of plaats in" in invalid
    assert made() == 4
    assert 'aria-invalid="true"' not in main("q=koersbal&near=Heeten&radius=5")
    client.get(reverse("core:language", args=["en"]))
    english = main("q=koersbal&near=Heeten&radius=5")
    assert english != other and 'value="koersbal"' in english and made() == 7


def test_a_search_reads_the_directory_stamp_once(client, anchor):
    client.get("/kaart/?q=anker")  # the filter choices and the card are then kept
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/kaart/?q=anker&near=52.39,6.27&radius=5").content.decode()
    assert "gemeente Raalte · <strong>0,0 km</strong></p>" in _card_of(html, "Anker")
    assert sum("core_contentstamp" in query["sql"] for query in queries.captured_queries) == 1
