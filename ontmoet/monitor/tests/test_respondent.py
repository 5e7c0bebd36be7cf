"""The respondent's page via the personal link: no login, drafts on the server, one response only."""

import datetime

import pytest
from django.test import Client

from ontmoet.monitor import services
from ontmoet.monitor.models import Answer, Invitation, Response, Status

from .factories import make_wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(world) -> Invitation:
    wave = make_wave(world.overijssel)
    return wave.invitations.get(place=world.place)


def url(invitation):
    return f"/monitor/v/{services.invitation_token(invitation)}/"


def test_opening_the_link_marks_opened_and_shows_the_form(invitation):
    page = Client().get(url(invitation))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Dorpshuis De Linde" in html and 'data-relevant="(${voorzieningen_aanwezig} = &#x27;ja&#x27;)"' in html
    invitation.refresh_from_db()
    assert invitation.status == Status.OPENED


def test_draft_survives_a_new_session(invitation):
    first = Client()
    response = first.post(url(invitation), {"action": "save", "bemensing": "welzijn", "vrijwilligers": "14",
                                             "activiteiten": ["bingo", "koffie"]})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Status.PARTIAL
    # another browser (or the server restarted): the answers come back from the database
    page = Client().get(url(invitation)).content.decode()
    assert 'value="welzijn" checked' in page and 'value="14"' in page and 'value="koffie" checked' in page
    assert Answer.objects.count() == 0  # drafts are not counted in the report


def test_submit_with_errors_keeps_input_and_gives_dutch_messages(invitation):
    response = Client().post(url(invitation), {"action": "submit", "vrijwilligers": "3000",
                                               "ondersteuning": ["geen", "giften"]})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Deze vraag is verplicht." in html  # soort and bemensing
    assert "Vul een aantal tussen 0 en 2000 in." in html
    assert "gaat niet samen met een ander antwoord" in html
    assert 'value="3000"' in html
    assert not Response.objects.filter(submitted_at__isnull=False).exists()


def test_skip_logic_on_the_server_drops_hidden_answers(invitation):
    response = Client().post(url(invitation), {
        "action": "submit", "soort": "mfa", "bemensing": "betaald", "vrijwilligers": "12",
        "voorzieningen_aanwezig": "nee", "voorzieningen": ["sport"]})
    assert response.status_code == 302
    data = Response.objects.get().data
    assert "vrijwilligers" not in data and "voorzieningen" not in data  # not relevant: dropped
    invitation.refresh_from_db()
    assert invitation.status == Status.COMPLETE
    assert set(Answer.objects.values_list("question", flat=True)) == {"soort", "bemensing", "voorzieningen_aanwezig"}


def test_two_tabs_submitting_keep_one_response(invitation):
    tab_one, tab_two = Client(), Client()
    tab_one.get(url(invitation))
    tab_two.get(url(invitation))
    answers = {"action": "submit", "soort": "mfa", "bemensing": "vrijwilligers"}
    assert tab_one.post(url(invitation), answers).status_code == 302
    second = tab_two.post(url(invitation), {**answers, "bemensing": "betaald"})
    assert "al ingeleverd" in second.content.decode()
    assert Response.objects.count() == 1
    assert Response.objects.get().data["bemensing"] == "vrijwilligers"
    assert Answer.objects.filter(question="bemensing").count() == 1


def test_service_refuses_a_second_submission(invitation):
    services.submit(invitation, {"soort": "mfa"})
    with pytest.raises(services.AlreadySubmitted):
        services.submit(invitation, {"soort": "dorpshuis"})
    with pytest.raises(services.AlreadySubmitted):
        services.save_draft(invitation, {"soort": "dorpshuis"})


def test_tampered_link_gives_a_friendly_page(invitation):
    token = services.invitation_token(invitation)
    for bad in [token[:-2] + "xx", "zomaar", token.replace(":", "")]:
        page = Client().get(f"/monitor/v/{bad}/")
        assert page.status_code == 404
        assert "Deze link werkt niet" in page.content.decode()


def test_closed_wave_gives_a_friendly_page(invitation):
    wave = invitation.wave
    wave.opens_on = datetime.date(2020, 1, 1)
    wave.closes_on = datetime.date(2020, 2, 1)
    wave.save()
    page = Client().get(url(invitation))
    assert page.status_code == 410 and "De vragenlijst is gesloten" in page.content.decode()
    assert Client().post(url(invitation), {"action": "submit", "soort": "mfa"}).status_code == 410
    assert not Response.objects.exists()


def test_decline_via_the_link(invitation):
    Client().post(url(invitation), {"action": "decline"})
    invitation.refresh_from_db()
    assert invitation.status == Status.DECLINED
    assert "niet mee" in Client().get(url(invitation)).content.decode()


def test_english_labels_when_english_is_chosen(invitation):
    client = Client()
    client.cookies["django_language"] = "en"
    assert "Who runs the place?" in client.get(url(invitation)).content.decode()


def test_opt_out_link(invitation):
    client = Client()
    assert client.get(url(invitation) + "afmelden/").status_code == 200
    client.post(url(invitation) + "afmelden/")
    invitation.refresh_from_db()
    assert invitation.opted_out and not services.can_mail(invitation)


def test_board_member_finds_the_link_for_own_place(invitation, world, client_for):
    page = client_for(world.users["board_member"]).get("/monitor/mijn/").content.decode()
    assert services.invitation_token(invitation) in page
    other = client_for(world.users["other_board_member"]).get("/monitor/mijn/").content.decode()
    assert services.invitation_token(invitation) not in other
    overview = client_for(world.users["board_member"]).get("/overzicht/").content.decode()
    assert "Vragenlijst invullen" in overview
