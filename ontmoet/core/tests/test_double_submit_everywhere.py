"""Every form that creates something creates it once when the same form is posted twice.

The one-time token (core.submissions) on each creating form of the network, the toolkit, the meldpunt's
knowledge base and expert network, the register, the Sociale Hypotheek and the monitor: the second post of
the same form creates nothing and is sent to what the first one made.
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ontmoet.accounts.tests.factories import UserFactory
from ontmoet.core.submissions import FIELD

from .test_double_submit import token_on

pytestmark = pytest.mark.django_db


def assert_created_once(client, url, make_data, count, *, form_page=None):
    """Post the form shown on `form_page` (default `url`) twice with its token: one row, one result."""
    token = token_on(client.get(form_page or url))
    before = count()
    first = client.post(url, {**make_data(), FIELD: token})
    assert first.status_code == 302, first.content.decode()[:3000]
    assert count() == before + 1
    second = client.post(url, {**make_data(), FIELD: token}, follow=True)
    assert count() == before + 1, "the same form posted again created a second row"
    assert second.redirect_chain[0] == (first.url, 302)
    assert "al verstuurd" in second.content.decode()
    # The form shown again carries a new token: a deliberate second one is created.
    fresh = token_on(client.get(form_page or url))
    assert fresh != token


def pdf(name="notulen.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 inhoud", content_type="application/pdf")


# -- network ----------------------------------------------------------------------------------
def test_a_network_post(world, client_for):
    from ontmoet.network.learning_seed import ensure_learning_network
    from ontmoet.network.models import Post, Theme

    theme = Theme.objects.create(group=ensure_learning_network(world.overijssel), year=2026, title="Woningbouw")
    assert_created_once(client_for(world.users["municipal_officer"]), f"/netwerk/leernetwerk/thema/{theme.pk}/",
                        lambda: {"body": "Raalte deelt de notulen."}, Post.objects.count)


def test_a_yearly_theme(world, client_for):
    from ontmoet.network.learning_seed import ensure_learning_network
    from ontmoet.network.models import Theme

    group = ensure_learning_network(world.overijssel)
    assert_created_once(client_for(world.users["province_staff"]), f"/netwerk/leernetwerk/{group.pk}/thema/",
                        lambda: {"year": "2027", "title": "Brede welvaart", "description": ""}, Theme.objects.count)


def test_a_digest_sending_round(world, client_for):
    from ontmoet.network.models import DigestRun

    assert_created_once(client_for(world.users["province_admin"]), "/netwerk/overzichtsmail/rondes/",
                        lambda: {"frequency": "week", "province": world.overijssel.pk}, DigestRun.objects.count)


# A member's registration (one button; afterwards the page offers "Afmelden", not a new form) and an
# invited newcomer's account: network/tests/test_double_submit.py and toolkit/tests/test_double_submit.py.


@pytest.mark.storage
def test_a_group_document(world, client_for, settings, tmp_path):
    from ontmoet.network.learning_seed import ensure_learning_network
    from ontmoet.network.models import GroupDocument

    settings.MEDIA_ROOT = tmp_path
    group = ensure_learning_network(world.overijssel)
    assert_created_once(client_for(world.users["municipal_officer"]), f"/netwerk/leernetwerk/{group.pk}/document/",
                        lambda: {"title": "Notulen", "file": pdf()}, GroupDocument.objects.count)


def test_a_contact_moment(world, client_for):
    from ontmoet.network.models import ContactMoment

    today = timezone.localdate()
    assert_created_once(client_for(world.users["province_staff"]), "/netwerk/gemeenten/GM0177/contactmoment/",
                        lambda: {"kind": "werkdag", "date": today.isoformat(), "with_whom": "Beleidsadviseur",
                                 "notes": "Werkdag.", "follow_up_on": ""}, ContactMoment.objects.count)


def test_a_municipal_contact(world, client_for):
    from ontmoet.network.models import MunicipalContact

    assert_created_once(client_for(world.users["province_staff"]), "/netwerk/gemeenten/GM0177/contactpersoon/",
                        lambda: {"name": "Els", "function": "Beleid", "email": "els@raalte.example", "phone": ""},
                        MunicipalContact.objects.count)


def test_a_funding_scheme(world, client_for):
    from ontmoet.network.models import FundingScheme

    assert_created_once(client_for(world.users["province_staff"]), "/netwerk/regelingen/nieuw/",
                        lambda: {"name": "Buurtfonds", "provider": "Fonds X", "purpose": "Inrichting",
                                 "conditions": "", "deadline": "", "link": "", "place_kinds": ["dorpshuis"],
                                 "is_active": "on"}, FundingScheme.objects.count)


@pytest.mark.storage
def test_leergang_material(world, client_for, settings, tmp_path):
    from ontmoet.network.learning_seed import ensure_leergang
    from ontmoet.network.models import Material

    settings.MEDIA_ROOT = tmp_path
    module = ensure_leergang(world.overijssel).modules.first()
    assert_created_once(client_for(world.users["province_staff"]), f"/netwerk/leergang/module/{module.pk}/materiaal/",
                        lambda: {"title": "Werkboek", "file": pdf("werkboek.pdf")}, Material.objects.count)


def test_an_event(world, client_for):
    from ontmoet.network.models import Event

    start = timezone.localtime() + timedelta(days=7)
    assert_created_once(client_for(world.users["province_staff"]), "/netwerk/activiteiten/nieuw/", lambda: {
        "title": "Werkplaats vrijwilligers", "kind": "werkplaats", "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"), "location": "Zwolle", "online_url": "",
        "audience": "besturen", "capacity": "20", "description": "", "is_published": "on"}, Event.objects.count)


# -- toolkit ----------------------------------------------------------------------------------
def test_an_initiative(world, client_for):
    from ontmoet.toolkit.models import Initiative

    assert_created_once(client_for(world.users["initiator"]), "/initiatieven/nieuw/", lambda: {
        "name": "Huiskamer Zonnehof", "stage": "gepland", "municipality": world.raalte.pk, "description": ""},
        Initiative.objects.count)


def test_the_first_quickscan_save(world, client_for):
    from ontmoet.toolkit.models import Event, Quickscan
    from ontmoet.toolkit.tests.factories import world_initiative
    from ontmoet.toolkit.tests.test_views import QUICKSCAN

    initiative = world_initiative(world)
    client = client_for(world.users["initiator"])
    url = f"/initiatieven/{initiative.pk}/quickscan/"
    assert_created_once(client, url, lambda: {**QUICKSCAN, "opslaan": "1"}, Quickscan.objects.count)
    assert Event.objects.filter(initiative=initiative, action="Quickscan opgeslagen").count() == 1


def test_a_partner_invitation_mails_once(world, client_for):
    from django.core import mail

    from ontmoet.toolkit.models import Partner
    from ontmoet.toolkit.tests.factories import world_initiative

    initiative = world_initiative(world)
    before = len(mail.outbox)
    assert_created_once(client_for(world.users["initiator"]), f"/initiatieven/{initiative.pk}/partners/",
                        lambda: {"email": "nieuw@welzijn.example", "organisation": "Welzijn"}, Partner.objects.count)
    assert len([m for m in mail.outbox[before:] if "nieuw@welzijn.example" in m.to]) == 1


# -- meldpunt ---------------------------------------------------------------------------------
def test_a_message_to_a_peer_place_mails_once(world, client_for):
    from django.core import mail

    from ontmoet.helpdesk.models import PeerContact
    from ontmoet.helpdesk.tests.factories import make_question, opted_in_peer

    question = make_question(world)
    opted_in_peer(world.zwolle_place)
    before = len(mail.outbox)
    assert_created_once(client_for(world.users["board_member"]),
                        f"/meldpunt/vragen/{question.pk}/contact/{world.zwolle_place.code}/",
                        lambda: {"body": "Hoe hebben jullie het dak laten maken?"}, PeerContact.objects.count)
    assert len([m for m in mail.outbox[before:] if m.to == ["other.board.member@test.example"]]) == 1


def test_a_knowledge_base_draft(world, client_for):
    from ontmoet.helpdesk.models import Article
    from ontmoet.helpdesk.tests.factories import category

    assert_created_once(client_for(world.users["province_staff"]), "/meldpunt/kennisbank/nieuw/", lambda: {
        "title": "Subsidie voor zonnepanelen", "body": "Vraag het aan.", "category": category("daklekkage").pk,
        "visibility": "public", "tags_text": "", "province": world.overijssel.pk}, Article.objects.count)


def test_an_expert(world, client_for):
    from ontmoet.helpdesk.models import Expert
    from ontmoet.helpdesk.tests.factories import category

    assert_created_once(client_for(world.users["province_staff"]), "/meldpunt/experts/nieuw/", lambda: {
        "name": "Henk Dakdekker", "kind": "supplier", "login_email": "expert@test.example",
        "categories": [category("daklekkage").pk], "is_available": "on"}, Expert.objects.count)


def test_a_team(world, client_for):
    from ontmoet.helpdesk.models import Team

    assert_created_once(client_for(world.users["province_staff"]), "/meldpunt/experts/teams/nieuw/",
                        lambda: {"name": "Dakteam"}, Team.objects.count, form_page="/meldpunt/experts/")


def test_a_routing_rule(world, client_for):
    from ontmoet.helpdesk.models import RoutingRule
    from ontmoet.helpdesk.tests.factories import TeamFactory

    team = TeamFactory(province=world.overijssel)
    assert_created_once(client_for(world.users["province_staff"]), "/meldpunt/routering/nieuw/",
                        lambda: {"order": "1", "team": team.pk}, RoutingRule.objects.count)


def test_a_category(world, client_for):
    from ontmoet.helpdesk.models import Category

    national = UserFactory(email="landelijk@test.example", is_superuser=True, is_staff=True)
    assert_created_once(client_for(national), "/meldpunt/categorieen/nieuw/", lambda: {
        "name": "Brandveiligheid", "slug": "brandveiligheid", "order": "5", "first_response_days": "2",
        "resolution_days": "10", "day_kind": "calendar", "is_active": "on"}, Category.objects.count)


# -- register ---------------------------------------------------------------------------------
def test_a_new_place(world, client_for):
    from ontmoet.places.models import Place
    from ontmoet.places.tests.test_views import _form_data

    assert_created_once(client_for(world.users["municipal_officer"]), "/plekken/nieuw/",
                        lambda: _form_data(world.place, code="RAA-002", name="Buurtkamer Heeten"),
                        Place.objects.count)


# -- Sociale Hypotheek ------------------------------------------------------------------------
def test_a_round(world, client_for):
    from ontmoet.grants.models import Round

    assert_created_once(client_for(world.users["province_staff"]), "/sociale-hypotheek/rondes/nieuw/", lambda: {
        "name": "Sociale Hypotheek 2027", "year": "2027", "budget": "500000", "min_amount": "1000",
        "max_amount": "15000", "repayment_rate": "15", "societal_rate": "30", "repayment_months": "24",
        "opens_on": "2027-01-01", "closes_on": "2027-03-31", "four_eyes_threshold": "10000"}, Round.objects.count)


def test_a_payment(world, client_for):
    from ontmoet.grants.models import Payment
    from ontmoet.grants.tests.factories import RoundFactory, awarded

    award = awarded(world.place, RoundFactory(), world.users["board_member"], world.users["province_staff"])
    assert_created_once(client_for(world.users["province_staff"]),
                        f"/sociale-hypotheek/toekenningen/{award.pk}/betalingen/",
                        lambda: {"paid_on": award.awarded_on.isoformat(), "amount": "1500", "reference": "FIN-7"},
                        Payment.objects.count, form_page=award.get_absolute_url())


@pytest.mark.storage
def test_an_application_attachment(world, client_for, settings, tmp_path):
    from ontmoet.grants.models import Attachment
    from ontmoet.grants.tests.factories import RoundFactory, complete_draft

    settings.MEDIA_ROOT = tmp_path
    application = complete_draft(world.place, RoundFactory(), world.users["board_member"], attachment=False)
    assert_created_once(client_for(world.users["board_member"]),
                        f"/sociale-hypotheek/aanvragen/{application.pk}/bijlagen/",
                        lambda: {"file": pdf("begroting.pdf")}, Attachment.objects.count,
                        form_page=f"/sociale-hypotheek/aanvragen/{application.pk}/bewerken/")


# -- monitor ----------------------------------------------------------------------------------
def test_a_wave_and_its_invitations(world, client_for):
    from ontmoet.monitor.models import Invitation, Wave
    from ontmoet.monitor.tests.factories import shipped_questionnaire

    questionnaire = shipped_questionnaire(world.overijssel)
    assert_created_once(client_for(world.users["province_staff"]), "/monitor/uitvragen/nieuw/", lambda: {
        "questionnaire": questionnaire.pk, "title": "Monitor", "year": 2026, "respondent_kind": "place",
        "opens_on": "2026-01-01", "closes_on": "2026-12-31", "reminder_max": 2, "reminder_min_days": 7},
        Wave.objects.count)
    assert Invitation.objects.count() == 2  # once for each active place, not twice


def test_a_phone_call_in_the_monitor(world, client_for):
    from ontmoet.monitor.models import CallLog
    from ontmoet.monitor.tests.factories import make_wave

    invitation = make_wave(world.overijssel).invitations.get(place=world.place)
    assert_created_once(client_for(world.users["province_staff"]), f"/monitor/uitnodigingen/{invitation.pk}/",
                        lambda: {"outcome": "call_back", "note": "Na 17 uur", "call_back_on": "2026-12-01"},
                        CallLog.objects.count)


def test_an_edit_made_again_on_a_form_brought_back_is_saved(world, client_for):
    """Only creating is held to the token: an article edited, then edited again on the page the back
    button brought back (same token), keeps the second edit."""
    from ontmoet.helpdesk.models import Article
    from ontmoet.helpdesk.tests.factories import category

    client = client_for(world.users["province_staff"])
    data = {"title": "Subsidie voor zonnepanelen", "body": "Vraag het aan.", "category": category("daklekkage").pk,
            "visibility": "public", "tags_text": "", "province": world.overijssel.pk}
    client.post("/meldpunt/kennisbank/nieuw/", data)
    article = Article.objects.get()
    url = f"/meldpunt/kennisbank/{article.pk}/bewerken/"
    token = token_on(client.get(url))
    assert client.post(url, {**data, "title": "Eerste versie", FIELD: token}).status_code == 302
    assert client.post(url, {**data, "title": "Tweede versie", FIELD: token}).status_code == 302
    article.refresh_from_db()
    assert article.title == "Tweede versie"
