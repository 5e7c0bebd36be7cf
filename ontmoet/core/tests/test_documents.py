"""Documents made in the background: queued after the commit, made by the worker with the owner's scope,
served only to the owner while their scope is unchanged, removed when they expire."""

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
