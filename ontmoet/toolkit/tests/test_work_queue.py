"""The initiator's work queue: own initiatives with a toolkit step still to do, the count a link to exactly them;
a saved tree outcome says when the tree is example content."""

import re

import pytest

from ontmoet.toolkit import decision_trees, services
from ontmoet.toolkit.models import DesignChecklist, Quickscan, SocialManagement

from .factories import BudgetFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def _complete(initiative):
    Quickscan.objects.create(initiative=initiative, status=Quickscan.Status.DECIDED, decision=Quickscan.Decision.GO)
    initiative.typology = "55plus"
    initiative.save()
    SocialManagement.objects.create(initiative=initiative)
    DesignChecklist.objects.create(initiative=initiative)
    BudgetFactory(initiative=initiative)


def test_only_own_initiatives_with_a_step_to_do_are_counted_and_listed(world, client_for):
    initiator = world.users["initiator"]
    started = InitiativeFactory(owner=initiator, municipality=world.raalte, name="Buurtkamer Kerkstraat")
    Quickscan.objects.create(initiative=started, goal="Binnenlopen")  # a draft: not decided
    _complete(InitiativeFactory(owner=initiator, municipality=world.raalte, name="De Zonnehof"))
    InitiativeFactory(owner=world.users["board_member"], municipality=world.raalte, name="Niet van u")
    client = client_for(initiator)
    overview = client.get("/overzicht/").content.decode()
    link = re.search(r'<a class="utrecht-link" href="([^"]+)" data-count="1">1 initiatief met stappen nog te doen</a>',
                     overview)
    assert link, "het overzicht noemt het initiatief met een open stap"
    listing = client.get(link.group(1)).content.decode()
    assert "Buurtkamer Kerkstraat" in listing
    assert "De Zonnehof" not in listing and "Niet van u" not in listing
    assert "Toon alle initiatieven" in listing
    assert "De Zonnehof" in client.get("/initiatieven/").content.decode()


def test_nothing_waits_when_every_step_is_done(world, client_for):
    _complete(InitiativeFactory(owner=world.users["initiator"], municipality=world.raalte))
    client = client_for(world.users["initiator"])
    assert "stappen nog te doen" not in client.get("/overzicht/").content.decode()
    assert "In uw initiatieven zijn alle stappen gedaan." in client.get("/initiatieven/?lijst=open").content.decode()


def test_a_saved_outcome_of_an_example_tree_is_marked_as_example(world, client_for):
    initiative = InitiativeFactory(owner=world.users["initiator"], municipality=world.raalte)
    for slug in ("bewonersbeheer", "regelgeving"):
        tree, _errors = decision_trees.parse_tree(decision_trees.shipped_text(slug), f"{slug}.yaml")
        services.save_tree_walk(initiative, tree, 0, decision_trees.walk(tree, [0, 0]), world.users["initiator"])
    page = client_for(world.users["initiator"]).get(initiative.get_absolute_url()).content.decode()
    saved = page.split("Opgeslagen uitkomsten", 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li .*?</li>", saved, re.S)
    marked = {("voorbeeldinhoud" in item) for item in items if "Bewonersbeheer" in item}
    assert marked == {False}
    assert all("voorbeeldinhoud" in item for item in items if "regelgeving" in item.lower())
    assert any("regelgeving" in item.lower() for item in items)
