"""The board's list of responses filters as the other work lists do: one filter box (components), a status
that does not exist told next to the field, and a way back to the whole list."""

import re

import pytest

from .factories import make_response, make_vacancy

pytestmark = pytest.mark.django_db

URL = "/vacatures/reacties/"


def _names(html) -> list[str]:
    return re.findall(r'<a class="utrecht-link" href="/vacatures/reacties/\d+/">([^<]+)</a>', html)


def test_the_responses_filter_by_status_in_the_shared_filter_box(world, client_for):
    vacancy = make_vacancy(world.place)
    make_response(vacancy, name="Wacht Nog")
    client = client_for(world.users["board_member"])
    html = client.get(URL).content.decode()
    start = html.index('<form method="get"')
    form = html[start:html.index("</form>", start)]
    assert 'class="ontmoet-filters" role="search" aria-label="Reacties filteren"' in form
    assert '<label class="utrecht-form-label" for="id_status">Status</label>' in form
    assert 'class="utrecht-select utrecht-select--html-select"' in form
    assert 'class="utrecht-button utrecht-button--primary-action" type="submit">Filteren</button>' in form
    assert "Wis filters" not in form and _names(html) == ["Wacht Nog"]
    answered = client.get(URL, {"status": "answered"}).content.decode()
    assert _names(answered) == [] and 'href="/vacatures/reacties/">Wis filters</a>' in answered
    assert '<option value="answered" selected>' in answered
    assert _names(client.get(URL, {"status": "new"}).content.decode()) == ["Wacht Nog"]


def test_a_status_that_does_not_exist_is_told_and_not_used(world, client_for):
    make_response(make_vacancy(world.place), name="Wacht Nog")
    html = client_for(world.users["board_member"]).get(URL, {"status": "weg"}).content.decode()
    assert 'id="id_status_error"' in html and "Kies een status uit de lijst." in html
    assert _names(html) == ["Wacht Nog"]
