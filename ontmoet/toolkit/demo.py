"""Demo initiatives (fictional): a 55+ complex in Raalte worked through every tool, a buurtkamer just begun,
and a struggling dorpshuis.

Idempotent: an initiative that already exists (by name, flagged is_demo) is left alone.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality

from . import decision_trees, services
from .models import (
    Budget,
    BudgetLine,
    DesignChecklist,
    Initiative,
    Partner,
    Quickscan,
    SocialManagement,
    TypologyAdvice,
)

MAIN = "Ontmoetingsruimte De Zonnehof (55+)"
BOARD = "Dorpshuis: de beheergroep raakt op"
STARTED = "Buurtkamer Kerkstraat"  # the initiator's second initiative, just begun: its Quickscan is a draft

# category, label, quantity per year, amount per unit; rent differentiated as seed 002 suggests.
BUDGET_LINES = [
    ("huur", "Huur ruimte aan corporatie", "12", "425"), ("energie", "Energie", "1", "2100"),
    ("onderhoud", "Klein onderhoud", "1", "600"), ("verzekering", "Verzekering", "1", "350"),
    ("schoonmaak", "Schoonmaak", "52", "45"), ("coordinatie", "Vrijwilligersvergoeding coördinator", "1", "1200"),
    ("activiteiten", "Materiaal activiteiten", "1", "900"),
    ("verhuur_bewoners", "Bewonersinitiatieven (uurtarief)", "200", "5"),
    ("verhuur_maatschappelijk", "Welzijn en zorg (uurtarief)", "150", "15"),
    ("verhuur_commercieel", "Fysiotherapeut en cursussen (uurtarief)", "80", "35"),
    ("horeca", "Koffie en thee", "1", "2400"), ("servicekosten", "Servicekosten bewoners (48 woningen)", "48", "60"),
    ("subsidie", "Subsidie gemeente op activiteiten", "1", "1500"),
]


def _user(email):
    return get_user_model().objects.filter(email=email).first()


@transaction.atomic
def load_demo() -> str | None:
    owner, board = _user("initiatief@demo.ontmoet.nl"), _user("bestuur@demo.ontmoet.nl")
    raalte = Municipality.objects.filter(code="GM0177").first()
    if owner is None or raalte is None:
        return None
    created = 0
    if not Initiative.objects.filter(name=MAIN, is_demo=True).exists():
        _main(owner, raalte)
        created += 1
    if not Initiative.objects.filter(name=STARTED, is_demo=True).exists():
        _started(owner, raalte)
        created += 1
    if board is not None and not Initiative.objects.filter(name=BOARD, is_demo=True).exists():
        place = board.roles.filter(place__isnull=False).values_list("place", flat=True).first()
        _board(board, raalte, Place.objects.filter(pk=place).first())
        created += 1
    total = Initiative.objects.filter(is_demo=True).count()
    return f"{total} demo-initiatieven ({created} nieuw)"


def _main(owner, raalte):
    initiative = Initiative(name=MAIN, stage=Initiative.Stage.PLANNED, municipality=raalte, is_demo=True,
                            typology="55plus",
                            description="Fictief: een gemeenschappelijke ruimte op de begane grond van een "
                                        "55+-complex met 48 woningen, samen met bewoners en welzijn.")
    services.create_initiative(initiative, owner)
    expert = _user("expert@demo.ontmoet.nl")
    if expert:  # an accepted partner straight away (no invitation mail from demo data)
        Partner.objects.create(initiative=initiative, user=expert, email=expert.email, invited_by=owner,
                               organisation="Coach ontmoetingsplekken", accepted_at=initiative.created_at)
    Quickscan.objects.create(
        initiative=initiative, status=Quickscan.Status.DECIDED, decision=Quickscan.Decision.GO,
        goal="Bewoners van De Zonnehof ontmoeten elkaar dicht bij huis; eenzaamheid voorkomen.",
        target_groups="Bewoners van het complex (55+), omwonende ouderen.",
        needs="Uit de bewonersavond: koffieochtend, samen eten, spelletjes, een plek voor de fysiotherapeut.",
        neighbourhood_task="Veel alleenstaande ouderen in de wijk; het buurthuis ligt ver weg.",
        test_outcome="De behoeften passen bij het doel; 14 bewoners willen meedoen in een beheergroep.",
        decision_reasons="Duidelijke vraag, een beheergroep in oprichting, en corporatie en welzijn doen mee.",
        partner_talks=[{"who": "Welzijn Salland (fictief)", "role": "Ondersteuning beheergroep",
                        "commitment": "4 uur per week, eerste twee jaar"},
                       {"who": "Woonstichting (fictief)", "role": "Eigenaar", "commitment": "Ruimte en inrichting"}],
        location_candidates=[{"name": "Ruimte begane grond bij de entree", "notes": "Zichtbaar, bij de lift"},
                             {"name": "Bergingen achterzijde", "notes": "Te donker, geen toilet"}],
        location_criteria="Begane grond, zichtbaar, toegankelijk toilet, pantry.",
        location_choice="Ruimte begane grond bij de entree")
    TypologyAdvice.objects.create(initiative=initiative, answers={"schaal": 1, "huiselijkheid": 2, "gerichtheid": 0,
                                                                  "zelforganisatie": 1})
    SocialManagement.objects.create(initiative=initiative, ingredients_done=["0"], rows=[
        {"stakeholder": "beheergroep", "who": "Beheergroep De Zonnehof", "tasks": "Sleutel, rooster, koffie",
         "agreed_by": "Corporatie en bewonerscommissie"},
        {"stakeholder": "welzijn", "who": "Welzijn Salland (fictief)", "tasks": "Coaching beheergroep",
         "agreed_by": "Gemeente Raalte"},
        {"stakeholder": "corporatie", "who": "Woonstichting (fictief)", "tasks": "Technisch beheer, servicekosten",
         "agreed_by": "Bewonerscommissie"}])
    DesignChecklist.objects.create(initiative=initiative, checked=["zichtbaar", "entree", "toilet", "pantry"])
    budget = Budget.objects.create(initiative=initiative, start_year=2027, indexation=Decimal("2.5"),
                                   energy_change=Decimal("4"), opening_hours_per_week=Decimal("24"),
                                   visitors_per_week=90, volunteer_hours_per_week=Decimal("30"),
                                   volunteer_hour_value=Decimal("15"))  # fictional rate, chosen by the user
    for position, (category, label, quantity, amount) in enumerate(BUDGET_LINES):
        direction = "kosten" if category in {"huur", "energie", "onderhoud", "verzekering", "schoonmaak",
                                             "coordinatie", "activiteiten"} else "inkomsten"
        BudgetLine.objects.create(budget=budget, direction=direction, category=category, label=label,
                                  quantity=Decimal(quantity), unit_amount=Decimal(amount), position=position)
    _walk(initiative, "mismatch_vraag_aanbod", [0, 1, 1], owner)


def _started(owner, raalte):
    """Begun last week: the Quickscan half filled in, so the initiator's overview has a next step waiting."""
    initiative = Initiative(name=STARTED, stage=Initiative.Stage.PLANNED, municipality=raalte, is_demo=True,
                            description="Fictief: een leegstaand winkelpand in de Kerkstraat als buurtkamer.")
    services.create_initiative(initiative, owner)
    Quickscan.objects.create(initiative=initiative, goal="Een plek om binnen te lopen voor buurtbewoners.",
                             target_groups="Bewoners van de oude kern, jonge gezinnen en ouderen.")


def _board(board, raalte, place):
    initiative = Initiative(name=BOARD, stage=Initiative.Stage.EXISTING, municipality=raalte, place=place,
                            is_demo=True, description="Fictief: de vaste vrijwilligers worden ouder en moe.")
    services.create_initiative(initiative, board)
    # As the handreiking advises for a room that no longer works: begin with the Quickscan (goal and needs),
    # then the flow chart of the cause, here bewonersbeheer (the one tree taken from the handreiking).
    Quickscan.objects.create(initiative=initiative, goal="Het dorpshuis blijft een plek voor het hele dorp.",
                             needs="Vrijwilligers willen minder vaste diensten; jongere gezinnen zoeken een "
                                   "plek voor activiteiten met kinderen.")
    _walk(initiative, "bewonersbeheer", [0, 0], board)


def _walk(initiative, slug, path, actor):
    tree, _errors = decision_trees.parse_tree(decision_trees.shipped_text(slug), f"{slug}.yaml")
    services.save_tree_walk(initiative, tree, 0, decision_trees.walk(tree, path), actor)

