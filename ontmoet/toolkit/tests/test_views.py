"""The toolkit's pages, as their users use them: behaviour, bad input and scope."""

import io
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from ontmoet.accounts.tests.factories import UserFactory
from ontmoet.toolkit import budget as budget_calc
from ontmoet.toolkit.models import Budget, BudgetLine, Event, Initiative, Quickscan, TreeVersion, TreeWalk

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


# -- Budget --------------------------------------------------------------------------------------
def _budget_post(lines, **settings):
    data = {"start_year": "2027", "indexation": "2", "energy_change": "10", "opening_hours_per_week": "20",
            "visitors_per_week": "50", "regel-TOTAL_FORMS": str(len(lines)), "regel-INITIAL_FORMS": "0",
            "regel-MIN_NUM_FORMS": "0", "regel-MAX_NUM_FORMS": "1000", **settings}
    for i, (category, label, quantity, amount) in enumerate(lines):
        data.update({f"regel-{i}-category": category, f"regel-{i}-label": label, f"regel-{i}-quantity": quantity,
                     f"regel-{i}-unit_amount": amount, f"regel-{i}-indexed": "on"})
    return data


def test_budget_that_does_not_close_shows_shortfall_and_how_to_close_it(world, client_for):
    initiative = world_initiative(world)
    client = client_for(world.users["initiator"])
    response = client.post(url("budget", initiative.pk), _budget_post([
        ("huur", "Huur ruimte", "12", "500"), ("energie", "Energie", "1", "2000,00"),
        ("verhuur_bewoners", "Bewonersinitiatieven", "200", "5"),
        ("verhuur_commercieel", "Commerciële verhuur", "100", "25")]))
    assert response.status_code == 302
    page = client.get(url("budget", initiative.pk))
    projection = page.context["projection"]
    assert projection.total_costs[0] == Decimal("8000.00")
    assert projection.total_costs[1] == Decimal("6120.00") + Decimal("2200.00")  # index 2%, energy 10%
    assert not projection.closes
    assert "De exploitatie is niet sluitend" in page.content.decode()
    assert any("Commerciële verhuur" in s and "€ 77,05" in s for s in projection.suggestions), projection.suggestions
    assert page.context["per_hour"] == Decimal("7.69")  # 8000 / (20 * 52)
    # the user follows the advice for the commercial rate
    line = BudgetLine.objects.get(label="Commerciële verhuur")
    data = _budget_post([], **{"regel-TOTAL_FORMS": "1", "regel-INITIAL_FORMS": "1"})
    data.update({"regel-0-id": line.pk, "regel-0-category": "verhuur_commercieel", "regel-0-label": line.label,
                 "regel-0-quantity": "100", "regel-0-unit_amount": "80", "regel-0-indexed": "on"})
    assert client.post(url("budget", initiative.pk), data).status_code == 302
    page = client.get(url("budget", initiative.pk))
    assert page.context["projection"].closes
    assert "De exploitatie is sluitend" in page.content.decode()


