"""The invited newcomer's account form creates one account when posted twice."""

import pytest

from ontmoet.core.submissions import FIELD
from ontmoet.core.tests.test_double_submit import token_on

pytestmark = pytest.mark.django_db


def test_an_invited_newcomers_account_posted_twice_is_made_once_and_the_repeat_follows_it(world, client_for):
    """The unique e-mail address keeps it one account; the token sends the repeat to the initiative
    instead of to the login page."""
    from ontmoet.accounts.models import User
    from ontmoet.toolkit.tests.factories import world_initiative

    initiative = world_initiative(world)
    partner = initiative.partners.create(email="nieuw@buurt.example", invited_by=world.users["initiator"])
    first_click, second_click = client_for(None), client_for(None)  # the second has no session yet
    url = f"/initiatieven/uitnodiging/{partner.token}/"
    data = {"first_name": "Nina", "password": "een-lang-wachtwoord-42", "password_again": "een-lang-wachtwoord-42",
            FIELD: token_on(first_click.get(url))}

    first = first_click.post(url, data)
    second = second_click.post(url, data)

    assert User.objects.filter(email="nieuw@buurt.example").count() == 1
    assert first.url == second.url == initiative.get_absolute_url()
