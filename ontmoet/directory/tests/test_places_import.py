"""A places import writes in bulk, without post_save: the directory still indexes what it wrote, at once."""

import pytest

from ontmoet.directory.models import SearchEntry
from ontmoet.places.tests.test_importing import csv_file, problems, run_import

pytestmark = pytest.mark.django_db


def test_imported_places_are_in_the_directory_and_renamed_ones_too(world):
    rows = [{"code": f"RAA-{n}", "naam": f"Buurthuis Nummer {n}", "soort": "buurthuis", "gemeente": "Raalte"}
            for n in range(200, 205)] + [{"code": "RAA-001", "naam": "Dorpshuis De Eik", "soort": "dorpshuis",
                                          "gemeente": "Raalte"}]
    report = run_import(world, csv_file(rows))
    assert report.ok, problems(report)
    names = dict(SearchEntry.objects.values_list("place__code", "name"))
    assert names["RAA-204"] == "Buurthuis Nummer 204" and names["RAA-001"] == "Dorpshuis De Eik"