def test_budget_bad_input_gives_dutch_messages_and_keeps_everything(world, client_for):
    initiative = world_initiative(world)
    response = client_for(world.users["initiator"]).post(url("budget", initiative.pk), _budget_post(
        [("huur", "Huur", "12", "vijfhonderd"), ("schoonmaak", "Schoonmaak", "-3", "100"), ("", "", "", "")],
        indexation="150", energy_change="abc"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul een getal in, bijvoorbeeld 1250,50." in page
    assert "van hoogstens 100 in" in page
    assert "van 0 of meer in" in page
    assert 'value="vijfhonderd"' in page and 'value="150"' in page and 'value="-3"' in page
    assert not Budget.objects.exists() and not BudgetLine.objects.exists()


def test_budget_projection_uses_decimal_and_energy_scenario():
    budget = Budget(start_year=2027, indexation=Decimal("3"), energy_change=Decimal("-10"))
    lines = [BudgetLine(direction="kosten", category="energie", label="E", quantity=Decimal("1"),
                        unit_amount=Decimal("1000")),
             BudgetLine(direction="inkomsten", category="subsidie", label="S", quantity=Decimal("1"),
                        unit_amount=Decimal("1000"), indexed=False)]
    projection = budget_calc.project(budget, lines)
    assert projection.costs[0].amounts == [Decimal("1000.00"), Decimal("900.00"), Decimal("810.00"),
                                           Decimal("729.00"), Decimal("656.10")]
    assert projection.incomes[0].amounts == [Decimal("1000.00")] * 5
    assert projection.closes
    assert budget_calc.weekly_hours({"ma": ["09:00-12:00", "13:30-17:00"], "di": ["kapot"]}) == Decimal("6.5")


def test_budget_exports_to_xlsx(world, client_for):
    initiative = world_initiative(world)
    BudgetLineFactory(budget=BudgetFactory(initiative=initiative), unit_amount=Decimal("1000"))
    response = client_for(world.users["municipal_officer"]).get(url("budget_xlsx", initiative.pk))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Soort", "Categorie", "Omschrijving", "2027")
    assert rows[1][2] == "Huur" and rows[1][3] == 1000 and rows[-1][2] == "Saldo"


def test_cost_comparison_says_honestly_that_visitor_data_is_missing(world, client_for):
    world.place.typology = "multifunctioneel"
    world.place.opening_hours = {"ma": ["09:00-17:00"]}
    world.place.save()
    initiative = world_initiative(world, typology="multifunctioneel")
    page = client_for(world.users["initiator"]).get(url("budget", initiative.pk))
    assert [row["hours"] for row in page.context["comparison"]] == [Decimal(8)]
    BudgetLineFactory(budget=BudgetFactory(initiative=initiative))
    page = client_for(world.users["initiator"]).get(url("budget", initiative.pk)).content.decode()
    assert "geen bezoekersaantallen of kosten" in page


# -- Decision trees ------------------------------------------------------------------------------
def test_board_member_walks_bewonersbeheer_to_a_recommendation_and_saves_it(world, client_for):
    board = world.users["board_member"]
    initiative = InitiativeFactory(owner=board, municipality=world.raalte, place=world.place, stage="bestaand")
    client = client_for(board)
    walk_url = url("tree_walk", initiative.pk, "bewonersbeheer")
    page = client.get(walk_url).content.decode()
    assert "Is de bewonersbeheergroep stabiel?" in page
    response = client.get(walk_url, {"pad": "", "antwoord": "1"})  # Nee
    assert response.status_code == 302 and response["Location"].endswith("?pad=1")
    page = client.get(walk_url, {"pad": "1"}).content.decode()
    assert "onenigheid" in page and "Vorige vraag" in page
    page = client.get(walk_url, {"pad": "1.0"}).content.decode()  # Ja: onenigheid
    assert "Buurtbemiddeling inzetten" in page and "Aanbeveling" in page
    assert client.post(walk_url, {"pad": "1.0"}).status_code == 302
    walk = TreeWalk.objects.get(initiative=initiative)
    assert walk.steps == [{"question": "Is de bewonersbeheergroep stabiel?", "answer": "Nee"},
                          {"question": "Is er sprake van onenigheid binnen de beheergroep?", "answer": "Ja"}]
    assert walk.examples == ["Buurtbemiddeling inzetten"] and walk.version == 0
    assert client.post(walk_url, {"pad": "1"}).status_code == 404  # not at an advice yet


def test_province_staff_edit_a_tree_with_validation_and_history(world, client_for):
    client = client_for(world.users["province_staff"])
    edit_url = url("tree_edit", "bewonersbeheer")
    text = client.get(edit_url).context["form"].initial["text"]
    broken = text.replace("next: onenigheid", "next: bestaat_niet")
    response = client.post(edit_url, {"text": broken, "note": "poging"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "bewonersbeheer.yaml, knooppunt stabiel, regel" in page and "bestaat_niet" in page
    assert "next: bestaat_niet" in page  # what was typed is kept
    response = client.post(edit_url, {"text": text.replace("next: onenigheid", "next: stabiel"), "note": "x"})
    assert response.status_code == 400 and "kringloop" in response.content.decode()
    assert client.post(edit_url, {"text": "title: [kapot", "note": ""}).status_code == 400
    assert not TreeVersion.objects.exists()
    changed = text.replace("Is de bewonersbeheergroep stabiel?", "Is de beheergroep stabiel?")
    assert client.post(edit_url, {"text": changed, "note": "korter"}).status_code == 302
    version = TreeVersion.objects.get()
    assert (version.number, version.created_by) == (1, world.users["province_staff"])
    initiative = world_initiative(world)
    page = client_for(world.users["initiator"]).get(url("tree_walk", initiative.pk, "bewonersbeheer"))
    assert "Is de beheergroep stabiel?" in page.content.decode()
    client = client_for(world.users["province_staff"])
    client.post(edit_url, {"standaard": "1"})
    assert TreeVersion.objects.count() == 2
    assert "Is de bewonersbeheergroep stabiel?" in TreeVersion.objects.get(number=2).text
    assert client_for(world.users["municipal_officer"]).post(edit_url, {"text": changed}).status_code == 403


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


def test_budget_chart_is_an_svg_with_the_figures_in_the_alt_text(world, client_for):
    initiative = world_initiative(world)
    BudgetLineFactory(budget=BudgetFactory(initiative=initiative), unit_amount=Decimal("1000"))
    client = client_for(world.users["initiator"])
    response = client.get(url("budget_chart", initiative.pk))
    assert response["Content-Type"] == "image/svg+xml" and response.content.startswith(b"<?xml")
    page = client.get(url("budget", initiative.pk)).content.decode()
    assert 'alt="Saldo per jaar in euro&#x27;s: 2027: -1.000,00' in page


def test_budget_line_widgets_show_the_chosen_category_and_values():
    from ontmoet.toolkit.forms import BudgetLineFormSet

    formset = BudgetLineFormSet(prefix="regel", instance=Budget(start_year=2027))
    form = formset.forms[0]
    form.initial = {"category": "energie", "label": 'Energie "groen"', "indexed": True}
    html = str(form["category"]) + str(form["label"]) + str(form["indexed"])
    assert '<optgroup label="Kosten">' in html and '<option value="energie" selected>Energie</option>' in html
    assert html.count(" selected") == 1
    assert 'value="Energie &quot;groen&quot;"' in html and 'type="checkbox" name="regel-0-indexed"' in html
    assert " checked" in html


def test_an_older_tree_version_can_be_loaded_and_saved_again(world, client_for):
    client = client_for(world.users["province_admin"])
    edit_url = url("tree_edit", "regelgeving")
    original = client.get(edit_url).context["form"].initial["text"]
    client.post(edit_url, {"text": original.replace("Gaat het om regels", "Betreft het regels"), "note": "v1"})
    page = client.get(edit_url, {"versie": "1"}).content.decode()
    assert "Betreft het regels" in page and "versie 1 in de editor laden" in page
    assert client.get(edit_url, {"versie": "9"}).status_code == 404


def test_social_return_values_volunteer_work_at_the_users_rate(world, client_for):
    initiative = world_initiative(world)
    client = client_for(world.users["initiator"])
    data = _budget_post([("huur", "Huur", "1", "7800")], volunteer_hours_per_week="20",
                        volunteer_hour_value="12,50")
    assert client.post(url("budget", initiative.pk), data).status_code == 302
    result = client.get(url("budget", initiative.pk)).context["social_return"]
    assert result == {"volunteer_value": Decimal("13000.00"), "per_euro": Decimal("1.67"), "visits": 2600}
    data["volunteer_hour_value"] = "-1"
    response = client.post(url("budget", initiative.pk), data)
    assert response.status_code == 400 and "van 0 of meer in" in response.content.decode()


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
