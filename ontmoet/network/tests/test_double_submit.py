"""The network's creating forms create once when posted twice: the yearly theme, a sending round, a registration."""

import pytest
from django.core import mail

from ontmoet.core.submissions import FIELD
from ontmoet.core.tests.test_double_submit import token_on
from ontmoet.network.learning_seed import ensure_learning_network
from ontmoet.network.models import DigestRun, Registration, RegistrationStatus, Theme
from ontmoet.network.services import learning

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_a_yearly_theme_posted_twice_is_chosen_once_and_the_repeat_sees_it(world, client_for):
    group = ensure_learning_network(world.overijssel)
    client = client_for(world.users["province_staff"])
    url = f"/netwerk/leernetwerk/{group.pk}/thema/"
    data = {"year": "2026", "title": "De Sociale Basis", "description": "", FIELD: token_on(client.get(url))}

    first = client.post(url, data)
    second = client.post(url, data, follow=True)

    theme = Theme.objects.get()
    assert first.status_code == 302 and first.url == theme.get_absolute_url()
    # Not "Voor 2026 is al een jaarthema gekozen": the repeat is sent to what the first post made.
    assert second.redirect_chain[-1][0] == theme.get_absolute_url() and "al verstuurd" in second.content.decode()


def test_two_colleagues_choosing_a_theme_at_the_same_moment_get_one_and_a_message(world, monkeypatch):
    """What the second of two simultaneous choices meets after both found no theme for the year: the unique
    (group, year) refuses it, and it gets the usual message, not a server error."""
    group = ensure_learning_network(world.overijssel)
    learning.add_theme(group, 2026, "Eén", "")
    monkeypatch.setattr("django.db.models.QuerySet.exists", lambda queryset: False)  # the other's look came first

    with pytest.raises(learning.EnrolmentError, match="Voor 2026 is al een jaarthema gekozen."):
        learning.add_theme(group, 2026, "Twee", "")
    monkeypatch.undo()
    assert list(Theme.objects.values_list("title", flat=True)) == ["Eén"]


def test_a_sending_round_started_twice_is_one_round(world, client_for):
    client = client_for(world.users["province_admin"])
    url = "/netwerk/overzichtsmail/rondes/"
    data = {"frequency": "maand", "province": world.overijssel.pk, FIELD: token_on(client.get(url))}

    first = client.post(url, data)
    second = client.post(url, data)

    run = DigestRun.objects.get()
    assert first.url == second.url == f"/netwerk/overzichtsmail/rondes/{run.pk}/"
    # Resuming (offered while a round is unfinished) is a new form: one more round, however often pressed.
    DigestRun.objects.update(finished_at=None)
    resume = {FIELD: token_on(client.get(first.url))}
    client.post(f"/netwerk/overzichtsmail/rondes/{run.pk}/hervatten/", resume)
    client.post(f"/netwerk/overzichtsmail/rondes/{run.pk}/hervatten/", resume)
    assert DigestRun.objects.count() == 2


def test_a_member_registration_clicked_twice_registers_once_without_an_error(world, client_for):
    event = EventFactory(capacity=5)
    client = client_for(world.users["board_member"])
    data = {FIELD: token_on(client.get(event.get_absolute_url()))}
    before = len(mail.outbox)

    client.post(f"/netwerk/activiteiten/{event.pk}/aanmelden/", data)
    second = client.post(f"/netwerk/activiteiten/{event.pk}/aanmelden/", data, follow=True)

    assert Registration.objects.get(event=event).status == RegistrationStatus.CONFIRMED
    page = second.content.decode()
    assert "al verstuurd" in page and "al aangemeld" not in page
    assert len([m for m in mail.outbox[before:] if world.users["board_member"].email in m.to]) == 1

