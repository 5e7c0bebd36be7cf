"""The officers' list is built for speed (ADR 0008); these tests pin down that it still shows the same.

Each shortcut is compared with what it replaced: rows made in Python with the template's markup, field
groups made in Python with core/forms/field.html, the scope without a join with `visible_places`, and
the number of queries stays fixed whatever the page shows.
"""

import re
from datetime import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation
from django.utils.html import escape

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.forms import field_group_html
from ontmoet.places import listing, selectors
from ontmoet.places.forms import PlaceFilterForm, PlaceForm
from ontmoet.places.models import Place
from ontmoet.places.tests.factories import PlaceFactory

# The row markup list.html had before the rows were made in Python.
ROW_TEMPLATE = Template("""{% for row in rows %}
    <tr class="utrecht-table__row">
      <th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="{{ row.url }}">{{ row.name }}</a>
      </th>
      <td class="utrecht-table__cell">{{ row.kind }}</td>
      <td class="utrecht-table__cell">{{ row.municipality }}</td>
      <td class="utrecht-table__cell">{{ row.city }}</td>
      <td class="utrecht-table__cell">{{ row.staffing }}</td>
      <td class="utrecht-table__cell">{{ row.status }}</td>
      <td class="utrecht-table__cell">{{ row.verified }}</td>
    </tr>{% endfor %}""")


def _template_rows(places):
    """The rows as the template version built them: display methods and Django's date format."""
    return [{
        "url": place.get_absolute_url(), "name": place.name, "kind": place.get_kind_display(),
        "municipality": place.municipality.name, "city": place.city, "staffing": place.get_staffing_display(),
        "status": place.get_status_display(),
        "verified": formats.date_format(timezone.localtime(place.last_verified_at), "j M Y")
        if place.last_verified_at else translation.gettext("nooit"),
    } for place in places]


def _page(user, **filters):
    scope = get_scope(user)
    form = PlaceFilterForm(filters, scope=scope)
    return selectors.list_page(scope, form.filters(), form.municipality_names, filters.get("pagina"))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_rows_html_is_the_template_markup(world, language, assert_html_equal):
    PlaceFactory(code="X-1", name='Het "Anker" & <De Brink>', city="Goor <b>", municipality=world.raalte,
                 kind="mfa", staffing="welzijn", status="tijdelijk_dicht",
                 last_verified_at=timezone.make_aware(datetime(2025, 3, 1, 23, 30)))
    with translation.override(language):
        _page_obj, rows, names = _page(world.users["province_staff"])
        places = Place.objects.filter(pk__in=[row[0] for row in rows]).select_related("municipality")
        by_pk = {place.pk: place for place in places}
        expected = ROW_TEMPLATE.render(Context({"rows": _template_rows(by_pk[row[0]] for row in rows)}))
        assert_html_equal(listing.rows_html(rows, names), expected)
    assert "&lt;De Brink&gt;" in listing.rows_html(rows, names)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_short_date_is_djangos_date_format(language):
    with translation.override(language):
        labels = listing._labels(language)
        for month in range(1, 13):
            moment = timezone.make_aware(datetime(2024, month, 9 + month, 23, 45))
            assert listing.short_date(moment, labels) == formats.date_format(timezone.localtime(moment), "j M Y")


@pytest.mark.parametrize("data", [{}, {"kind": "dorpshuis", "q": "<b>", "sort": "-naam"},
                                  {"kind": "onzin", "municipality": "99999", "facility": "x"}])
def test_filter_field_groups_are_the_template_markup(world, data, assert_html_equal):
    form = PlaceFilterForm(data or None, scope=get_scope(world.users["province_staff"]))
    form.filters()
    for field in form:
        assert_html_equal(field_group_html(field), field.as_field_group())
    if "municipality" in data:
        assert 'aria-invalid="true"' in form.field_groups_html()


def test_place_form_field_groups_are_the_template_markup(world, assert_html_equal):
    form = PlaceForm({"name": "", "postcode": "12"}, instance=world.place, scope=get_scope(world.users["board_member"]))
    assert not form.is_valid()
    checked = 0
    for field in form:
        if field.widget_type not in {"checkbox", "checkboxselectmultiple", "radioselect"}:
            checked += 1
        assert_html_equal(field_group_html(field), field.as_field_group())
    assert checked > 20  # text inputs, selects, textarea: with help texts, required marks and errors


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


@pytest.fixture
def assert_html_equal():
    from django.test import SimpleTestCase

    checker = SimpleTestCase()
    return lambda actual, expected: checker.assertHTMLEqual(str(actual), str(expected))


def test_escape_is_what_the_template_uses():
    assert escape("<a href='x'>&\"") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&quot;"


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
