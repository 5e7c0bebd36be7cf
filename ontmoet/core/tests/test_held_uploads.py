"""core.held_uploads: a refused upload kept for a second try, for its uploader only, for a limited time."""

import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from ontmoet.accounts.tests.factories import UserFactory
from ontmoet.core import held_uploads

pytestmark = [pytest.mark.django_db, pytest.mark.storage]


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)  # the purge counts every held file: none from other tests


def test_only_the_uploader_gets_the_file_back_and_only_with_its_token():
    owner, other = UserFactory(), UserFactory()
    token = held_uploads.hold(owner, "../../export 2024.csv", b"respondent;soort\n")
    held = held_uploads.fetch(owner, token)
    assert held.data == b"respondent;soort\n" and held.filename == "export_2024.csv"  # no path from the name
    assert held_uploads.fetch(other, token) is None
    assert held_uploads.fetch(owner, "../" + token) is None and held_uploads.fetch(owner, "") is None
    held_uploads.release(owner, token)
    assert held_uploads.fetch(owner, token) is None


def test_expired_files_are_not_given_and_the_hourly_purge_removes_them(monkeypatch):
    owner = UserFactory()
    token = held_uploads.hold(owner, "export.csv", b"x")
    fresh = held_uploads.hold(owner, "nieuw.csv", b"y")
    later = timezone.now() + datetime.timedelta(hours=held_uploads.HOURS, minutes=1)
    name = f"held/{owner.pk}/{token}/export.csv"
    real = default_storage.get_modified_time
    old = timezone.now() - datetime.timedelta(hours=held_uploads.HOURS, minutes=1)
    monkeypatch.setattr(default_storage, "get_modified_time", lambda path: old if path == name else real(path))
    assert held_uploads.fetch(owner, token) is None
    out = io.StringIO()
    call_command("purge_documents", stdout=out)
    assert "bewaarde uploads verwijderd: 1" in out.getvalue()
    assert not default_storage.exists(name)
    assert held_uploads.fetch(owner, fresh).data == b"y"
    assert held_uploads.purge_expired(later) == 1  # the fresh one, once its time has passed
    held_uploads.release(owner, fresh)
