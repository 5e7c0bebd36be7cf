"""The learning network for municipal officers: yearly themes, discussion in safe Markdown, documents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ontmoet.network.learning_seed import ensure_learning_network
from ontmoet.network.models import GroupDocument, Post, Theme

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(world):
    return ensure_learning_network(world.overijssel)


def test_province_sets_one_theme_per_year(world, group, client_for):
    client = client_for(world.users["province_staff"])
    data = {"year": "2026", "title": "De Sociale Basis en Brede Welvaart", "description": "Met **gasten**."}
    assert client.post(f"/netwerk/leernetwerk/{group.pk}/thema/", data).status_code == 302
    response = client.post(f"/netwerk/leernetwerk/{group.pk}/thema/", {**data, "title": "Iets anders"})
    assert response.status_code == 400 and "Voor 2026 is al een jaarthema gekozen." in response.content.decode()
    assert Theme.objects.count() == 1
    assert client_for(world.users["municipal_officer"]).get(
        f"/netwerk/leernetwerk/{group.pk}/thema/").status_code == 403


def test_officers_discuss_in_safe_markdown(world, group, client_for):
    theme = Theme.objects.create(group=group, year=2026, title="Woningbouw en voorzieningen")
    client = client_for(world.users["municipal_officer"])
    client.post(f"/netwerk/leernetwerk/thema/{theme.pk}/", {
        "body": "**Raalte** deelt: <script>alert(1)</script> [notitie](javascript:alert(1))"})
    post = Post.objects.get()
    assert post.author == world.users["municipal_officer"]
    page = client_for(world.users["other_municipal_officer"]).get(f"/netwerk/leernetwerk/thema/{theme.pk}/")
    html = page.content.decode()
    assert "<strong>Raalte</strong>" in html
    assert "<script>alert(1)</script>" not in html and "javascript:alert" not in html
    response = client.post(f"/netwerk/leernetwerk/thema/{theme.pk}/", {"body": ""})
    assert response.status_code == 400 and Post.objects.count() == 1


@pytest.mark.storage
def test_group_shows_its_own_events_and_documents(world, group, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    EventFactory(title="Werkplaats gemeenten", group=group, audience="ambtenaren")
    client = client_for(world.users["municipal_officer"])
    bad = SimpleUploadedFile("notulen.pdf", b"<html>", content_type="application/pdf")
    response = client.post(f"/netwerk/leernetwerk/{group.pk}/document/", {"title": "Notulen", "file": bad})
    assert response.status_code == 400 and not GroupDocument.objects.exists()
    good = SimpleUploadedFile("notulen.pdf", b"%PDF-1.4 notulen", content_type="application/pdf")
    client.post(f"/netwerk/leernetwerk/{group.pk}/document/", {"title": "Notulen", "file": good})
    page = client.get(f"/netwerk/leernetwerk/{group.pk}/").content.decode()
    assert "Werkplaats gemeenten" in page and "Notulen" in page


def test_other_province_and_boards_cannot_enter(world, group, client_for):
    assert client_for(world.users["other_province_staff"]).get(f"/netwerk/leernetwerk/{group.pk}/").status_code == 404
    assert client_for(world.users["board_member"]).get(f"/netwerk/leernetwerk/{group.pk}/").status_code == 403
