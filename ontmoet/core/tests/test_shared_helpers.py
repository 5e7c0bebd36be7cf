"""The shared helpers other apps build on: PDF, safe Markdown, attachments, charts, mail attachments."""

import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from ontmoet.core.charts import horizontal_bars, vertical_bars
from ontmoet.core.mail import send_templated_mail
from ontmoet.core.markdown import render_safe_markdown
from ontmoet.core.pdf import local_static_fetcher, render_pdf
from ontmoet.core.uploads import validate_attachment

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.7\n" + b"0" * 32


@pytest.mark.storage
def test_pdf_renders_text_with_page_numbers(tmp_path, settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    (tmp_path / "doc.html").write_text(
        '{% extends "core/pdf/base.html" %}{% block content %}<h1>{{ title }}</h1><p>Één regel</p>{% endblock %}')
    content = render_pdf("doc.html", {"title": "Besluit subsidie"})
    reader = PdfReader(io.BytesIO(content))
    text = reader.pages[0].extract_text()
    assert "Besluit subsidie" in text and "Één regel" in text and "1 / 1" in text


def test_pdf_never_fetches_from_outside():
    fetcher = local_static_fetcher()
    with pytest.raises(ValueError, match="externe bron"):
        fetcher.fetch("https://example.org/tracker.png")
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    assert b"@page" in fetcher.fetch("ontmoet-static:/ontmoet/print.css").read()


@pytest.mark.parametrize("text, present, absent", [
    ("**vet** en _schuin_", ["<strong>vet</strong>", "<em>schuin</em>"], []),
    ("<script>alert(1)</script>hallo", ["hallo"], ["<script"]),
    ("[klik](javascript:alert(1))", [], ["javascript:"]),
    ('<img src=x onerror="alert(1)">', [], ["<img", "onerror"]),
    ("[site](https://example.org)", ['href="https://example.org"', "nofollow"], []),
])
def test_markdown_keeps_only_the_safe_subset(text, present, absent):
    html = render_safe_markdown(text)
    for fragment in present:
        assert fragment in html
    for fragment in absent:
        assert fragment not in html


@pytest.mark.parametrize("content, name, kind", [(PNG, "foto.png", "png"), (PDF, "lijst.pdf", "pdf"),
                                                 (b"\xff\xd8\xff\xe0" + b"0" * 20, "foto.jpg", "jpeg")])
def test_attachments_are_recognised_by_content(content, name, kind):
    assert validate_attachment(SimpleUploadedFile(name, content)) == kind


def test_a_disguised_file_is_refused_with_a_dutch_message():
    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile("factuur.pdf", b"MZ\x90\x00 not a pdf"))
    assert "factuur.pdf is geen PDF, PNG, JPG-bestand" in error.value.messages[0]


def test_oversized_and_empty_attachments_are_refused():
    with pytest.raises(ValidationError, match="te groot"):
        validate_attachment(SimpleUploadedFile("groot.pdf", PDF), max_bytes=10)
    with pytest.raises(ValidationError, match="leeg"):
        validate_attachment(SimpleUploadedFile("leeg.pdf", b""))


def test_charts_are_svg_images_with_alt_text():
    chart = horizontal_bars(["Alleen vrijwilligers", "Betaalde kracht"], [61.4, 10.7], alt="Bemensing van plekken")
    assert chart.svg.lstrip().startswith(b"<?xml") and b"Alleen vrijwilligers" in chart.svg
    html = chart.img()
    assert 'alt="Bemensing van plekken"' in html and html.count("data:image/svg+xml;base64,") == 1
    assert b"<svg" in vertical_bars(["K1", "K2"], [3, 4], alt="Uren per kwartaal").svg


@pytest.mark.django_db  # the message goes through the outbox (core.mail)
def test_mail_can_carry_attachments_and_headers(tmp_path, settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    (tmp_path / "m_subject.txt").write_text("Onderwerp")
    (tmp_path / "m.txt").write_text("Tekst")
    send_templated_mail("m", {}, ["a@example.org"], attachments=[("agenda.ics", b"BEGIN:VCALENDAR", "text/calendar")],
                        headers={"List-Unsubscribe": "<https://example.org/u>"})
    message = mail.outbox[0]
    assert message.attachments[0][0] == "agenda.ics" and message.extra_headers["List-Unsubscribe"]


def test_private_upload_names_are_random_and_serialisable_in_migrations():
    from django.db.migrations.writer import MigrationWriter

    from ontmoet.core.uploads import private_upload_to

    upload_to = private_upload_to("bijlagen")
    first, second = upload_to(None, "Factuur.PDF"), upload_to(None, "Factuur.PDF")
    assert first.startswith("bijlagen/") and first.endswith(".pdf") and first != second
    assert "PrivateUploadTo('bijlagen')" in MigrationWriter.serialize(upload_to)[0]


def test_static_urls_are_the_manifest_urls_and_worked_out_once(tmp_path, settings, monkeypatch):
    import json

    from whitenoise.storage import CompressedManifestStaticFilesStorage

    from ontmoet.core.storage import StaticFilesStorage

    (tmp_path / "staticfiles.json").write_text(json.dumps(
        {"version": "1.1", "paths": {"ontmoet/theme.css": "ontmoet/theme.0123abcd.css"}, "hash": "x"}))
    settings.DEBUG = False
    storage = StaticFilesStorage(location=str(tmp_path), base_url="/static/")
    plain = CompressedManifestStaticFilesStorage(location=str(tmp_path), base_url="/static/")
    expected = plain.url("ontmoet/theme.css")
    assert storage.url("ontmoet/theme.css") == expected == "/static/ontmoet/theme.0123abcd.css"
    monkeypatch.setattr(CompressedManifestStaticFilesStorage, "url", lambda *args, **kwargs: "not asked again")
    assert storage.url("ontmoet/theme.css") == expected


def test_a_percentage_chart_can_keep_its_scale_to_100():
    # 1 % occupancy must not look like a full bar: with a maximum the top tick is that maximum.
    def ticks(chart):
        return chart.svg.decode()

    assert ">100<" in ticks(vertical_bars(["jan"], [1.0], alt="Bezetting", unit="%", maximum=100))
    assert ">100<" not in ticks(vertical_bars(["jan"], [1.0], alt="Bezetting", unit="%"))
