"""The agenda's "Wanneer": this week is ticked when nothing is chosen, a typed date is searched for whatever is
ticked, and the date a page showed gives way when another choice is ticked (forms.AgendaSearchForm)."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from .factories import make_activity

pytestmark = pytest.mark.django_db


def _ticked(html) -> list[str]:
    return re.findall(r'<input type="radio" name="wanneer" value="(\w+)"[^>]*checked', html)


def _date_input(html) -> str:
    return re.search(r'<input type="date" name="datum"[^>]*>', html).group(0)


def _titles(response) -> list[str]:
    return [card["title"] for card in response.context["cards"]]


@pytest.fixture
def days(world):
    today = timezone.localdate()
    make_activity(world.place, title="Morgen", recurrence="eenmalig", starts_on=today + timedelta(days=1))
    make_activity(world.place, title="Over tien dagen", recurrence="eenmalig", starts_on=today + timedelta(days=10))
    return today + timedelta(days=10)


def test_on_first_open_this_week_is_ticked(client, days):
    response = client.get("/kaart/agenda/")
    assert _ticked(response.content.decode()) == ["week"]
    assert _titles(response) == ["Morgen"]
    assert _ticked(client.get("/kaart/agenda/?near=8101").content.decode()) == ["week"]  # a search without a choice


def test_a_typed_date_is_searched_for_and_ticks_op_datum(client, days):
    # As the first page sends it: "Deze week" still ticked, a date typed.
    response = client.get(f"/kaart/agenda/?wanneer=week&datum={days.isoformat()}&getoond=")
    assert _titles(response) == ["Over tien dagen"]
    html = response.content.decode()
    assert _ticked(html) == ["datum"] and f'value="{days.isoformat()}"' in _date_input(html)
    assert f'<input type="hidden" name="getoond" value="{days.isoformat()}"' in html
    # With nothing ticked at all, too.
    assert _titles(client.get(f"/kaart/agenda/?datum={days.isoformat()}")) == ["Over tien dagen"]


def test_ticking_another_choice_after_a_date_search_leaves_the_date(client, days):
    shown = days.isoformat()
    response = client.get(f"/kaart/agenda/?wanneer=morgen&datum={shown}&getoond={shown}")
    assert _titles(response) == ["Morgen"]
    html = response.content.decode()
    assert _ticked(html) == ["morgen"] and not re.search(r'value="[^"]', _date_input(html))
    # A new date typed on that page is searched for, whatever is ticked.
    later = (days - timedelta(days=9)).isoformat()
    assert _titles(client.get(f"/kaart/agenda/?wanneer=week&datum={later}&getoond={shown}")) == ["Morgen"]


def test_a_date_that_does_not_exist_is_told_next_to_the_field_and_kept(client, days):
    response = client.get("/kaart/agenda/?wanneer=week&datum=31-02-2030")
    html = response.content.decode()
    assert _ticked(html) == ["datum"]
    assert 'id="id_datum_error"' in html and "Vul een geldige datum in." in html
    assert 'value="31-02-2030"' in _date_input(html)


def test_the_kept_form_follows_the_query_and_the_language(client, days):
    """The page down to the place field and the form after it are kept per filter values and language; whether
    anything was asked ("Alles wissen") and the place asked for are not part of the values and still follow."""
    bare = client.get("/kaart/agenda/?pagina=1").content.decode()  # bound, this week, nothing asked
    asked = client.get("/kaart/agenda/?wanneer=week").content.decode()  # the same values, asked for
    near = client.get("/kaart/agenda/?wanneer=week&near=8102").content.decode()
    assert "Alles wissen" not in bare and "Alles wissen" in asked and "Alles wissen" in near
    assert 'name="near" value="8102"' in near and 'value="8102"' not in asked
    for page in (bare, asked, near):
        assert page.count('<h1 class="utrecht-heading-1">Agenda: wat is er te doen?</h1>') == 1
        assert page.count('<form method="get"') == 1 and page.count("</form>") == page.count("<form")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/kaart/agenda/?wanneer=week").content.decode()
    assert "Alles wissen" not in english and "Clear all" in english and _ticked(english) == ["week"]
