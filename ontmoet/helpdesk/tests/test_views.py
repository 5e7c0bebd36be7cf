"""The meldpunt through its pages: bad input, scope, internal notes at the view level, exports."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from ontmoet.accounts.tests.factories import UserFactory
from ontmoet.helpdesk import services
from ontmoet.helpdesk.models import Article, Channel, Message, PeerContact, Question, Status
from ontmoet.helpdesk.workflows import HANDLER

from .factories import PDF, PNG, ArticleFactory, category, make_question, opted_in_peer, resolved_question

pytestmark = pytest.mark.django_db

NEW = "/meldpunt/vragen/nieuw/"


def _ask(client, **overrides):
    data = {"title": "Lekkage in het dak", "category": category("daklekkage").pk, "urgency": "normal",
            "description": "Het dak boven de grote zaal lekt sinds de storm van dinsdag."}
    data.update(overrides)
    return client.post(NEW, data)


@pytest.mark.storage
def test_board_member_asks_a_question_with_a_photo(world, client_for):
    client = client_for(world.users["board_member"])
    photo = SimpleUploadedFile("dak.jpg", PNG, content_type="image/jpeg")
    response = _ask(client, files=[photo])
    question = Question.objects.get()
    assert response.status_code == 302 and response["Location"] == question.get_absolute_url()
    assert question.place == world.place and question.channel == Channel.WEB
    assert question.attachments.get().kind == "png"  # checked by content, not by name
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Lekkage in het dak" in page and "dak.jpg" in page


@pytest.mark.parametrize("overrides, message", [
    ({"title": "", "description": ""}, "Dit veld is vereist"),
    ({"description": "x" * 5001}, "5000"),
    ({"description": "Kort"}, "20"),
    ({"category": "99999"}, "Kies een categorie uit de lijst"),
    ({"category": "niet-bestaand"}, "Kies een categorie uit de lijst"),
])
def test_bad_questions_are_refused_with_dutch_messages_and_input_kept(world, client_for, overrides, message):
    client = client_for(world.users["board_member"])
    response = _ask(client, **overrides)
    page = response.content.decode()
    assert response.status_code == 400 and message in page
    assert Question.objects.count() == 0
    if overrides.get("title", None) != "":
        assert "Lekkage in het dak" in page  # what was typed is kept


@pytest.mark.storage
def test_wrong_attachment_type_is_refused_and_nothing_is_saved(world, client_for):
    client = client_for(world.users["board_member"])
    script = SimpleUploadedFile("foto.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    response = _ask(client, files=[script])
    assert response.status_code == 400
    assert "gecontroleerd op de inhoud" in response.content.decode()
    assert Question.objects.count() == 0


def test_script_in_a_message_is_neutralised(world, client_for):
    question = make_question(world)
    client = client_for(world.users["board_member"])
    client.post(f"/meldpunt/vragen/{question.pk}/bericht/",
                {"body": "<script>alert('x')</script> **vet** <img src=x onerror=alert(1)>"})
    page = client.get(question.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "onerror" not in page
    assert "<strong>vet</strong>" in page
    assert Message.objects.get().body.startswith("<script>")  # stored as typed, neutralised when shown


def test_empty_message_is_refused(world, client_for):
    question = make_question(world)
    response = client_for(world.users["board_member"]).post(f"/meldpunt/vragen/{question.pk}/bericht/",
                                                             {"body": "   "})
    assert response.status_code == 400 and Message.objects.count() == 0


@pytest.mark.storage
def test_internal_notes_at_view_level(world, client_for):
    question = make_question(world)
    services.post_message(question, world.users["expert"], "GEHEIME NOTITIE", HANDLER, internal=True)
    internal_file = Message.objects.get()
    from django.core.files.base import ContentFile

    from ontmoet.helpdesk.models import Attachment

    attachment = Attachment(question=question, message=internal_file, kind="pdf", original_name="offerte.pdf")
    attachment.file.save("offerte.pdf", ContentFile(PDF), save=True)
    for role in ("board_member", "municipal_officer"):
        client = client_for(world.users[role])
        page = client.get(question.get_absolute_url()).content.decode()
        assert "GEHEIME NOTITIE" not in page and "offerte.pdf" not in page
        assert client.get(f"/meldpunt/bijlagen/{attachment.pk}/").status_code == 404
    for role in ("expert", "province_staff"):
        client = client_for(world.users[role])
        assert "GEHEIME NOTITIE" in client.get(question.get_absolute_url()).content.decode()
        assert client.get(f"/meldpunt/bijlagen/{attachment.pk}/").status_code == 200


def test_board_member_cannot_post_an_internal_note(world, client_for):
    question = make_question(world)
    client_for(world.users["board_member"]).post(f"/meldpunt/vragen/{question.pk}/bericht/",
                                                 {"body": "Stiekem", "internal": "on"})
    assert Message.objects.get().is_internal is False


def test_municipal_officer_reads_but_cannot_write(world, client_for):
    question = make_question(world)
    client = client_for(world.users["municipal_officer"])
    page = client.get(question.get_absolute_url()).content.decode()
    assert "u kunt meelezen" in page and 'name="body"' not in page
    assert client.post(f"/meldpunt/vragen/{question.pk}/bericht/", {"body": "Hallo"}).status_code == 403


def test_board_member_lists_only_own_questions(world, client_for):
    make_question(world, title="Onze eigen vraag")
    make_question(world, place=world.zwolle_place, title="Vraag uit Zwolle", slug="bestuur", assigned=False)
    page = client_for(world.users["board_member"]).get("/meldpunt/vragen/").content.decode()
    assert "Onze eigen vraag" in page and "Vraag uit Zwolle" not in page


def test_out_of_scope_post_changes_nothing(world, client_for):
    question = make_question(world)
    client = client_for(world.users["other_board_member"])
    assert client.post(f"/meldpunt/vragen/{question.pk}/status/", {"to_status": "closed"}).status_code == 404
    assert client.post(f"/meldpunt/vragen/{question.pk}/bericht/", {"body": "Hoi"}).status_code == 404
    assert Question.objects.get(pk=question.pk).status == Status.NEW and Message.objects.count() == 0


def test_resolve_without_summary_shows_a_message(world, client_for):
    question = make_question(world)
    client = client_for(world.users["expert"])
    client.post(f"/meldpunt/vragen/{question.pk}/status/", {"to_status": "in_progress"})
    response = client.post(f"/meldpunt/vragen/{question.pk}/status/", {"to_status": "resolved", "tags": "dak"})
    assert response.status_code == 400 and "samenvatting" in response.content.decode()
    assert Question.objects.get(pk=question.pk).status == Status.IN_PROGRESS


def test_closed_question_refuses_messages_in_the_page(world, client_for):
    question = resolved_question(world)
    client = client_for(world.users["board_member"])
    client.post(f"/meldpunt/vragen/{question.pk}/status/", {"to_status": "closed"})
    assert Question.objects.get(pk=question.pk).status == Status.CLOSED
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Heropen de vraag" in page and 'name="body"' not in page
    client.post(f"/meldpunt/vragen/{question.pk}/bericht/", {"body": "Nog iets"})
    assert Message.objects.filter(question=question, from_place=True).count() == 0


def test_province_staff_registers_a_question_on_behalf_of_a_place(world, client_for):
    client = client_for(world.users["province_staff"])
    response = _ask(client, place=world.place.pk, channel="phone")
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.place == world.place and question.channel == Channel.PHONE
    assert question.registered_by == world.users["province_staff"]
    # A place in another province is not offered.
    response = _ask(client_for(world.users["province_staff"]), place=world.gelderland_place.pk, channel="phone")
    assert response.status_code == 400 and Question.objects.count() == 1


def test_suggestions_endpoint_returns_matching_articles(world, client):
    ArticleFactory(title="Lekkage in het dak: eerste hulp")
    response = client.get("/meldpunt/kennisbank/suggesties/", {"description": "het dak heeft lekkage"},
                          HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Lekkage in het dak: eerste hulp" in response.content.decode()
    assert "<html" not in response.content.decode()


def test_question_to_article_in_one_step(world, client_for):
    question = resolved_question(world)
    response = client_for(world.users["expert"]).post(f"/meldpunt/vragen/{question.pk}/artikel/")
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/meldpunt/kennisbank/{article.pk}/bewerken/"
    assert article.status == "draft"
    # A draft is not for the public or the board.
    assert client_for(None).get(article.get_absolute_url()).status_code == 404
    assert client_for(world.users["board_member"]).get(article.get_absolute_url()).status_code == 404


def test_members_only_articles_need_a_login(world, client_for):
    article = ArticleFactory(visibility="members")
    assert client_for(None).get(article.get_absolute_url()).status_code == 404
    assert client_for(world.users["initiator"]).get(article.get_absolute_url()).status_code == 200


def test_article_search(world, client):
    ArticleFactory(title="Zonnepanelen op het dak", category=category("verduurzaming"))
    ArticleFactory(title="Muizen in de keuken", category=category("ongedierte"))
    page = client.get("/meldpunt/kennisbank/", {"q": "zonnepanelen"}).content.decode()
    assert "Zonnepanelen op het dak" in page and "Muizen in de keuken" not in page
    page = client.get("/meldpunt/kennisbank/", {"category": category("gebouw").pk}).content.decode()
    assert "Muizen in de keuken" in page and "Zonnepanelen" not in page


def test_peer_contact_goes_through_ontmoet_without_exposing_addresses(world, client_for):
    question = make_question(world)
    opted_in_peer(world.zwolle_place, share_email=False)
    client = client_for(world.users["board_member"])
    peers_page = client.get(f"/meldpunt/vragen/{question.pk}/wie-heeft-dit-opgelost/").content.decode()
    assert world.zwolle_place.name in peers_page and world.zwolle_place.email not in peers_page
    mail.outbox.clear()
    response = client.post(f"/meldpunt/vragen/{question.pk}/contact/{world.zwolle_place.code}/",
                           {"body": "Hoe hebben jullie het dak laten maken?"})
    assert response.status_code == 302 and PeerContact.objects.count() == 1
    sent = mail.outbox[0]
    assert sent.to == ["other.board.member@test.example"]
    assert sent.extra_headers["Reply-To"] == "board.member@test.example"


def test_peer_who_shares_email_shows_it(world, client_for):
    question = make_question(world)
    opted_in_peer(world.zwolle_place, share_email=True)
    page = client_for(world.users["board_member"]).get(
        f"/meldpunt/vragen/{question.pk}/wie-heeft-dit-opgelost/").content.decode()
    assert world.zwolle_place.email in page


def test_contacting_a_place_that_did_not_opt_in_is_404(world, client_for):
    question = make_question(world)
    response = client_for(world.users["board_member"]).get(
        f"/meldpunt/vragen/{question.pk}/contact/{world.zwolle_place.code}/")
    assert response.status_code == 404


def test_rating_and_reopening_through_the_page(world, client_for):
    question = resolved_question(world)
    client = client_for(world.users["board_member"])
    response = client.post(f"/meldpunt/vragen/{question.pk}/beoordelen/", {"score": "7", "solved": "ja"})
    assert response.status_code == 400
    client.post(f"/meldpunt/vragen/{question.pk}/beoordelen/", {"score": "1", "solved": "nee", "comment": "Lekt"})
    assert question.__class__.objects.get(pk=question.pk).rating.score == 1
    client.post(f"/meldpunt/vragen/{question.pk}/heropenen/", {"reason": "Het lekt nog steeds."})
    assert Question.objects.get(pk=question.pk).status == Status.REOPENED


def test_dashboard_figures_and_xlsx_export(world, client_for):
    question = resolved_question(world)
    services.rate(question, world.users["board_member"], score=4, solved=True)
    make_question(world, place=world.gelderland_place, slug="bestuur", assigned=False)  # other province
    client = client_for(world.users["province_staff"])
    page = client.get("/meldpunt/dashboard/").content.decode()
    assert "Gebouw en onderhoud" in page and "Raalte" in page and "Apeldoorn" not in page
    assert 'alt="Staafdiagram' in page
    response = client.get("/meldpunt/dashboard/export.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook["Per categorie"]["A2"].value == "Gebouw en onderhoud"
    assert workbook["Per categorie"]["B2"].value == 1
    figures = {row[0]: row[1] for row in workbook["Kerncijfers"].iter_rows(min_row=2, values_only=True)}
    assert figures["Aantal vragen"] == 1 and figures["Gemiddelde tevredenheid (1-5)"] == 4
    assert figures["Opgelost binnen de termijn (%)"] == 100


def test_routing_rule_form_refuses_unvetted_expert_and_empty_target(world, client_for):
    from .factories import ExpertFactory

    unvetted = ExpertFactory(vetted_at=None, vetted_until=None)
    client = client_for(world.users["province_staff"])
    response = client.post("/meldpunt/routering/nieuw/", {"order": "1", "expert": unvetted.pk})
    assert response.status_code == 400 and "niet (meer) gescreend" in response.content.decode()
    response = client.post("/meldpunt/routering/nieuw/", {"order": "1"})
    assert response.status_code == 400 and "welk team of welke expert" in response.content.decode()


def test_expert_vetting_and_login_link(world, client_for):
    client = client_for(world.users["province_staff"])
    response = client.post("/meldpunt/experts/nieuw/", {
        "name": "Henk Dakdekker", "kind": "supplier", "login_email": "expert@test.example",
        "categories": [category("daklekkage").pk], "is_available": "on"})
    assert response.status_code == 302
    from ontmoet.helpdesk.models import Expert

    expert = Expert.objects.get(name="Henk Dakdekker")
    assert expert.user == world.users["expert"] and not expert.is_vetted()
    client.post(f"/meldpunt/experts/{expert.pk}/screening/", {"valid_until": "2000-01-01"})
    expert.refresh_from_db()
    assert not expert.is_vetted()
    client.post(f"/meldpunt/experts/{expert.pk}/screening/", {"valid_until": "2099-01-01"})
    expert.refresh_from_db()
    assert expert.is_vetted() and expert.vetted_by == world.users["province_staff"]
    response = client.post("/meldpunt/experts/nieuw/", {"name": "X", "kind": "adviser",
                                                         "login_email": "board.member@test.example"})
    assert response.status_code == 400


def test_notification_preference_is_saved(world, client_for):
    client = client_for(world.users["board_member"])
    client.post("/meldpunt/meldingen/", {"delivery": "weekly"})
    from ontmoet.helpdesk.notifications import preference

    assert preference(world.users["board_member"]) == "weekly"
    assert client.post("/meldpunt/meldingen/", {"delivery": "nooit"}).status_code == 400


def test_dashboard_panel_for_board_member(world, client_for):
    make_question(world)
    page = client_for(world.users["board_member"]).get("/overzicht/").content.decode()
    assert "Meldpunt" in page and "Stel een vraag" in page


@pytest.mark.storage
def test_question_export_respects_scope_and_filters(world, client_for):
    """Made by the worker (helpdesk.documents) through the progress page, with the asker's own scope."""
    from ontmoet.core.testing.documents import fetch_document

    make_question(world, title="Onze eigen vraag")
    make_question(world, place=world.zwolle_place, title="Vraag uit Zwolle", slug="bestuur", assigned=False)
    data = fetch_document(client_for(world.users["board_member"]), "/meldpunt/vragen/export.xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Onze eigen vraag"]
    data = fetch_document(client_for(world.users["province_staff"]),
                          f"/meldpunt/vragen/export.xlsx?category={category('bestuur').pk}")
    sheet = load_workbook(io.BytesIO(data)).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Vraag uit Zwolle"]


