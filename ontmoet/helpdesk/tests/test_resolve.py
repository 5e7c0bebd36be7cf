"""A handler resolves a question in one step from any open status; the form asks only what that status needs."""

import pytest

from ontmoet.helpdesk import services
from ontmoet.helpdesk.models import OPEN_STATUSES, Status
from ontmoet.helpdesk.workflows import HANDLER, PLACE, QUESTION, STATUS_FIELDS

from .factories import make_question

pytestmark = pytest.mark.django_db


def test_every_open_status_may_be_resolved_by_a_handler_only():
    for status in OPEN_STATUSES:
        assert QUESTION.can(status, Status.RESOLVED, HANDLER), status
        assert not QUESTION.can(status, Status.RESOLVED, PLACE), status


@pytest.mark.parametrize("start", [Status.NEW, Status.TRIAGED])
def test_resolving_straight_from_new_or_triaged(world, start):
    expert = world.users["expert"]
    question = make_question(world)
    if start != Status.NEW:
        services.transition(question, start, expert, HANDLER)
    services.transition(question, Status.RESOLVED, expert, HANDLER, summary="Goot schoonmaken.", tags="goot")
    question.refresh_from_db()
    assert question.status == Status.RESOLVED and question.solution_summary == "Goot schoonmaken."
    assert question.first_response_at == question.resolved_at  # the solution was the first answer
    assert list(question.status_changes.values_list("to_status", flat=True))[-1] == Status.RESOLVED


def _post(client, question, **data):
    return client.post(f"/meldpunt/vragen/{question.pk}/status/", data)


def test_the_page_offers_resolving_from_new_with_its_fields_grouped(world, client_for):
    question = make_question(world)
    page = client_for(world.users["expert"]).get(question.get_absolute_url()).content.decode()
    assert 'id="status-resolved"' in page and 'id="status-duplicate"' in page
    assert '<div data-for-status="resolved">' in page and '<div data-for-status="duplicate">' in page
    assert "helpdesk/status_fields.js" in page


def test_each_status_requires_its_own_fields_next_to_them(world, client_for):
    question = make_question(world)
    client = client_for(world.users["expert"])
    response = _post(client, question, to_status="resolved", summary="", tags=" , ")
    page = response.content.decode()
    assert response.status_code == 400
    for message in STATUS_FIELDS[Status.RESOLVED].values():
        assert str(message) in page
    assert "id_summary_error" in page and "id_tags_error" in page
    assert str(STATUS_FIELDS[Status.DUPLICATE]["original"]) not in page  # not asked for this status
    response = _post(client, question, to_status="duplicate", summary="", tags="")
    page = response.content.decode()
    assert response.status_code == 400 and str(STATUS_FIELDS[Status.DUPLICATE]["original"]) in page
    assert str(STATUS_FIELDS[Status.RESOLVED]["summary"]) not in page
    question.refresh_from_db()
    assert question.status == Status.NEW
    # Waiting needs neither: fields of other statuses that were filled in are ignored.
    response = _post(client, question, to_status="waiting_on_place", reason="Foto gevraagd", original="")
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.WAITING
    response = _post(client, question, to_status="resolved", summary="Dakdekker geregeld.", tags="dak")
    question.refresh_from_db()
    assert response.status_code == 302 and question.status == Status.RESOLVED
