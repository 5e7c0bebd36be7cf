"""Queries compiled once (core.queries) return what the ORM would, and refuse what they cannot do."""

import pytest

from ontmoet.core.queries import fixed_rows, rows_by_ids
from ontmoet.places.models import Place
from ontmoet.places.tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def _names(ids):
    return Place.objects.filter(pk__in=ids).order_by("name").values_list("pk", "name")


def test_rows_by_ids_are_the_orm_rows_for_any_ids(world):
    places = [PlaceFactory(code=f"Q-{index}", name=f"Plek {index}", municipality=world.raalte) for index in range(4)]
    for ids in ([places[0].pk], [places[2].pk, places[1].pk], [p.pk for p in places], [places[3].pk, 999999]):
        assert rows_by_ids("test.names", _names, ids) == list(_names(ids))
    assert rows_by_ids("test.names", _names, [places[1].pk, places[1].pk]) == list(_names([places[1].pk]))
    assert rows_by_ids("test.names", _names, []) == []


def test_rows_by_ids_refuses_a_query_with_other_parameters(world):
    with pytest.raises(ValueError, match="other than the ids"):
        rows_by_ids("test.other", lambda ids: _names(ids).filter(name__startswith="Plek"), [world.place.pk])


def test_fixed_rows_follow_the_data(world):
    def make():
        return Place.objects.filter(code__startswith="FIX-").order_by("code").values_list("code", flat=False)

    assert fixed_rows("test.fixed", make) == []
    PlaceFactory(code="FIX-1", municipality=world.raalte)
    assert fixed_rows("test.fixed", make) == [("FIX-1",)]


def test_values_are_converted_as_the_orm_converts_them(world):
    from django.utils import timezone

    verified = timezone.now().replace(microsecond=0)
    place = PlaceFactory(code="CONV-1", municipality=world.raalte, last_verified_at=verified,
                         wheelchair_accessible=True)

    def make(ids):
        columns = ["pk", "last_verified_at", "wheelchair_accessible", "updated_at"]
        return Place.objects.filter(pk__in=ids).values_list(*columns)

    rows = rows_by_ids("test.converted", make, [place.pk])
    assert rows == list(make([place.pk]))
    assert rows[0][1] == verified and rows[0][1].tzinfo is not None and rows[0][2] is True
