"""Forms that create something create it once, even when the same form is posted twice."""

import re
import threading
import time

import pytest
from django.db import connections

from ontmoet.core.models import FormSubmission
from ontmoet.core.submissions import FIELD, submit_once
from ontmoet.helpdesk.models import Message, Question
from ontmoet.helpdesk.tests.factories import category

pytestmark = pytest.mark.django_db(transaction=False)


def token_on(response) -> str:
    match = re.search(rf'name="{FIELD}" value="([^"]+)"', response.content.decode())
    assert match, "the form carries no one-time token"
    return match.group(1)


def question_data(token):
    return {"title": "Lekkage in het dak", "category": category("daklekkage").pk, "urgency": "normal",
            "description": "Het dak boven de grote zaal lekt sinds de storm van dinsdag.", FIELD: token}


def test_a_meldpunt_question_posted_twice_is_created_once(world, client_for):
    client = client_for(world.users["board_member"])
    token = token_on(client.get("/meldpunt/vragen/nieuw/"))

    first = client.post("/meldpunt/vragen/nieuw/", question_data(token))
    second = client.post("/meldpunt/vragen/nieuw/", question_data(token), follow=True)

    assert first.status_code == 302 and Question.objects.count() == 1
    question = Question.objects.get()
    assert second.redirect_chain[-1][0] == question.get_absolute_url()
    assert "al verstuurd" in second.content.decode()
    # A form shown again is a new form: it creates a second question.
    assert client.post("/meldpunt/vragen/nieuw/", question_data(token_on(client.get("/meldpunt/vragen/nieuw/"))))
    assert Question.objects.count() == 2


def test_a_meldpunt_message_posted_twice_is_placed_once(world, client_for):
    client = client_for(world.users["board_member"])
    client.post("/meldpunt/vragen/nieuw/", question_data(""))
    question = Question.objects.get()
    token = token_on(client.get(question.get_absolute_url()))
    before = Message.objects.count()
    data = {"body": "Het lekt nu ook in de keuken.", FIELD: token}

    client.post(f"/meldpunt/vragen/{question.pk}/bericht/", data)
    client.post(f"/meldpunt/vragen/{question.pk}/bericht/", data)

    assert Message.objects.count() == before + 1


def test_a_forged_token_is_not_trusted_but_the_form_still_works(world, client_for):
    client = client_for(world.users["board_member"])
    client.post("/meldpunt/vragen/nieuw/", question_data("vals"))
    client.post("/meldpunt/vragen/nieuw/", question_data("vals"))
    assert Question.objects.count() == 2 and not FormSubmission.objects.exists()


def test_submit_once_runs_the_service_once_per_token():
    made = []
    first = submit_once("t1", lambda: made.append(1) or "eerste", lambda result: f"/{result}/")
    second = submit_once("t1", lambda: made.append(2) or "tweede", lambda result: f"/{result}/")
    assert made == [1]
    assert (first.repeated, first.url, second.repeated, second.url) == (False, "/eerste/", True, "/eerste/")


@pytest.mark.django_db(transaction=True)
def test_two_posts_at_the_same_moment_create_one_row():
    """Two threads, two connections: the second waits on the first's unique token and finds its result.

    (On SQLite writers take turns; on PostgreSQL the second INSERT waits for the first to commit.)
    """

    made, outcomes, barrier = [], [], threading.Barrier(2)

    def post():
        try:
            barrier.wait()
            # The service takes a moment, so the other post arrives while this transaction is open.
            outcomes.append(submit_once("gelijktijdig", lambda: time.sleep(0.3) or made.append(1) or len(made),
                                        lambda result: f"/vraag/{result}/"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert FormSubmission.objects.filter(token="gelijktijdig").count() == 1
    assert sorted(outcome.repeated for outcome in outcomes) == [False, True]
    assert len({outcome.url for outcome in outcomes}) == 1 and made == [1]
