"""Open-data files are built by the worker into storage and only streamed by the download (core.opendata_store):
a missing file is asked for once and answered with a 503 that says it is being made; an out-of-date one is served
while one rebuild is queued; a write queues one delayed rebuild after its commit. Storage API only: CI runs these
again with InMemoryStorage (ADR 0016)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format

from ontmoet.core import opendata_store
from ontmoet.core.models import OpenDataFile

pytestmark = [pytest.mark.django_db, pytest.mark.storage]

NAME = "ontmoetingsplekken.csv"
URL = "/kaart/open-data/ontmoetingsplekken.csv"


@pytest.fixture(autouse=True)
def _own_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the disk run; the memory run keeps its own store


@pytest.fixture
def queue(settings):
    """A task backend that only records what is queued (as a worker that has not run yet)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = opendata_store.build_file.get_backend()
    backend.clear()
    return backend


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _queued(queue, name=NAME):
    return [result for result in queue.results if list(result.args) == [name]]


def test_a_file_is_built_into_storage_and_then_only_streamed(world, client, monkeypatch):
    first = client.get(URL)  # the immediate backend of the tests builds it when it is asked for
    assert first.status_code == 200 and first.streaming
    row = OpenDataFile.objects.get(name=NAME)
    assert default_storage.exists(row.stored_name) and row.stored_name.startswith("open-data/")
    body = _body(first)
    assert b"Dorpshuis De Linde" in body and row.size == len(body)
    assert first["ETag"] == f'"{row.etag}"' and first["Last-Modified"]
    assert first["Content-Disposition"] == (f'attachment; filename="ontmoetingsplekken-'
                                            f'{timezone.localdate(row.built_at):%Y-%m-%d}.csv"')
    assert first["Link"].endswith('rel="license"') and first["Content-Type"] == "text/csv; charset=utf-8"

    def no_building(*args):
        raise AssertionError("built in the request")

    monkeypatch.setattr(opendata_store, "_write", no_building)
    again = client.get(URL + "?x=1")
    assert again.status_code == 200 and _body(again) == body  # from storage, not built again
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_without_a_file_the_visitor_is_told_it_is_being_made_and_one_build_is_queued(world, client, queue):
    first, second = client.get(URL), client.get(URL)
    assert (first.status_code, second.status_code) == (503, 503)
    assert first["Retry-After"] == "120"
    assert "Het bestand wordt gemaakt" in first.content.decode()
    assert len(_queued(queue)) == 1  # the second visitor did not queue another
    assert opendata_store.build_file.call(NAME) == "built"  # the worker
    assert client.get(URL).status_code == 200


def test_an_out_of_date_file_is_served_while_one_rebuild_is_queued(world, client, queue):
    opendata_store.build(opendata_store.specs()[NAME])
    world.place.name = "Dorpshuis De Eik"
    world.place.save()  # the sociale kaart's stamp moves on

    # Each read before the next request: InMemoryStorage (the CI run) hands out one shared handle per file.
    first = _body(client.get(URL))
    second = _body(client.get(URL))
    assert b"De Linde" in first and b"De Linde" in second  # the last file, until the new one is ready
    assert len(_queued(queue)) == 1
    assert opendata_store.build_file.call(NAME) == "built"
    assert b"De Eik" in _body(client.get(URL))
    assert opendata_store.build_file.call(NAME) == "current"  # nothing changed since: nothing to do


def test_a_write_queues_one_delayed_rebuild_of_each_file_it_changes(world, queue, django_capture_on_commit_callbacks,
                                                                      settings):
    settings.ONTMOET_OPENDATA_REBUILD_DELAY_SECONDS = 300
    with django_capture_on_commit_callbacks(execute=True):
        world.place.name = "Dorpshuis De Eik"
        world.place.save()
    with django_capture_on_commit_callbacks(execute=True):
        world.place.city = "Broekland"
        world.place.save()
    queued = _queued(queue)
    assert len(queued) == 1  # the second write found the first rebuild still waiting
    assert queued[0].task.run_after > timezone.now() + datetime.timedelta(seconds=200)
    assert len(_queued(queue, "ontmoetingsplekken-hsds.json")) == 1


def test_the_immediate_backend_builds_nothing_at_write_time(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        world.place.save()
    assert not OpenDataFile.objects.exclude(stored_name="").exists()  # development: built when asked for


def test_a_later_build_is_not_replaced_by_an_earlier_one_that_finishes_last(world):
    spec = opendata_store.specs()[NAME]
    opendata_store.build(spec)
    row = OpenDataFile.objects.get(name=NAME)
    OpenDataFile.objects.filter(pk=row.pk).update(build_started=timezone.now() + datetime.timedelta(minutes=5),
                                                  stamp="")
    stored = set(default_storage.listdir("open-data")[1])
    assert opendata_store.build(spec) == "superseded"
    assert OpenDataFile.objects.get(name=NAME).stored_name == row.stored_name
    assert set(default_storage.listdir("open-data")[1]) == stored  # its own file removed, the later one kept


def test_the_nightly_command_builds_what_is_out_of_date_and_removes_what_nothing_points_at(world):
    orphan = default_storage.save("open-data/0000-killed-build.csv", ContentFile(b"half"))
    call_command("build_open_data")
    names = set(opendata_store.specs())
    assert {"ontmoetingsplekken.csv", "ontmoetingsplekken-hsds.json", "activiteiten.csv", "ruimtes.json",
            "vacatures.csv"} <= names
    rows = OpenDataFile.objects.exclude(stored_name="")
    assert set(rows.values_list("name", flat=True)) == names
    assert not default_storage.exists(orphan)
    before = dict(rows.values_list("name", "stored_name"))
    call_command("build_open_data")
    assert dict(OpenDataFile.objects.values_list("name", "stored_name")) == before  # all current: nothing built


def test_the_open_data_page_shows_each_file_s_date_and_size(world, client):
    page = client.get("/kaart/open-data/").content.decode()
    assert "nog niet gemaakt" in page
    opendata_store.build(opendata_store.specs()[NAME])
    page = client.get("/kaart/open-data/").content.decode()
    row = OpenDataFile.objects.get(name=NAME)
    assert date_format(timezone.localtime(row.built_at), "DATETIME_FORMAT") in page
    assert filesizeformat(row.size) in page
