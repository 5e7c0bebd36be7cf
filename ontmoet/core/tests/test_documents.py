"""Documents made in the background: queued after the commit, made by the worker with the owner's scope,
served only to the owner while their scope is unchanged, removed when they expire."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import assign_role
from ontmoet.core import documents
from ontmoet.core.models import Document

# The documents go through the storage API: CI runs these again with InMemoryStorage (ADR 0016).
pytestmark = [pytest.mark.django_db, pytest.mark.storage]

calls = []


def maker(user, params, progress):
    calls.append((user.email, params["n"], params["language"]))
    progress(50)
    return f"rapport {params['n']}".encode()


def broken(user, params, progress):
    raise RuntimeError("kapot")


def _start(user, name="test_documents.maker", n=1):
    return documents.start(user, maker=f"ontmoet.core.tests.{name}", params={"n": n}, title="Rapport",
                           filename="rapport.txt", content_type="text/plain", back_url="/terug/")


def test_made_by_the_worker_and_fetched_by_the_owner_only(world, client_for):
    calls.clear()
    owner = world.users["province_staff"]
    document = _start(owner)
    assert calls == [("province.staff@test.example", 1, "nl")]
    client = client_for(owner)
    page = client.get(f"/documenten/{document.pk}/").content.decode()
    assert "Het document is klaar." in page and 'http-equiv="refresh"' not in page and 'href="/terug/"' in page
    download = client.get(f"/documenten/{document.pk}/bestand/")
    assert b"".join(download.streaming_content) == b"rapport 1"
    assert download["Content-Disposition"].startswith('attachment; filename="rapport.txt"')
    for other in ("province_admin", "other_province_staff", "municipal_officer"):
        assert client_for(world.users[other]).get(f"/documenten/{document.pk}/bestand/").status_code == 404


def test_a_second_request_reuses_the_document(world):
    calls.clear()
    first, second = _start(world.users["province_staff"]), _start(world.users["province_staff"])
    assert first.pk == second.pk and len(calls) == 1
    assert _start(world.users["province_staff"], n=2).pk != first.pk  # other choices: another document


def test_a_changed_scope_loses_the_document(world, client_for):
    owner = world.users["municipal_officer"]
    document = _start(owner)
    assign_role(owner, Role.MUNICIPAL_OFFICER, world.zwolle)  # now sees more than it was made for
    owner = type(owner).objects.get(pk=owner.pk)
    assert client_for(owner).get(f"/documenten/{document.pk}/bestand/").status_code == 404


def test_the_progress_page_refreshes_itself_until_the_worker_is_done(world, client_for, monkeypatch):
    monkeypatch.setattr(documents, "on_commit", lambda callback: None)  # the worker has not started yet
    document = _start(world.users["province_staff"])
    client = client_for(world.users["province_staff"])
    page = client.get(f"/documenten/{document.pk}/").content.decode()
    assert 'http-equiv="refresh"' in page and "In de wachtrij" in page and 'hx-trigger="every 2s"' in page
    assert client.get(f"/documenten/{document.pk}/bestand/").status_code == 404
    fragment = client.get(f"/documenten/{document.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert fragment.startswith('<div id="document-voortgang"')
    documents.make_document.call(str(document.pk))
    assert Document.objects.get(pk=document.pk).status == Document.Status.DONE
    assert "Het document is klaar." in client.get(f"/documenten/{document.pk}/").content.decode()


def test_a_failure_is_shown_and_a_new_request_tries_again(world, client_for):
    document = _start(world.users["province_staff"], name="test_documents.broken")
    assert Document.objects.get(pk=document.pk).status == Document.Status.FAILED
    page = client_for(world.users["province_staff"]).get(f"/documenten/{document.pk}/").content.decode()
    assert "mislukt" in page
    assert _start(world.users["province_staff"], name="test_documents.broken").pk != document.pk


def test_expired_documents_are_removed_with_their_file(world, client_for):
    document = Document.objects.get(pk=_start(world.users["province_staff"]).pk)
    name = document.file.name
    assert document.file.storage.exists(name)
    Document.objects.filter(pk=document.pk).update(expires=timezone.now() - timedelta(minutes=1))
    assert client_for(world.users["province_staff"]).get(f"/documenten/{document.pk}/").status_code == 404
    call_command("purge_documents", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not document.file.storage.exists(name)


def _stuck(user, status, minutes, monkeypatch, n=1):
    """A document whose worker was killed (or never came) `minutes` ago."""
    monkeypatch.setattr(documents, "on_commit", lambda callback: None)
    document = _start(user, n=n)
    Document.objects.filter(pk=document.pk).update(status=status, progress=40 if status == "running" else 0,
                                                   created=timezone.now() - timedelta(minutes=minutes))
    monkeypatch.setattr(documents, "on_commit", lambda callback: callback())  # the worker runs at once again
    return document


@pytest.mark.parametrize("status", [Document.Status.RUNNING, Document.Status.PENDING])
def test_a_stuck_document_is_shown_as_failed_and_tried_again_on_request(world, client_for, monkeypatch, settings,
                                                                      status):
    settings.ONTMOET_DOCUMENT_STUCK_MINUTES = 15
    calls.clear()
    owner = world.users["province_staff"]
    fresh = _stuck(owner, status, 5, monkeypatch)  # still within its time: still waited for
    client = client_for(owner)
    assert 'http-equiv="refresh"' in client.get(f"/documenten/{fresh.pk}/").content.decode()
    Document.objects.filter(pk=fresh.pk).update(created=timezone.now() - timedelta(minutes=16))
    page = client.get(f"/documenten/{fresh.pk}/").content.decode()
    assert "mislukt" in page and "Probeer opnieuw" in page and 'http-equiv="refresh"' not in page
    assert Document.objects.get(pk=fresh.pk).status == Document.Status.FAILED
    # Only the owner may try again; the others get nothing.
    assert client_for(world.users["province_admin"]).post(f"/documenten/{fresh.pk}/opnieuw/").status_code == 404
    client = client_for(owner)
    response = client.post(f"/documenten/{fresh.pk}/opnieuw/")
    again = Document.objects.exclude(pk=fresh.pk).get()
    assert response.status_code == 302 and response.url == f"/documenten/{again.pk}/"
    assert again.status == Document.Status.DONE and again.params == fresh.params and again.back_url == "/terug/"
    assert b"".join(client.get(f"/documenten/{again.pk}/bestand/").streaming_content) == b"rapport 1"
    # A finished document is not made again: trying leads to its page.
    assert client.post(f"/documenten/{again.pk}/opnieuw/").url == f"/documenten/{again.pk}/"
    assert Document.objects.count() == 2 and len(calls) == 1


def test_asking_again_does_not_wait_for_a_stuck_document(world, monkeypatch, settings):
    settings.ONTMOET_DOCUMENT_STUCK_MINUTES = 15
    stuck = _stuck(world.users["province_staff"], Document.Status.RUNNING, 20, monkeypatch)
    again = _start(world.users["province_staff"])
    assert again.pk != stuck.pk and Document.objects.get(pk=again.pk).status == Document.Status.DONE


def test_purge_marks_stuck_documents_failed_and_their_queued_task_skips_them(world, monkeypatch, settings):
    settings.ONTMOET_DOCUMENT_STUCK_MINUTES = 15
    late = _stuck(world.users["province_staff"], Document.Status.PENDING, 20, monkeypatch)
    _stuck(world.users["province_admin"], Document.Status.RUNNING, 20, monkeypatch)
    out = io.StringIO()
    call_command("purge_documents", stdout=out)
    assert "vastgelopen: 2" in out.getvalue()
    assert set(Document.objects.values_list("status", flat=True)) == {Document.Status.FAILED}
    # Its task, still queued, finds it no longer waiting and leaves it: the owner decides to try again.
    assert documents.make_document.call(str(late.pk)) == "skipped"
