"""The toolkit's pages, as their users use them: behaviour, bad input and scope."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from ontmoet.accounts.tests.factories import UserFactory
from ontmoet.toolkit.models import Event, Initiative, Quickscan, TreeWalk

from .factories import BudgetFactory, BudgetLineFactory, InitiativeFactory, QuickscanFactory, world_initiative

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"toolkit:{name}", args=args)


# -- Initiatives and partners ------------------------------------------------------------------
def test_any_role_starts_an_initiative(world, client_for):
    client = client_for(world.users["expert"])
    response = client.post(url("create"), {"name": "Huiskamer Zonnehof", "stage": "gepland",
                                           "municipality": world.raalte.pk, "description": "55+-complex"})
    initiative = Initiative.objects.get(name="Huiskamer Zonnehof")
    assert response.status_code == 302 and initiative.owner == world.users["expert"]
    assert initiative.events.filter(action="initiatief gestart").exists()


def test_initiative_needs_a_municipality_and_keeps_what_was_typed(world, client_for):
    response = client_for(world.users["initiator"]).post(url("create"), {"name": "Mijn plan", "stage": "gepland"})
    assert response.status_code == 400
    assert "Mijn plan" in response.content.decode()
    assert not Initiative.objects.exists()


def test_the_not_saved_message_is_in_the_visitors_language(world, client_for):
    from django.conf import settings

    client = client_for(world.users["initiator"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.post(url("create"), {"name": "My plan", "stage": "gepland"}).content.decode()
    assert "Not saved" in page and "Niet opgeslagen" not in page


def test_linked_place_must_lie_in_the_chosen_municipality(world, client_for):
    response = client_for(world.users["province_staff"]).post(url("create"), {
        "name": "Plan", "stage": "bestaand", "municipality": world.zwolle.pk, "place": world.place.pk})
    assert response.status_code == 400
    assert "ligt in Raalte" in response.content.decode()


def test_existing_user_becomes_partner_at_once_and_sees_only_that_initiative(
        world, client_for, django_capture_on_commit_callbacks):
    initiative = world_initiative(world)
    other = InitiativeFactory(municipality=world.raalte)
    partner = UserFactory(email="woon@corporatie.example")
    client = client_for(world.users["initiator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("partners", initiative.pk), {"email": "Woon@Corporatie.example",
                                                                "organisation": "Woningcorporatie"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "Uitnodiging" in mail.outbox[0].subject
    client = client_for(partner)
    assert client.get(url("detail", initiative.pk)).status_code == 200
    assert client.get(url("detail", other.pk)).status_code == 404
    assert list(client.get(url("list")).context["initiatives"]) == [initiative]
    # a partner works on the tools
    assert client.post(url("design", initiative.pk), {"checked": ["pantry"], "notes": "x"}).status_code == 302


def test_new_email_gets_a_link_that_another_account_can_accept_once(
        world, client_for, django_capture_on_commit_callbacks):
    initiative = world_initiative(world)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.users["initiator"]).post(url("partners", initiative.pk), {"email": "nieuw@welzijn.example"})
    partner = initiative.partners.get()
    assert partner.user is None and partner.token in mail.outbox[0].body
    newcomer = UserFactory(email="ander@welzijn.example")
    client = client_for(newcomer)
    assert client.get(url("detail", initiative.pk)).status_code == 404  # not before accepting
    assert client.post(url("accept", partner.token)).status_code == 302
    assert client.get(url("detail", initiative.pk)).status_code == 200
    # the link is used up: someone else gets 404
    assert client_for(UserFactory()).get(url("accept", partner.token)).status_code == 404


def test_invalid_partner_email_gives_dutch_message(world, client_for):
    initiative = world_initiative(world)
    response = client_for(world.users["initiator"]).post(url("partners", initiative.pk), {"email": "geen-adres"})
    assert response.status_code == 400 and "geldig e-mailadres" in response.content.decode()


def test_readers_in_scope_cannot_change_and_others_get_404(world, client_for):
    initiative = world_initiative(world)
    officer = client_for(world.users["municipal_officer"])
    assert officer.get(url("quickscan", initiative.pk)).status_code == 200
    assert officer.post(url("quickscan", initiative.pk), {"goal": "x"}).status_code == 403
    assert client_for(world.users["other_municipal_officer"]).get(url("budget", initiative.pk)).status_code == 404
    assert client_for(world.users["other_province_staff"]).get(url("pdf", initiative.pk)).status_code == 404


# -- Quickscan ---------------------------------------------------------------------------------
QUICKSCAN = {
    "goal": "Ontmoeting voor ouderen in het complex", "target_groups": "55-plussers", "needs": "Koffie, spelletjes",
    "neighbourhood_task": "Eenzaamheid", "test_outcome": "Past bij het doel", "decision": "", "decision_reasons": "",
    "location_criteria": "Begane grond", "location_choice": "", "gesprek-TOTAL_FORMS": "2",
    "gesprek-INITIAL_FORMS": "0", "gesprek-0-who": "Welzijn Raalte", "gesprek-0-role": "Ondersteuning",
    "gesprek-0-commitment": "2 uur per week", "locatie-TOTAL_FORMS": "2", "locatie-INITIAL_FORMS": "0",
    "locatie-0-name": "Zaal begane grond", "locatie-0-notes": "Goed bereikbaar",
}


def test_quickscan_can_be_saved_halfway_and_resumed(world, client_for):
    initiative = world_initiative(world)
    client = client_for(world.users["initiator"])
    assert client.post(url("quickscan", initiative.pk), {**QUICKSCAN, "opslaan": "1"}).status_code == 302
    quickscan = Quickscan.objects.get(initiative=initiative)
    assert quickscan.status == "concept" and quickscan.partner_talks == [
        {"who": "Welzijn Raalte", "role": "Ondersteuning", "commitment": "2 uur per week"}]
    page = client.get(url("quickscan", initiative.pk)).content.decode()
    assert "Welzijn Raalte" in page and "Zaal begane grond" in page


def test_quickscan_cannot_be_finished_without_a_decision_and_keeps_the_text(world, client_for):
    initiative = world_initiative(world)
    response = client_for(world.users["initiator"]).post(url("quickscan", initiative.pk),
                                                         {**QUICKSCAN, "afronden": "1"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies go of no-go" in page and "Schrijf op waarom" in page
    assert "Ontmoeting voor ouderen in het complex" in page and "Welzijn Raalte" in page
    assert not Quickscan.objects.exists()


def test_quickscan_go_is_recorded_with_reasons_and_can_be_reopened(world, client_for):
    initiative = world_initiative(world)
    client = client_for(world.users["initiator"])
    response = client.post(url("quickscan", initiative.pk), {**QUICKSCAN, "afronden": "1", "decision": "go",
                                                             "decision_reasons": "Breed gedragen behoefte"})
    assert response.status_code == 302 and response["Location"] == url("quickscan", initiative.pk)
    quickscan = Quickscan.objects.get(initiative=initiative)
    assert (quickscan.status, quickscan.decision) == ("besloten", "go")
    event = Event.objects.filter(initiative=initiative, action__startswith="Quickscan besloten").get()
    assert event.note == "Breed gedragen behoefte" and event.actor == world.users["initiator"]
    # decided: no edits until reopened
    assert client.post(url("quickscan", initiative.pk), {**QUICKSCAN, "opslaan": "1"}).status_code == 403
    client.post(url("quickscan_reopen", initiative.pk))
    assert Quickscan.objects.get(initiative=initiative).status == "concept"


@pytest.mark.parametrize("extra", [{"decision": "no_go"}, {"decision": "go", "no_suitable_room": "on"}])
def test_no_go_or_no_room_leads_to_the_inspiration_list(world, client_for, extra):
    initiative = world_initiative(world)
    client = client_for(world.users["initiator"])
    response = client.post(url("quickscan", initiative.pk), {**QUICKSCAN, "afronden": "1",
                                                             "decision_reasons": "Geen draagvlak", **extra})
    assert response["Location"] == url("inspiration")
    assert "Cromvlietplein" in client.get(url("inspiration")).content.decode()


# -- Typology, sociaal beheer, design ------------------------------------------------------------
def test_typology_ranks_and_explains_and_the_choice_feeds_the_other_tools(world, client_for):
    initiative = world_initiative(world)
    client = client_for(world.users["initiator"])
    answers = {"schaal": "0", "faciliteiten": "0", "buitenruimte": "0", "gerichtheid": "0", "activiteiten": "0",
               "zelforganisatie": "2", "huiselijkheid": "0", "beheer": "0"}
    client.post(url("typology", initiative.pk), answers)
    ranking = client.get(url("typology", initiative.pk)).context["ranking"]
    assert ranking[0]["typology"] == "koffiehonk"
    assert ranking[-1]["typology"] == "buurthuis"
    row = next(r for r in ranking[-1]["rows"] if r["label"] == "Schaal")
    assert (row["verdict"], row["text"]) == ("past_niet", "Zeer grootschalig")
    client.post(url("typology", initiative.pk), {"kies": "55plus"})
    assert Initiative.objects.get(pk=initiative.pk).typology == "55plus"
    social = client.get(url("social", initiative.pk)).content.decode()
    assert "Bewonerscommissie met ondersteuning" in social
    budget = client.get(url("budget", initiative.pk)).content.decode()
    assert "Stimuleringsregeling ontmoetingsruimtes ouderenhuisvesting" in budget


def test_the_gespreksplaat_is_saved_per_row(world, client_for):
    initiative = world_initiative(world, typology="55plus")
    client = client_for(world.users["initiator"])
    response = client.post(url("social", initiative.pk), {
        "rij-TOTAL_FORMS": "3", "rij-INITIAL_FORMS": "0", "rij-0-stakeholder": "corporatie",
        "rij-0-who": "Woonstichting", "rij-0-tasks": "Sleutelbeheer", "rij-0-agreed_by": "Bewonerscommissie",
        "ingredient": ["0", "2"]})
    assert response.status_code == 302
    record = initiative.social_management
    assert record.rows == [{"stakeholder": "corporatie", "who": "Woonstichting", "tasks": "Sleutelbeheer",
                            "agreed_by": "Bewonerscommissie"}]
    assert record.ingredients_done == ["0", "2"]


# -- PDF -----------------------------------------------------------------------------------------
@pytest.mark.storage
def test_pdf_of_a_complete_initiative_contains_every_tool(world, client_for):
    initiative = world_initiative(world, typology="55plus")
    QuickscanFactory(initiative=initiative, status="besloten", decision="go", decision_reasons="Draagvlak")
    BudgetLineFactory(budget=BudgetFactory(initiative=initiative))
    TreeWalk.objects.create(initiative=initiative, slug="bewonersbeheer", tree_title="Bewonersbeheer", path="0",
                            steps=[{"question": "Stabiel?", "answer": "Ja"}], advice="Ga in gesprek.", examples=[])
    response = client_for(world.users["province_staff"]).get(url("pdf", initiative.pk))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in ["Ontmoetingsruimte De Es", "Quickscan", "Draagvlak", "Exploitatiebegroting",
                     "niet sluitend", "Bewonersbeheer", "Ga in gesprek."]:
        assert expected in text, expected


def test_dashboard_lists_initiatives_in_the_area(world, client_for):
    initiative = world_initiative(world)
    page = client_for(world.users["municipal_officer"]).get(reverse("core:dashboard")).content.decode()
    assert initiative.name in page
    page = client_for(world.users["other_municipal_officer"]).get(reverse("core:dashboard")).content.decode()
    assert initiative.name not in page


def test_invited_newcomer_makes_an_account_from_the_link(world, client_for):
    initiative = world_initiative(world)
    partner = initiative.partners.create(email="nieuw@buurt.example", invited_by=world.users["initiator"])
    client = client_for(None)
    page = client.get(url("accept", partner.token))
    assert page.status_code == 200 and "Account aanmaken en meedoen" in page.content.decode()
    response = client.post(url("accept", partner.token), {"first_name": "Nina", "password": "kort",
                                                          "password_again": "anders"})
    assert response.status_code == 400 and "niet gelijk" in response.content.decode()
    assert 'value="Nina"' in response.content.decode()
    response = client.post(url("accept", partner.token), {"first_name": "Nina", "last_name": "Nieuw",
                                                          "password": "een-lang-wachtwoord-42",
                                                          "password_again": "een-lang-wachtwoord-42"})
    assert response.status_code == 302 and response["Location"] == initiative.get_absolute_url()
    partner.refresh_from_db()
    assert partner.user.email == "nieuw@buurt.example" and partner.accepted_at is not None
    assert client.get(initiative.get_absolute_url()).status_code == 200  # logged in
    # the link is used: a visitor without a session is sent to the login page
    client.logout()
    assert client.get(url("accept", partner.token))["Location"].startswith(reverse("accounts:login"))


def test_inviting_an_accepted_partner_again_changes_nothing(world, client_for):
    initiative = world_initiative(world)
    client = client_for(world.users["initiator"])
    client.post(url("partners", initiative.pk), {"email": "expert@test.example"})
    partner = initiative.partners.get()
    client.post(url("partners", initiative.pk), {"email": "expert@test.example", "organisation": "Anders"})
    again = initiative.partners.get()
    assert (again.user, again.accepted_at, again.organisation) == (partner.user, partner.accepted_at, "")
