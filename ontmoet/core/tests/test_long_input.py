"""Over-long input is held to its field's limit before any search or suggestion uses it."""

import pytest

from ontmoet.helpdesk.models import Question
from ontmoet.helpdesk.tests.factories import ArticleFactory, category

pytestmark = pytest.mark.django_db
HUGE = "daklekkage" * 10_000  # 100,000 characters in one word: too long for a LIKE pattern


def test_a_question_with_a_huge_title_is_refused_not_a_server_error(world, client_for):
    ArticleFactory()
    client = client_for(world.users["board_member"])
    response = client.post("/meldpunt/vragen/nieuw/", {
        "title": HUGE, "category": category("daklekkage").pk, "urgency": "normal",
        "description": "Het dak boven de grote zaal lekt sinds de storm van dinsdag. " + HUGE})

    assert response.status_code == 400
    assert "150" in response.content.decode()  # the title field's own limit is what the user sees
    assert Question.objects.count() == 0


@pytest.mark.parametrize(("role", "url", "params"), [
    (None, "/kaart/", {"q": HUGE}),
    (None, "/kaart/", {"near": HUGE}),
    ("municipal_officer", "/plekken/", {"q": HUGE}),
    ("board_member", "/meldpunt/vragen/", {"q": HUGE}),
    (None, "/meldpunt/kennisbank/", {"q": HUGE, "trefwoord": HUGE}),
    ("board_member", "/meldpunt/kennisbank/suggesties/", {"title": HUGE, "description": HUGE}),
])
def test_searches_with_huge_input_answer_without_a_server_error(world, client, client_for, role, url, params):
    ArticleFactory()
    browser = client_for(world.users[role]) if role else client
    response = browser.get(url, params)
    assert response.status_code in (200, 400), response.status_code
