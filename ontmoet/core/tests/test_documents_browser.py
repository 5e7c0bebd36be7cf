"""The progress page of a document made in the background, in headless Chromium: it follows the worker by
itself (HTMX polling), offers the download when ready, and passes axe-core in both states."""

import pytest
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.core import documents

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_progress_page_follows_the_worker_and_offers_the_download(world, page, monkeypatch):
    monkeypatch.setattr(documents, "on_commit", lambda callback: None)  # the worker has not started yet
    document = documents.start(world.users["province_staff"], maker="ontmoet.core.tests.test_documents.maker",
                               params={"n": 7}, title="Rapport", filename="rapport.txt", content_type="text/plain",
                               back_url="/overzicht/")
    login(page, "province.staff@test.example")
    page.goto(f"/documenten/{document.pk}/")
    expect(page.get_by_text("In de wachtrij")).to_be_visible()
    assert_accessible(page, "document-wachtrij")

    documents.make_document.call(str(document.pk))  # the worker
    expect(page.get_by_text("Het document is klaar.")).to_be_visible(timeout=10_000)  # without a reload
    assert_accessible(page, "document-klaar")
    with page.expect_download() as download:
        page.get_by_role("link", name="rapport.txt downloaden").click()
    assert download.value.suggested_filename == "rapport.txt"


def test_a_stuck_document_offers_to_try_again(world, page, monkeypatch, settings):
    """A worker killed while making it: the page says it failed, passes axe-core, and one click makes it anew."""
    from datetime import timedelta

    from django.utils import timezone

    from ontmoet.core.models import Document

    settings.ONTMOET_DOCUMENT_STUCK_MINUTES = 15
    monkeypatch.setattr(documents, "on_commit", lambda callback: None)
    document = documents.start(world.users["province_staff"], maker="ontmoet.core.tests.test_documents.maker",
                               params={"n": 8}, title="Rapport", filename="rapport.txt", content_type="text/plain")
    Document.objects.filter(pk=document.pk).update(status=Document.Status.RUNNING, progress=40,
                                                   created=timezone.now() - timedelta(minutes=20))
    monkeypatch.setattr(documents, "on_commit", lambda callback: callback())  # the worker is back
    login(page, "province.staff@test.example")
    page.goto(f"/documenten/{document.pk}/")
    expect(page.get_by_text("Het maken van het document is mislukt.")).to_be_visible()
    assert_accessible(page, "document-vastgelopen")
    page.get_by_role("button", name="Probeer opnieuw").click()
    expect(page.get_by_text("Het document is klaar.")).to_be_visible(timeout=10_000)
    assert_accessible(page, "document-opnieuw-klaar")
