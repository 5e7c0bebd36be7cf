"""Every upload and document goes through Django's storage API (ADR 0016): no code path assumes a disk.

CI runs the tests marked `storage` once more with ONTMOET_STORAGE=memory (Django's InMemoryStorage).
"""

import json
import os
import subprocess
import sys

import pytest
from django.core.files.storage import InMemoryStorage, storages
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.storage

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _default_storage_with(environment: dict) -> subprocess.CompletedProcess:
    code = "import json; from django.conf import settings; print(json.dumps(settings.STORAGES['default']))"
    env = {name: value for name, value in os.environ.items() if not name.startswith("ONTMOET_S")}
    env.update({"DJANGO_SETTINGS_MODULE": "ontmoet.settings", **environment})
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)  # noqa: S603


def test_the_storage_is_chosen_by_setting():
    assert json.loads(_default_storage_with({}).stdout)["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    memory = json.loads(_default_storage_with({"ONTMOET_STORAGE": "memory"}).stdout)
    assert memory["BACKEND"] == "django.core.files.storage.InMemoryStorage"
    s3 = json.loads(_default_storage_with({"ONTMOET_STORAGE": "s3", "ONTMOET_S3_BUCKET": "ontmoet-uploads",
                                           "ONTMOET_S3_ENDPOINT_URL": "https://s3.example.nl"}).stdout)
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["OPTIONS"]["bucket_name"] == "ontmoet-uploads" and s3["OPTIONS"]["default_acl"] == "private"
    assert s3["OPTIONS"]["endpoint_url"] == "https://s3.example.nl" and s3["OPTIONS"]["querystring_auth"] is True
    assert "ONTMOET_S3_BUCKET" in _default_storage_with({"ONTMOET_STORAGE": "s3"}).stderr
    assert "ONTMOET_STORAGE moet" in _default_storage_with({"ONTMOET_STORAGE": "ftp"}).stderr


@pytest.fixture
def memory_storage(settings, tmp_path):
    """Django's InMemoryStorage as the default storage, and an empty MEDIA_ROOT that must stay empty."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    assert isinstance(storages["default"], InMemoryStorage)
    return tmp_path


@pytest.mark.django_db
def test_an_attachment_is_stored_and_handed_out_without_a_disk(world, client_for, memory_storage):
    from ontmoet.helpdesk.models import Attachment, Category

    client = client_for(world.users["board_member"])
    response = client.post("/meldpunt/vragen/nieuw/", {
        "title": "Lekkage in het dak", "category": Category.objects.get(slug="daklekkage").pk, "urgency": "normal",
        "description": "Het dak boven de grote zaal lekt sinds de storm van dinsdag.",
        "files": [SimpleUploadedFile("dak.png", PNG, content_type="image/png")]})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert storages["default"].exists(attachment.file.name)
    download = client.get(f"/meldpunt/bijlagen/{attachment.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG
    assert list(memory_storage.iterdir()) == []  # nothing on this machine's disk
