"""The kaart's "open op dag" follows the agenda once per transaction: an import of many activities refreshes each
place's days once, after it commits, and a rolled-back write refreshes nothing (services._days_changed)."""

import pytest
from django.db import transaction
from django.utils import timezone

from ontmoet.accounts.scoping import get_scope
from ontmoet.agenda import importing, services
from ontmoet.agenda.directory import activity_days_changed
from ontmoet.agenda.models import Activity
from ontmoet.directory.models import SearchEntry
from ontmoet.places.tests.factories import PlaceFactory

from .factories import kind, make_activity

pytestmark = [pytest.mark.django_db, pytest.mark.real_on_commit]

HEADER = "plek;naam;soort;wanneer;eerste datum;begintijd;eindtijd"
DAYS = ["ma", "di", "wo", "do", "vr"]


@pytest.fixture
def sent():
    """Each sending of the seam's signal, as the place ids it names (None: every place)."""
    calls = []

    def receiver(sender, place_ids=None, **kwargs):
        calls.append(None if place_ids is None else sorted(place_ids))

    activity_days_changed.connect(receiver, dispatch_uid="test-import-days", weak=False)
    yield calls
    activity_days_changed.disconnect(dispatch_uid="test-import-days")


@pytest.fixture
def quiet(world):
    """A place without opening hours: its kaart days come from its activities alone."""
    return PlaceFactory(code="RAA-010", name="Dorpshuis Stilte", municipality=world.raalte, opening_hours={})


def _import(world, place_codes):
    today = timezone.localdate().strftime("%d-%m-%Y")
    lines = [f"{code};Activiteit {number};koffiemomenten;{DAYS[number % 5]};{today};9:30;11:30"
             for code in place_codes for number in range(5)]
    user = world.users["municipal_officer"]
    return importing.import_activities("activiteiten.csv", "\n".join([HEADER, *lines]).encode(), get_scope(user),
                                       user)


def test_importing_many_activities_refreshes_each_place_once_after_the_commit(world, quiet, sent,
                                                                            django_capture_on_commit_callbacks):
    kind()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = _import(world, ["RAA-010", "RAA-001"])
        assert report.written and Activity.objects.count() == 10
        assert sent == []  # nothing before the commit
    assert sent == [sorted([quiet.pk, world.place.pk])]
    assert len(callbacks) == 1
    assert SearchEntry.objects.get(place=quiet).open_days == " ma di wo do vr "


def test_a_rolled_back_write_refreshes_nothing(world, quiet, sent, django_capture_on_commit_callbacks):
    kind()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError), \
            transaction.atomic():
        assert _import(world, ["RAA-010"]).written
        raise RuntimeError("the request failed after the import")
    assert callbacks == [] and sent == []
    assert not Activity.objects.exists()
    assert SearchEntry.objects.get(place=quiet).open_days == "  "


def test_a_write_after_a_rolled_back_savepoint_is_still_sent(world, quiet, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        try:
            with transaction.atomic():
                make_activity(world.place)
                raise RuntimeError
        except RuntimeError:
            pass
        make_activity(quiet)
    assert sent == [[quiet.pk]]


def test_the_nightly_job_names_every_place_once(world, quiet, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        make_activity(quiet)
        services.extend()
    assert sent == [None]
