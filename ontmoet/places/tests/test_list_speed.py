"""The officers' list is built for speed (ADR 0008) and renders from templates (issue 16); these tests
look at the rendered page: what a row shows, the filters asked for, the scope without a join against
`visible_places`, and a number of queries that stays fixed whatever the page shows.
"""

import re
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from ontmoet.accounts.scoping import get_scope
from ontmoet.places import selectors
from ontmoet.places.choices import Staffing, Status
from ontmoet.places.forms import PlaceFilterForm
from ontmoet.places.models import Place
from ontmoet.places.tests.factories import PlaceFactory


def _rows(html: str) -> list[str]:
    body = html[html.index('<tbody class="utrecht-table__body">'):html.index("</tbody>")]
    return re.findall(r'<tr class="utrecht-table__row">(.*?)</tr>', body, re.S)


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]


def test_a_row_shows_the_place_escaped_with_labels_and_link(world, client_for):
    PlaceFactory(code="X-1", name='Het "Anker" & <De Brink>', city="Goor <b>", municipality=world.raalte,
                 kind="mfa", staffing="welzijn", status="tijdelijk_dicht",
                 last_verified_at=timezone.make_aware(datetime(2025, 3, 1, 23, 30)))
    client = client_for(world.users["province_staff"])
    (row,) = [row for row in _rows(client.get("/plekken/?q=Anker").content.decode()) if "Anker" in row]
    assert _cells(row) == [
        '<a class="utrecht-link" href="/plekken/X-1/">Het &#34;Anker&#34; &amp; &lt;De Brink&gt;</a>',
        "MFA (multifunctionele accommodatie)", "Raalte", "Goor &lt;b&gt;", str(Staffing("welzijn").label),
        str(Status("tijdelijk_dicht").label), "1 mrt. 2025"]
    never = [row for row in _rows(client.get("/plekken/?sort=naam").content.decode()) if "Wijkcentrum" in row]
    assert _cells(never[0])[-1] == "nooit"
    from django.urls import reverse

    client.get(reverse("core:language", args=["en"]))
    (english,) = [row for row in _rows(client.get("/plekken/?q=Anker").content.decode()) if "Anker" in row]
    with translation.override("en"):
        closed = str(Status("tijdelijk_dicht").label)
    assert _cells(english)[-1] == "1 March 2025" and _cells(english)[5] == closed != "Tijdelijk dicht"


def _filters(html: str) -> str:
    start = html.index('<form method="get" class="ontmoet-filters"')
    return html[start:html.index("</form>", start)]


def test_the_filters_show_the_values_asked_for_and_are_kept_without_errors(world, client_for, monkeypatch):
    from django.core.cache import caches

    kept = []
    store = caches["template_fragments"]
    original = store.set

    def kept_filters(key, *args, **kwargs):
        if "places_filter" in key:
            kept.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(store, "set", kept_filters)
    client = client_for(world.users["province_staff"])
    filters = _filters(client.get("/plekken/?kind=buurthuis&sort=-naam&q=%3Cb%3E").content.decode())
    assert re.search(r'<option value="buurthuis" selected>', filters)
    assert re.search(r'<option value="-naam" selected>', filters)
    assert 'value="&lt;b&gt;"' in filters
    assert len(kept) == 9  # each of the nine selects kept on its own
    assert _filters(client.get("/plekken/?kind=buurthuis&sort=-naam&q=%3Cb%3E").content.decode()) == filters
    other_words = _filters(client.get("/plekken/?kind=buurthuis&sort=-naam&q=linde").content.decode())
    assert 'value="linde"' in other_words and other_words.replace('"linde"', '"&lt;b&gt;"') == filters
    assert len(kept) == 9  # the same choices, other words: the kept markup
    invalid = _filters(client.get("/plekken/?kind=onzin&municipality=99999").content.decode())
    assert 'aria-invalid="true"' in invalid and len(kept) == 9  # a field with an error: not kept
    # Another scope has other municipalities: its own markup.
    officer = _filters(client_for(world.users["municipal_officer"]).get("/plekken/?kind=buurthuis&sort=-naam&q=%3Cb%3E")
                       .content.decode())
    assert "Zwolle" in filters and "Zwolle" not in officer and len(kept) == 10  # only the municipalities
    # Another value of one filter makes only that select anew.
    client.get("/plekken/?kind=dorpshuis&sort=-naam&q=x")
    assert len(kept) == 11


def test_a_renamed_facility_shows_in_the_filters(world, client_for):
    from ontmoet.places.models import Facility

    client = client_for(world.users["province_staff"])
    client.get("/plekken/")
    facility = Facility.objects.get(pk=1)
    facility.name = "Nieuwe voorziening"
    facility.save()
    assert "Nieuwe voorziening</option>" in _filters(client.get("/plekken/").content.decode())


