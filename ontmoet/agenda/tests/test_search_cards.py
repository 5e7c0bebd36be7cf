"""The agenda's result cards (public.cards, jinja2/agenda/results.html): texts made in one pass read as Django's
filters would write them, in both languages, in the card and badge components' markup; the pages come from
narrow rows read in at most two parts of the window, in the same order as at once."""

import re
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.template import Context, Template, engines
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from ontmoet.agenda import public, selectors
from ontmoet.agenda.models import ActivityDate

from .factories import kind, make_activity

pytestmark = pytest.mark.django_db

EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]
FILTERS = Template("{{ at|date:'l' }} {{ at|date:'MONTH_DAY_FORMAT' }}, {{ at|time:'TIME_FORMAT' }}|"
                   "{{ end|time:'TIME_FORMAT' }}|{{ at|date:'c' }}|{{ cost|floatformat:2 }}|{{ km|floatformat:1 }}")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_card_texts_are_what_the_filters_write(client, world, language):
    tomorrow = timezone.localdate() + timedelta(days=1)
    make_activity(world.place, title="Soepmiddag", recurrence="eenmalig", starts_on=tomorrow,
                  start_time=time(14, 30), end_time=time(16, 15), cost=Decimal("2.50"),
                  description="woord " * 60)
    row = ActivityDate.objects.get(activity__title="Soepmiddag")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/kaart/agenda/?wanneer=morgen&near=52.40,6.30&radius=10")
    card = re.search(r'<li class="ontmoet-card">(.*?)</li>', response.content.decode(), re.S).group(1)
    distance = response.context["cards"][0]["distance_km"]
    with translation.override(language):
        day, end, iso, cost, km = FILTERS.render(Context({"at": row.starts_at, "end": row.ends_at,
                                                          "cost": Decimal("2.50"), "km": distance})).split("|")
    assert f'<time datetime="{iso}">{day}</time>' in card
    assert f"–<time datetime=\"{timezone.localtime(row.ends_at).isoformat()}\">{end}</time>" in card
    assert f"€ {cost}" in card and f"· {km} km" in card
    assert ("2,50" if language == "nl" else "2.50") in card
    assert card.count("woord") == 40 and "woord …" in card  # the description's first forty words


def test_a_week_read_in_two_parts_is_the_week_read_at_once(client, world, monkeypatch):
    today = timezone.localdate()
    for offset in range(7):  # one a day, the later days earlier in the day
        make_activity(world.place, title=f"Dag {offset}", recurrence="eenmalig",
                      starts_on=today + timedelta(days=offset), start_time=time(23 - offset, 0),
                      end_time=time(23 - offset, 30))
    make_activity(world.place, title="Elke dag", weekdays=EVERY_DAY, start_time=time(23, 30), end_time=time(23, 59))
    query = "/kaart/agenda/?wanneer=week&near=52.39,6.29"
    # The same search under other settings of the selectors: each answer built, none kept in the page cache.
    monkeypatch.setattr("ontmoet.core.pagecache._admitted", lambda request, key: False)

    def titles():
        return [[card["title"] for card in client.get(f"{query}&pagina={number}").context["cards"]]
                for number in (1, 2, 3)]

    monkeypatch.setattr(selectors, "PAGE_SIZE", 3)
    monkeypatch.setattr(selectors, "FIRST_DAYS", 100)  # the whole window in one query
    at_once = titles()
    for first_days, limit in [(2, 500), (2, 4), (1, 2), (3, 6)]:
        monkeypatch.setattr(selectors, "FIRST_DAYS", first_days)
        monkeypatch.setattr(selectors, "COUNT_LIMIT", limit)
        response = client.get(query)
        assert response.context["page"].paginator.count == min(limit, 14)
        assert response.context["page"].paginator.more == (limit < 14)
        if limit == 500:
            assert titles() == at_once
    monkeypatch.setattr(selectors, "COUNT_LIMIT", 500)
    flat = [title for page in at_once for title in page]
    assert flat[:2] == ["Dag 0", "Elke dag"] and flat[2:4] == ["Dag 1", "Elke dag"]


def test_pages_come_from_one_narrow_query(client, world, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_LIMIT", 3)
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    tomorrow = timezone.localdate() + timedelta(days=1)
    for hour in (9, 10, 11, 12):
        make_activity(world.place, title=f"Om {hour}", recurrence="eenmalig", starts_on=tomorrow,
                      start_time=time(hour), end_time=time(hour, 30))
    query = "/kaart/agenda/?wanneer=morgen&near=52.39,6.29"
    client.get(query)  # the first visit also reads the vocabularies for the filter fields, which are then kept
    with CaptureQueriesContext(connection) as queries:
        first = client.get(query)
    assert len(queries) == 3  # the narrow rows (count and page in one), the page's rows, the vocabulary stamp
    second = client.get(query + "&pagina=2")
    beyond = client.get(query + "&pagina=9")
    titles = [[card["title"] for card in response.context["cards"]] for response in (first, second, beyond)]
    assert titles == [["Om 9", "Om 10"], ["Om 11"], ["Om 11"]]  # three of four counted; past the end: the last
    assert first.context["page"].paginator.more and "Meer dan 3 activiteiten" in first.content.decode()
    assert "Pagina 2 van 2" in second.content.decode()


def test_the_jinja_cards_are_the_card_and_badge_components(world):
    """The cards are written out in Jinja2 for speed: their wrapper and labels must stay the components'."""
    make_activity(world.place, title="Inloop", walk_in=True, second_home=True, weekdays=EVERY_DAY,
                  start_time=time(23, 0), end_time=time(23, 59))
    world.place.wheelchair_accessible = True
    world.place.save()
    rows = list(ActivityDate.objects.select_related("activity__kind", "place")[:1])
    html = engines["jinja2"].get_template("agenda/results.html").render(
        {"cards": public.cards([selectors.card_row(row) for row in rows]), "show_place": True})
    card = render_to_string("components/card.html", {"tag": "li", "body": "BODY"})
    opening, closing = card.split("BODY")
    assert html.startswith(opening) and html.endswith(closing + "\n")
    for label, variant in [("gratis", "ok"), ("open inloop", ""), ("tweede thuis", ""),
                           ("rolstoeltoegankelijk", "ok")]:
        assert render_to_string("components/status_badge.html", {"label": label, "variant": variant}) in html


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_kind_in_the_language_on_the_search_and_the_place_page(client, world, language):
    """The search reads its cards as values and the place's panel as model rows (selectors.card_row): both
    name the kind in the language, the Dutch name where it has no English one."""
    koor = kind("koor")
    koor.name, koor.name_en = "Koor", "Choir"
    koor.save()
    make_activity(world.place, title="Zingen", kind=koor, weekdays=EVERY_DAY, start_time=time(23, 0),
                  end_time=time(23, 59))
    make_activity(world.place, title="Biljart", kind=kind("proefsoort"), weekdays=EVERY_DAY, start_time=time(23, 1),
                  end_time=time(23, 59))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    expected = {"Zingen": "Koor" if language == "nl" else "Choir", "Biljart": "Proefsoort"}
    search = client.get("/kaart/agenda/?wanneer=week").content.decode()
    place = client.get(f"/kaart/plek/{world.place.code}/").content.decode()
    for page in (search, place):
        for title, name in expected.items():
            assert re.search(rf"{title}</h3>\s*<p class=\"utrecht-paragraph\"><time[^>]*>[^<]*</time>–<time[^>]*>"
                             rf"[^<]*</time> · {name}</p>", page), (title, name)
