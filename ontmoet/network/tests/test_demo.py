import pytest
from django.core.management import call_command

from ontmoet.network.models import ContactMoment, Enrolment, Event, FundingScheme, Registration

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_gives_every_role_something(client):
    call_command("demo", "--quiet-logins")
    counts = (Event.objects.count(), Registration.objects.count(), ContactMoment.objects.count(),
              FundingScheme.objects.count(), Enrolment.objects.count())
    call_command("demo", "--quiet-logins")
    assert (Event.objects.count(), Registration.objects.count(), ContactMoment.objects.count(),
            FundingScheme.objects.count(), Enrolment.objects.count()) == counts
    board = Enrolment.objects.filter(user__email="bestuur@demo.ontmoet.nl")
    assert board.count() == 2 and board.filter(completed_at__isnull=False).count() == 1
    assert Registration.objects.filter(attended=True).exists()
    assert ContactMoment.objects.values("municipality").distinct().count() >= 5
    from ontmoet.accounts.models import User

    client.force_login(User.objects.get(email="bestuur@demo.ontmoet.nl"))
    page = client.get("/overzicht/").content.decode()
    assert "Uw aanspreekpunt bij de provincie" in page and "Dorpshuizenfonds Salland" in page
