"""The board's work queue and the panel on the place's page in the register."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ontmoet.accounts.scoping import get_scope
from ontmoet.agenda import dashboard

from .factories import make_activity

pytestmark = pytest.mark.django_db


def test_work_item_counts_exactly_the_activities_on_the_list_it_links_to(world, client_for, rf):
    old = timezone.now() - timedelta(days=340)
    make_activity(world.place, title="Bijna vergeten", confirmed_at=old)
    make_activity(world.place, title="Ook bijna vergeten", confirmed_at=old)
    make_activity(world.place, title="Net bevestigd")
    make_activity(world.zwolle_place, title="Andere plek", confirmed_at=old)
    user = world.users["board_member"]
    request = rf.get("/")
    request.user = user
    [item] = dashboard.work_items(request, get_scope(user))
    assert item.count == 2
    page = client_for(user).get(item.url)
    shown = [activity.title for activity in page.context["activities"] if activity.pk in page.context["stale"]]
    assert len(shown) == item.count
    assert "Net bevestigd" not in page.content.decode()


def test_place_page_in_the_register_links_to_the_agenda(world, client_for):
    make_activity(world.place)
    page = client_for(world.users["board_member"]).get(f"/plekken/{world.place.code}/").content.decode()
    assert f"/plekken/{world.place.code}/agenda/" in page
    page = client_for(world.users["other_board_member"]).get(f"/plekken/{world.zwolle_place.code}/").content.decode()
    assert "Agenda bijhouden" in page  # its own place


def test_the_start_page_leads_to_the_agenda(world, client):
    page = client.get("/").content.decode()
    assert "Wat is er te doen?" in page
    assert 'href="/kaart/agenda/?wanneer=vandaag"' in page and 'href="/kaart/agenda/"' in page
