"""A places import that moves a place (new coordinates, written in bulk) moves the place's activity dates too."""

import pytest

from ontmoet.agenda.models import ActivityDate
from ontmoet.places.tests.test_importing import csv_file, problems, run_import

from .factories import make_activity

pytestmark = pytest.mark.django_db


def test_an_imported_move_takes_the_dates_along(world):
    make_activity(world.place)
    assert ActivityDate.objects.filter(place=world.place).exists()
    report = run_import(world, csv_file([{"code": "RAA-001", "naam": world.place.name, "soort": world.place.kind,
                                          "gemeente": "Raalte", "breedtegraad": "52.4", "lengtegraad": "6.3"}]))
    assert report.ok, problems(report)
    assert set(ActivityDate.objects.filter(place=world.place).values_list("latitude", "longitude")) == {(52.4, 6.3)}