@pytest.mark.parametrize("role", ["province_admin", "province_staff", "other_province_staff", "municipal_officer",
                                  "other_municipal_officer", "board_member", "expert"])
def test_list_scope_is_visible_places(world, role):
    scope = get_scope(world.users[role])
    form = PlaceFilterForm(None, scope=scope)
    assert set(selectors.list_scope(scope, form.municipality_names)) == set(selectors.visible_places(scope))


def test_list_scope_of_superuser_is_everything(world):
    user = world.users["expert"]
    user.is_superuser = True
    user.save()
    scope = get_scope(type(user).objects.get(pk=user.pk))
    assert selectors.list_scope(scope, {}).count() == Place.objects.count() == 3


def test_officer_who_is_also_board_member_sees_own_place_with_its_municipality(world, client_for):
    from ontmoet.accounts.roles import Role
    from ontmoet.accounts.services import assign_role

    officer = world.users["municipal_officer"]  # Raalte
    assign_role(officer, Role.BOARD_MEMBER, world.gelderland_place)
    page = client_for(officer).get("/plekken/?sort=gemeente").content.decode()
    assert "Buurthuis Apeldoorn" in page and "Apeldoorn</td>" in page and "Dorpshuis De Linde" in page


@pytest.mark.parametrize("query", ["", "?q=Dorpshuis", "?kind=buurthuis&sort=-gewijzigd&pagina=2",
                                   "?facility=1&sort=gemeente", "?status=actief&verified=verouderd&sort=bevestigd"])
def test_list_queries_do_not_grow_with_the_page_size(world, client_for, query):
    """1 row or 25 rows on the page: the same number of queries (no query per row)."""
    client = client_for(world.users["province_staff"])

    def count():
        client.get("/plekken/" + query)  # the filter form's names are then kept (selectors.filter_names)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/plekken/" + query)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    from ontmoet.places.models import Facility

    def add(number):
        for place in PlaceFactory.create_batch(number, municipality=world.raalte, name="Dorpshuis Test",
                                               kind="buurthuis", last_verified_at=None):
            place.facilities.add(Facility.objects.get(pk=1))

    add(1)
    few, page_html = count()
    assert page_html.count('<tr class="utrecht-table__row">') >= 2  # header row + at least one place
    add(60)
    many, page_html = count()
    assert page_html.count('<tr class="utrecht-table__row">') == 26  # header row + a full page
    assert many == few <= 12


def test_longest_unverified_sort_puts_never_verified_first(world, client_for):
    Place.objects.filter(pk=world.place.pk).update(last_verified_at=timezone.now() - timezone.timedelta(days=800))
    page = client_for(world.users["province_staff"]).get("/plekken/?sort=bevestigd").content.decode()
    assert page.index("Wijkcentrum Zwolle-Zuid") < page.index("Dorpshuis De Linde")  # never before 800 days ago


def test_import_refreshes_planner_statistics(world):
    from pathlib import Path

    from ontmoet.places.importing import import_places

    example = Path(__file__).resolve().parents[3] / "docs" / "examples" / "plekken-voorbeeld.csv"
    user = world.users["province_staff"]
    with CaptureQueriesContext(connection) as queries:
        report = import_places(example.name, example.read_bytes(), get_scope(user), user)
    assert report.ok
    analyzed = [q["sql"] for q in queries.captured_queries if re.match(r"ANALYZE\b", q["sql"])]
    assert any(Place._meta.db_table in sql for sql in analyzed)


def test_vocabulary_names_are_the_orm_query(db):
    from ontmoet.places.models import Activity, Facility

    for model in (Facility, Activity):
        assert selectors.vocabulary_names(model) == list(model.objects.values_list("pk", "name"))
    Facility.objects.create(code="nieuw", name="Aaa nieuw", order=0)  # a change shows at once: nothing cached
    assert selectors.vocabulary_names(Facility) == list(Facility.objects.values_list("pk", "name"))


@pytest.mark.django_db
def test_text_search_can_use_the_trigram_indexes_on_postgresql(world):
    """Migration 0005: on PostgreSQL the list's text search is answered from trigram indexes (the
    index expressions match the SQL Django writes); on SQLite the migration creates nothing."""
    queryset = selectors.filter_places(Place.objects.all(), {"q": "Linde"}).values_list("pk", flat=True)
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'places_trgm_%'")
            assert cursor.fetchall() == []
            return
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'places_trgm_%' ORDER BY 1")
        assert [row[0] for row in cursor.fetchall()] == [
            "places_trgm_city", "places_trgm_code", "places_trgm_name", "places_trgm_neighbourhood",
            "places_trgm_postcode"]
        sql, params = queryset.query.sql_with_params()
        # A test table is tiny and the list's btree indexes cover these columns: leave the planner only
        # bitmap scans, so that the plan shows whether the trigram indexes match Django's SQL.
        for setting in ["enable_seqscan", "enable_indexscan", "enable_indexonlyscan"]:
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for column in ["name", "code", "city", "neighbourhood", "postcode"]:
        assert f"places_trgm_{column}" in plan, plan
    assert list(queryset) == [world.place.pk]


