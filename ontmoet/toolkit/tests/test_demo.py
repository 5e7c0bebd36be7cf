"""The demo: the initiator's initiative is complete, visible to municipality and province, and loads once."""

from io import StringIO

import pytest
from django.core.management import call_command

from ontmoet.accounts.models import User
from ontmoet.accounts.scoping import get_scope
from ontmoet.toolkit import budget as budget_calc
from ontmoet.toolkit import selectors
from ontmoet.toolkit.demo import MAIN
from ontmoet.toolkit.models import Initiative, TreeWalk

pytestmark = pytest.mark.django_db


def test_demo_initiative_is_complete_visible_and_idempotent():
    call_command("demo", quiet_logins=True, stdout=StringIO())
    initiative = Initiative.objects.get(name=MAIN)
    assert initiative.owner.email == "initiatief@demo.ontmoet.nl" and initiative.typology == "55plus"
    assert initiative.quickscan.decision == "go" and initiative.quickscan.status == "besloten"
    projection = budget_calc.project(initiative.budget, list(initiative.budget.lines.all()))
    assert len(projection.costs) == 7 and len(projection.incomes) == 6
    assert TreeWalk.objects.filter(initiative=initiative).exists()
    for email in ["gemeente@demo.ontmoet.nl", "provincie@demo.ontmoet.nl", "beleid@demo.ontmoet.nl",
                  "expert@demo.ontmoet.nl"]:
        user = User.objects.get(email=email)
        assert selectors.get_initiative(user, get_scope(user), initiative.pk) == initiative, email
    board = User.objects.get(email="bestuur@demo.ontmoet.nl")
    assert selectors.visible_initiatives(board, get_scope(board)).filter(tree_walks__slug="bewonersbeheer").exists()
    before = (Initiative.objects.count(), TreeWalk.objects.count())
    call_command("demo", quiet_logins=True, stdout=StringIO())
    assert (Initiative.objects.count(), TreeWalk.objects.count()) == before
