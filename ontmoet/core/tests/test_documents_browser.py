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