def test_filter_names_are_kept_until_a_municipality_or_vocabulary_changes(world, client_for):
    """The filter form's names are read once per content stamp; a change shows on the next page."""
    from ontmoet.places.models import Activity, Facility

    client = client_for(world.users["province_staff"])
    client.get("/plekken/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/plekken/").status_code == 200
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert '"places_facility"' not in tables and '"places_activity"' not in tables

    Facility.objects.create(code="sauna", name="Sauna <nieuw>", order=99)
    activity = Activity.objects.first()
    activity.name = "Koersbal voor iedereen"
    activity.save()
    world.raalte.name = "Raalte-Dorp"
    world.raalte.save()
    page = client.get("/plekken/").content.decode()
    assert "Sauna &lt;nieuw&gt;</option>" in page
    assert "Koersbal voor iedereen</option>" in page
    assert "Raalte-Dorp</option>" in page
    Facility.objects.filter(code="sauna").get().delete()
    assert "Sauna" not in client.get("/plekken/").content.decode()


def test_a_lists_count_and_page_are_kept_until_a_place_changes(world, client_for):
    """Paging back to a filter reads only its 25 rows; any write to a place shows on the next page."""
    from ontmoet.places.models import Facility

    world.zwolle_place.facilities.add(Facility.objects.get(pk=1))
    client = client_for(world.users["province_staff"])
    url = "/plekken/?facility=1"
    first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).content.decode()
    sql = [query["sql"] for query in queries.captured_queries]
    assert _rows(again) == _rows(first)
    assert not any("COUNT(" in query or "places_place_facilities" in query for query in sql)
    assert "Wijkcentrum Zwolle-Zuid" in first and "Dorpshuis De Linde" not in first

    world.place.facilities.add(Facility.objects.get(pk=1))  # an m2m write: a new "places" stamp
    assert "Dorpshuis De Linde" in client.get(url).content.decode()
    place = world.place
    place.name = "Dorpshuis De Grote Linde"
    place.save()
    assert "Dorpshuis De Grote Linde" in client.get(url).content.decode()
    place.delete()
    assert "Dorpshuis De Grote Linde" not in client.get(url).content.decode()


def test_another_scope_or_filter_has_its_own_kept_list(world, client_for):
    province = client_for(world.users["province_staff"]).get("/plekken/?kind=wijkcentrum").content.decode()
    officer = client_for(world.users["municipal_officer"]).get("/plekken/?kind=wijkcentrum").content.decode()
    assert "Wijkcentrum Zwolle-Zuid" in province and "Wijkcentrum Zwolle-Zuid" not in officer
    everything = client_for(world.users["municipal_officer"]).get("/plekken/").content.decode()
    assert "Dorpshuis De Linde" in everything


def test_a_kept_count_pages_without_counting_again(world, client_for, monkeypatch):
    """The count of a filter is kept from its first page: a second page reads its own ids, and a page
    visited before reads neither (no COUNT, no id query), with the same rows as when it was first shown."""
    PlaceFactory.create_batch(30, municipality=world.raalte, kind="buurthuis", name="Buurthuis Teller")
    client = client_for(world.users["province_staff"])
    first = client.get("/plekken/?kind=buurthuis").content.decode()
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/plekken/?kind=buurthuis&pagina=2").content.decode()
    sql = [query["sql"] for query in queries.captured_queries]
    assert not any("COUNT(" in query for query in sql)
    assert any("ORDER BY" in query and "LIMIT 25 OFFSET 25" in query for query in sql)
    assert "Pagina 2 van 2" in second and len(_rows(first)) == 25
    assert len(_rows(second)) >= 5 and not set(_rows(second)) & set(_rows(first))
    built = []
    original = selectors.filter_places
    monkeypatch.setattr(selectors, "filter_places", lambda *args: built.append(args) or original(*args))
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/plekken/?kind=buurthuis&pagina=2").content.decode()
    assert _rows(again) == _rows(second)
    assert built == []  # count and page kept: the query is not even built
    assert not any("COUNT(" in query["sql"] or "OFFSET" in query["sql"] for query in queries.captured_queries)
