import pytest
from django.core.management import call_command

from ontmoet.grants.models import Award, Round
from ontmoet.grants.services import eligibility_problems

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_the_demo_board_can_apply(tmp_path):
    call_command("demo", "--quiet-logins")
    awards = Award.objects.count()
    assert awards >= 10
    from django.utils import timezone

    # Overdue: its due date passed, so it has a settlement proposal for the province to decide (issue 18).
    overdue = Award.objects.filter(due_date__lt=timezone.localdate())
    assert overdue.exists() and not overdue.filter(settlement__isnull=True).exists()
    assert overdue.filter(status="proposed").exists()
    call_command("demo", "--quiet-logins")
    assert Award.objects.count() == awards
    from ontmoet.accounts.models import User
    from ontmoet.accounts.scoping import get_scope
    from ontmoet.places.models import Place

    board = User.objects.get(email="bestuur@demo.ontmoet.nl")
    place = Place.objects.get(pk=next(iter(get_scope(board).place_ids)))
    open_round = Round.objects.exclude(name__in=["Sociale Hypotheek 2023", "Sociale Hypotheek 2024"]).get()
    assert eligibility_problems(place, open_round) == []
    # The applications waiting for the province are complete, so the demo can award them.
    from ontmoet.grants import requirements
    from ontmoet.grants.models import Application

    waiting = Application.objects.filter(status__in=["submitted", "in_review"])
    assert waiting and all(requirements.problems(application) == [] for application in waiting)
