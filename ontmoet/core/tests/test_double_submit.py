"""Forms that create something create it once, even when the same form is posted twice."""

import re
import threading
import time

import pytest
from django.core import mail, signing
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


def test_a_report_posted_twice_is_sent_once(world, client):
    from ontmoet.directory.forms import ReportForm
    from ontmoet.directory.models import OutdatedReport

    url = "/kaart/plek/RAA-001/klopt-er-iets-niet/"
    token = token_on(client.get(url))
    data = {"message": "De openingstijden zijn veranderd.", "email": "", "website": "", FIELD: token,
            "token": signing.dumps(time.time() - 10, salt=ReportForm.SALT)}
    client.post(url, data)
    sent = len(mail.outbox)
    response = client.post(url, data)

    assert response.status_code == 302 and response.url == "/kaart/plek/RAA-001/"
    assert OutdatedReport.objects.count() == 1 and len(mail.outbox) == sent


def test_an_hour_entry_posted_twice_is_entered_once(world, client_for):
    from ontmoet.grants.models import HourEntry
    from ontmoet.grants.tests.factories import RoundFactory, awarded

    award = awarded(world.place, RoundFactory(), world.users["board_member"], world.users["province_staff"])
    client = client_for(world.users["board_member"])
    token = token_on(client.get(award.get_absolute_url()))
    data = {"activity": str(award.application.activities.first().pk), "date": award.awarded_on.isoformat(),
            "volunteers": "2", "hours": "3", "description": "Koffieochtend", FIELD: token}

    first = client.post(f"/sociale-hypotheek/toekenningen/{award.pk}/uren/", data)
    second = client.post(f"/sociale-hypotheek/toekenningen/{award.pk}/uren/", data)

    assert first.status_code == 302, first.content.decode()[:2000]
    assert second.status_code == 302 and second.url == award.get_absolute_url()
    assert HourEntry.objects.filter(award=award).count() == 1


def test_a_public_registration_posted_twice_sends_one_mail(world, client):
    from ontmoet.network import tokens
    from ontmoet.network.models import Registration
    from ontmoet.network.tests.factories import EventFactory

    event = EventFactory(capacity=5)
    token = token_on(client.get(f"/netwerk/activiteiten/{event.pk}/"))
    data = {"name": "Truus Jansen", "email": "truus@example.nl", "website": "", FIELD: token,
            "started": tokens.make(tokens.FORM_SALT, time.time() - 10)}
    client.post(f"/netwerk/activiteiten/{event.pk}/", data)
    client.post(f"/netwerk/activiteiten/{event.pk}/", data)

    assert Registration.objects.filter(event=event).count() == 1
    assert len([m for m in mail.outbox if "truus@example.nl" in m.to]) == 1


def test_a_message_to_participants_posted_twice_is_sent_once(world, client_for):
    from ontmoet.network.services import events as services
    from ontmoet.network.tests.factories import EventFactory

    event = EventFactory(capacity=5)
    services.register_member(event, world.users["board_member"])
    client = client_for(world.users["province_staff"])
    url = f"/netwerk/activiteiten/{event.pk}/bericht/"
    data = {"subject": "Nieuwe zaal", "body": "We zitten in zaal 2.", FIELD: token_on(client.get(url))}
    before = len(mail.outbox)
    client.post(url, data)
    client.post(url, data)

    assert len([m for m in mail.outbox[before:] if m.subject.endswith("Nieuwe zaal")]) == 1


def test_a_place_has_one_open_grant_application_per_round_even_when_started_at_once(world):
    from django.db import IntegrityError, transaction

    from ontmoet.grants.models import Application
    from ontmoet.grants.services import start_application
    from ontmoet.grants.tests.factories import RoundFactory, make_eligible

    make_eligible(world.place)
    round_ = RoundFactory()
    first = start_application(round_, world.place, world.users["board_member"])
    assert start_application(round_, world.place, world.users["board_member"]) == first
    # What the second of two simultaneous starts would do after both found nothing: the database refuses.
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(round=round_, place=world.place)
    Application.objects.filter(pk=first.pk).update(status="withdrawn")
    assert start_application(round_, world.place, world.users["board_member"]) != first


def test_old_tokens_are_forgotten_and_no_longer_count(world, client_for, settings):
    """`privacy_purge` removes token records past their age; a token that old is treated as absent."""
    from datetime import timedelta
    from io import StringIO

    from django import forms
    from django.core.management import call_command
    from django.utils import timezone

    from ontmoet.core.submissions import OnceFormMixin

    settings.ONTMOET_FORM_TOKEN_DAYS = 7
    now = timezone.now()
    FormSubmission.objects.create(token="oud", url="/a/", created_at=now - timedelta(days=9))
    FormSubmission.objects.create(token="recent", url="/b/", created_at=now - timedelta(days=7))
    out = StringIO()
    call_command("privacy_purge", stdout=out)
    assert list(FormSubmission.objects.values_list("token", flat=True)) == ["recent"]
    assert "Sleutels van verstuurde formulieren: 1 verwijderd" in out.getvalue()

    class Once(OnceFormMixin, forms.Form):
        pass

    fresh = signing.dumps("abc", salt="core.submissions")
    assert Once(data={FIELD: fresh}).submission_token == "abc"
    settings.ONTMOET_FORM_TOKEN_DAYS = 0  # every token is now past its age
    time.sleep(1.1)
    assert Once(data={FIELD: fresh}).submission_token == ""