def test_periodic_commands_run_and_report(world):
    question = resolved_question(world)
    Question.objects.filter(pk=question.pk).update(resolved_at=timezone.now() - timedelta(days=30))
    out = io.StringIO()
    call_command("helpdesk_autoclose", stdout=out)
    assert "1 vragen automatisch gesloten" in out.getvalue()
    call_command("helpdesk_reminders", stdout=out)
    call_command("helpdesk_digest", stdout=out)
    assert "weekoverzichten verstuurd" in out.getvalue()
    assert Question.objects.get(pk=question.pk).status == Status.CLOSED


def test_category_service_level_must_be_consistent(world, client_for):
    # The shared tree is the national administrators' (ADR 0040).
    client = client_for(UserFactory(email="landelijk@test.example", is_superuser=True, is_staff=True))
    response = client.post("/meldpunt/categorieen/nieuw/", {
        "name": "Brandveiligheid", "slug": "brandveiligheid", "order": "5", "first_response_days": "10",
        "resolution_days": "2", "day_kind": "working", "is_active": "on"})
    assert response.status_code == 400 and "eerder komen dan de oplossing" in response.content.decode()
    response = client.post("/meldpunt/categorieen/nieuw/", {
        "name": "Brandveiligheid", "slug": "brandveiligheid", "order": "5", "first_response_days": "2",
        "resolution_days": "10", "day_kind": "calendar", "is_active": "on",
        "parent": category("gebouw").pk})
    assert response.status_code == 302
    question = make_question(world, slug="brandveiligheid", assigned=False)
    assert question.resolution_due == timezone.localdate(question.created_at) + timedelta(days=10)
