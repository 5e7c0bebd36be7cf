"""The list of booking requests filters as the other work lists do: one filter box (components), a status that
does not exist told next to the field, and a way back to the whole list."""

import pytest

from ontmoet.rooms.models import BookingRequest

from .factories import make_request, make_room

pytestmark = pytest.mark.django_db

URL = "/plekken/boekingsaanvragen/"


def test_the_requests_filter_by_status_in_the_shared_filter_box(world, client_for):
    make_request(make_room(world.place))
    client = client_for(world.users["board_member"])
    html = client.get(URL).content.decode()
    start = html.index('<form method="get"')
    form = html[start:html.index("</form>", start)]
    assert 'class="ontmoet-filters" role="search" aria-label="Boekingsaanvragen filteren"' in form
    assert '<label class="utrecht-form-label" for="id_status">Status</label>' in form
    assert 'class="utrecht-button utrecht-button--primary-action" type="submit">Filteren</button>' in form
    assert "Wis filters" not in form
    assert len(client.get(URL).context["rows"]) == 1
    declined = client.get(URL, {"status": "afgewezen"})
    assert declined.context["rows"] == [] and 'href="/plekken/boekingsaanvragen/">Wis filters</a>' in \
        declined.content.decode()
    assert len(client.get(URL, {"status": "aangevraagd"}).context["rows"]) == 1


def test_a_status_that_does_not_exist_is_told_and_not_used(world, client_for):
    make_request(make_room(world.place))
    response = client_for(world.users["board_member"]).get(URL, {"status": "weg"})
    html = response.content.decode()
    assert 'id="id_status_error"' in html and "Kies een status uit de lijst." in html
    assert len(response.context["rows"]) == BookingRequest.objects.count() == 1
