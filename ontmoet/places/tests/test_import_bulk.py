"""The import writes in bulk: the number of queries does not grow with the rows, and the history (with the
lists as they are after the change) is the one `save_place` writes per place."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ontmoet.places.models import Facility, Place

from .test_importing import csv_file, problems, run_import

pytestmark = pytest.mark.django_db


def _rows(count, name="Plek", facilities="Sport, Horeca", start=0, public="ja"):
    return [{"code": f"RAA-{n:03d}", "naam": f"{name} {n}", "soort": "buurthuis", "gemeente": "Raalte",
             "voorzieningen": facilities, "activiteiten": "Bingo", "breedtegraad": "52.39", "lengtegraad": "6.27",
             "openbaar": public} for n in range(100 + start, 100 + start + count)]


def _queries(world, rows) -> int:
    data = csv_file(rows)
    with CaptureQueriesContext(connection) as queries:
        report = run_import(world, data)
    assert report.ok and report.written, problems(report)
    return len(queries)


@pytest.fixture
def vocabulary(db):
    for name in ("Sport", "Horeca", "Bibliotheek"):
        Facility.objects.get_or_create(code=name.lower(), defaults={"name": name})
    from ontmoet.places.models import Activity

    Activity.objects.get_or_create(code="bingo", defaults={"name": "Bingo"})


def test_the_number_of_queries_does_not_grow_with_the_rows(world, vocabulary):
    """Within one batch (on SQLite a batch of places is about twenty rows: its limit on query parameters)."""
    _queries(world, _rows(1, start=90, public="nee"))  # the importer's scope is read once, then kept
    # Not public: the directory places a new public entry with a few queries each up to directory.services.MANY
    # entries, then reads all keys at once (its own bound); everything else is counted here.
    few, many = _queries(world, _rows(2, public="nee")), _queries(world, _rows(20, start=10, public="nee"))
    assert few == many, (few, many)
    # Updating: every place changed (a name, a list), few against many again.
    few_updated = _queries(world, _rows(2, name="Nieuw", facilities="Bibliotheek", public="nee"))
    many_updated = _queries(world, _rows(20, name="Nieuw", facilities="Bibliotheek", start=10, public="nee"))
    assert few_updated == many_updated, (few_updated, many_updated)
    assert Place.objects.filter(name__startswith="Nieuw").count() == 22


def test_the_history_holds_each_change_with_its_lists(world, vocabulary):
    run_import(world, csv_file(_rows(2)))
    place = Place.objects.get(code="RAA-100")
    created = place.history.get()
    assert (created.history_type, created.history_user) == ("+", world.users["province_staff"])
    assert sorted(created.facilities.values_list("facility__name", flat=True)) == ["Horeca", "Sport"]
    # The next file changes the facilities only; the activities (not in the file) stay, in the history too.
    rows = [{key: value for key, value in row.items() if key != "activiteiten"}
            for row in _rows(2, facilities="Bibliotheek")]
    report = run_import(world, csv_file(rows))
    assert report.actions == [(2, "RAA-100", "updated"), (3, "RAA-101", "updated")]
    latest, first = place.history.all()[:2]
    assert latest.history_type == "~" and latest.history_change_reason == "import plekken.csv"
    assert list(latest.facilities.values_list("facility__name", flat=True)) == ["Bibliotheek"]
    assert list(latest.activities.values_list("activity__name", flat=True)) == ["Bingo"]
    assert sorted(first.facilities.values_list("facility__name", flat=True)) == ["Horeca", "Sport"]
    assert list(place.facilities.values_list("name", flat=True)) == ["Bibliotheek"]
    assert [change.field for change in latest.diff_against(first).changes] == ["facilities"]
