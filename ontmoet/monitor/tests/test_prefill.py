"""The monitor asks only what it does not know: pre-fill from the register and last wave, editing until the
wave closes, the thank-you page (aanspreekpunt, PDF, overview) and the offer to update the register."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from ontmoet.core.models import Document
from ontmoet.monitor import services
from ontmoet.monitor.models import Answer, Invitation, Response, ResponseRevision, Status
from ontmoet.monitor.xlsform import FormError, parse_xlsform
from ontmoet.network.services.contacts import set_aanspreekpunt
from ontmoet.places.models import Activity, Facility, Place

from .factories import make_wave, xlsform

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def url(invitation):
    return f"/monitor/v/{services.invitation_token(invitation)}/"


def _vocabulary(model, *names):
    return [model.objects.get_or_create(code=name.lower().replace(" / ", "-").replace(" ", "-"),
                                        defaults={"name": name})[0] for name in names]


@pytest.fixture
def register(world):
    """The place as its board keeps it in the register."""
    place = world.place
    place.kind, place.legal_form, place.staffing, place.volunteer_count = "dorpshuis", "stichting", "welzijn", 14
    place.save()
    place.activities.set(_vocabulary(Activity, "Bingo", "Koffiemomenten", "Toneel"))  # Toneel: not in the form
    place.facilities.set(_vocabulary(Facility, "Sport"))
    return place


@pytest.fixture
def last_year(world):
    """Last year's wave, answered by the place (with a choice the form no longer has)."""
    wave = make_wave(world.overijssel, year=TODAY.year - 1, opens_on=TODAY - datetime.timedelta(days=400),
                     closes_on=TODAY - datetime.timedelta(days=300))
    invitation = wave.invitations.get(place=world.place)
    services.submit(invitation, {"soort": "mfa", "bestuur_omvang": "b5", "voorzieningen_aanwezig": "ja",
                                 "voorzieningen": ["sport", "horeca"], "betekenis": "Het hart van het dorp.",
                                 "inkomsten": ["subsidie", "loterij"], "bemensing": "vrijwilligers"})
    return invitation


@pytest.fixture
def invitation(world, register, last_year) -> Invitation:
    return make_wave(world.overijssel, year=TODAY.year).invitations.get(place=world.place)


def form_values(html: str) -> dict:
    """What a browser would send for the form as shown: checked options, text fields, text areas."""
    data: dict = {}
    for tag in re.findall(r"<input [^>]*>", html):
        name, value = re.search(r'name="([^"]*)"', tag), re.search(r'value="([^"]*)"', tag)
        if not name or name.group(1) in {"csrfmiddlewaretoken", "action"}:
            continue
        if ('type="radio"' in tag or 'type="checkbox"' in tag) and " checked" not in tag:
            continue
        data.setdefault(name.group(1), []).append(value.group(1) if value else "")
    for name, text in re.findall(r'<textarea [^>]*name="([^"]*)"[^>]*>(.*?)</textarea>', html, re.S):
        data[name] = [text]
    return data


def _mark(html: str, name: str) -> str:
    found = re.search(rf'<p class="utrecht-form-field-description monitor-prefilled" id="vraag-{name}-bron">(.*?)</p>',
                      html, re.S)
    return found.group(1) if found else ""


def test_the_questionnaire_opens_with_what_the_register_and_last_year_know(invitation):
    html = Client().get(url(invitation)).content.decode()
    assert 'value="dorpshuis" checked' in html and "uit het register" in _mark(html, "soort")  # register wins
    assert 'value="welzijn" checked' in html and 'value="14"' in html
    assert 'value="bingo" checked' in html and 'value="koffie" checked' in html  # by the choice's Dutch label
    assert 'value="b5" checked' in html and "vorig jaar" in _mark(html, "bestuur_omvang")
    assert 'value="sport" checked' in html and "uit het register" in _mark(html, "voorzieningen")
    assert "Het hart van het dorp." in html
    assert 'value="subsidie" checked' in html and "Bekend was: loterij" in _mark(html, "inkomsten")
    assert 'aria-describedby=" vraag-soort-bron"' in html  # the mark is read with the question
    assert "uit het register en" in html  # the summary above the form
    assert not Response.objects.filter(invitation=invitation).exists()  # nothing is saved by opening


def test_a_register_value_that_is_no_longer_a_choice_is_named_not_filled_in(world, last_year):
    Place.objects.filter(pk=world.place.pk).update(kind="buurtkamer")  # the form has no "buurtkamer"
    invitation = make_wave(world.overijssel, year=TODAY.year).invitations.get(place=world.place)
    html = Client().get(url(invitation)).content.decode()
    assert 'name="soort" id="vraag-soort-mfa" value="mfa" checked' not in html  # not last year's either
    assert " checked" not in re.search(r'<fieldset [^>]*id="vraag-soort".*?</fieldset>', html, re.S).group(0)
    assert "Bekend was: Buurtkamer / huiskamer van de wijk; die keuze staat niet meer in de lijst." in html
    # the required question is asked as any other: handing in without it is refused
    response = Client().post(url(invitation), {**form_values(html), "action": "submit"})
    assert response.status_code == 422 and "Deze vraag is verplicht." in response.content.decode()


def test_a_saved_draft_wins_over_the_prefill_and_a_changed_answer_loses_its_mark(invitation):
    Client().post(url(invitation), {"action": "save", "soort": "mfa", "bemensing": "welzijn"})
    html = Client().get(url(invitation)).content.decode()
    assert 'value="mfa" checked' in html and not _mark(html, "soort")  # changed: no longer "from the register"
    assert "uit het register" in _mark(html, "bemensing")  # unchanged: still marked
    assert 'value="14"' not in html  # the draft did not keep it: not filled in again behind the board's back


def test_board_submits_a_prefilled_questionnaire_in_three_clicks(world, invitation, client_for):
    set_aanspreekpunt(world.raalte, world.users["province_staff"], phone="038 499 88 99")
    client = client_for(world.users["board_member"])
    overview = client.get("/overzicht/").content.decode()
    link = re.search(r'<a class="utrecht-link" href="(/monitor/v/[^"]+)" data-count="1">', overview).group(1)
    page = client.get(link)  # click 1: the work queue opens the questionnaire itself
    assert page.status_code == 200
    sent = client.post(link, {**form_values(page.content.decode()), "action": "submit"})  # click 2: Versturen
    assert sent.status_code == 302, sent.content.decode()[:3000]
    thanks = client.get(sent["Location"]).content.decode()  # done
    invitation.refresh_from_db()
    assert invitation.status == Status.COMPLETE
    data = Response.objects.get(invitation=invitation).data
    assert data["soort"] == "dorpshuis" and data["vrijwilligers"] == 14 and data["bestuur_omvang"] == "b5"
    assert "Bedankt voor het invullen!" in thanks
    assert "province_staff" in thanks and 'href="tel:0384998899"' in thanks
    assert 'href="mailto:province.staff@test.example"' in thanks
    assert 'href="/overzicht/"' in thanks and "antwoorden.pdf" in thanks
    assert "Ook het register bijwerken" not in thanks  # nothing differs from the register


def test_changing_a_register_answer_offers_to_update_the_register(world, invitation):
    html = Client().get(url(invitation)).content.decode()
    answers = {**form_values(html), "vrijwilligers": "20", "bemensing": "beheerders",
               "activiteiten": ["bingo", "biljarten"], "action": "submit"}
    assert Client().post(url(invitation), answers).status_code == 302
    thanks = Client().get(url(invitation)).content.decode()
    assert "Ook het register bijwerken?" in thanks and "Aantal vrijwilligers" in thanks
    place = Place.objects.get(pk=world.place.pk)
    assert place.volunteer_count == 14  # nothing changes without the board asking
    assert Client().post(url(invitation), {"action": "register"}).status_code == 302
    place = Place.objects.get(pk=world.place.pk)
    assert (place.volunteer_count, place.staffing) == (20, "beheerders")
    # the form's choices changed; what the form cannot ask (Toneel) stays in the register
    assert set(place.activities.values_list("name", flat=True)) == {"Bingo", "Biljarten", "Toneel"}
    assert place.legal_form == "stichting"  # answered as in the register: untouched
    reason = place.history.first().history_change_reason  # through places' service, saying how
    assert "uit de monitor" in reason and "(persoonlijke link): bemensing" in reason
    assert invitation.events.filter(reason__startswith="register bijgewerkt").exists()
    assert "Ook het register bijwerken" not in Client().get(url(invitation)).content.decode()


def test_handed_in_answers_stay_editable_until_the_wave_closes(world, invitation, client_for):
    staff = client_for(world.users["province_staff"])
    html = Client().get(url(invitation)).content.decode()
    Client().post(url(invitation), {**form_values(html), "action": "submit"})
    edit = Client().get(url(invitation) + "?wijzigen=1").content.decode()
    assert 'value="14"' in edit and "Wijzigingen versturen" in edit and "Tussentijds opslaan" not in edit
    changed = {**form_values(edit), "vrijwilligers": "16", "action": "submit"}
    assert Client().post(url(invitation), changed).status_code == 302
    response = Response.objects.get(invitation=invitation)
    assert response.data["vrijwilligers"] == 16
    assert Answer.objects.get(response=response, question="vrijwilligers").number == 16
    revision = ResponseRevision.objects.get(response=response)
    assert revision.data["vrijwilligers"] == 14  # the history keeps what was handed in before
    assert invitation.events.filter(reason="antwoorden gewijzigd: vrijwilligers").exists()
    assert "Eerdere versies van de antwoorden" in staff.get(f"/monitor/uitnodigingen/{invitation.pk}/").content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Status.COMPLETE
    # an emptied required answer is refused and changes nothing
    refused = Client().post(url(invitation), {**changed, "soort": "", "vrijwilligers": "18"})
    assert refused.status_code == 422
    assert Response.objects.get(invitation=invitation).data["vrijwilligers"] == 16


def test_after_the_close_date_the_answers_are_read_only(world, invitation):
    html = Client().get(url(invitation)).content.decode()
    Client().post(url(invitation), {**form_values(html), "action": "submit"})
    invitation.wave.closes_on = TODAY - datetime.timedelta(days=1)
    invitation.wave.save()
    page = Client().get(url(invitation) + "?wijzigen=1")
    assert page.status_code == 410
    text = page.content.decode()
    assert "u kunt ze niet meer wijzigen" in text and "Wijzigingen versturen" not in text
    assert "Hoeveel vrijwilligers zijn er actief?" in text  # the answers, read back
    post = Client().post(url(invitation), {**form_values(html), "vrijwilligers": "99", "wijzigen": "1",
                                           "action": "submit"})
    assert post.status_code == 410
    assert Response.objects.get(invitation=invitation).data["vrijwilligers"] == 14


def test_the_answers_as_a_pdf_are_made_in_the_background(world, invitation, client_for):
    html = Client().get(url(invitation)).content.decode()
    Client().post(url(invitation), {**form_values(html), "action": "submit"})
    pdf_url = url(invitation) + "antwoorden.pdf"
    assert Client().get(pdf_url)["Location"].startswith(reverse("accounts:login"))  # a document needs an owner
    response = client_for(world.users["board_member"]).get(pdf_url)
    document = Document.objects.get()
    assert response["Location"] == reverse("core:document", args=[document.pk])
    assert document.status == Document.Status.DONE and document.file.read()[:4] == b"%PDF"


def test_a_municipality_gets_last_years_answers_but_no_register(world):
    from ontmoet.monitor.models import RespondentKind

    old = make_wave(world.overijssel, kind=RespondentKind.MUNICIPALITY, year=TODAY.year - 1,
                    opens_on=TODAY - datetime.timedelta(days=400), closes_on=TODAY - datetime.timedelta(days=300))
    services.submit(old.invitations.get(municipality=world.raalte), {"visie": "eigen", "aantal_plekken": 12})
    wave = make_wave(world.overijssel, kind=RespondentKind.MUNICIPALITY, year=TODAY.year)
    html = Client().get(url(wave.invitations.get(municipality=world.raalte))).content.decode()
    assert 'value="eigen" checked' in html and 'value="12"' in html and "vorig jaar" in html
    other = Client().get(url(wave.invitations.get(municipality=world.zwolle))).content.decode()
    assert "vorig jaar" not in other


# -- the XLSForm column ---------------------------------------------------------------------------
SURVEY = ["type", "name", "label", "bind::ontmoet:register"]


def test_a_question_names_its_register_field_in_dutch_or_english():
    form = parse_xlsform(xlsform([SURVEY, ["integer", "vrijwilligers", "Vrijwilligers", "vrijwilligers"],
                                  ["integer", "bestuur", "Bestuur", "board_size"]]))
    assert [q.register for q in form.questions] == ["vrijwilligers", "bestuursleden"]


def test_an_unknown_register_field_or_a_type_that_cannot_hold_it_is_refused():
    with pytest.raises(FormError) as unknown:
        parse_xlsform(xlsform([SURVEY, ["integer", "n", "N", "leeftijd"]]))
    assert "survey, rij 2, kolom bind::ontmoet:register: 'leeftijd' is geen veld van het register" in str(
        unknown.value)
    with pytest.raises(FormError) as wrong_type:
        parse_xlsform(xlsform([SURVEY, ["text", "soort", "Soort", "soort"]]))
    assert "past niet bij een vraag van het type text; gebruik select_one" in str(wrong_type.value)


def test_the_prefilled_questionnaire_and_thank_you_page_in_english(settings, invitation):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(url(invitation)).content.decode()
    assert "from the register" in _mark(html, "soort") and "from your answers last year" in html
    assert "We have filled in what we already know: 6 answers from the register and 4 from your answers" in html
    client.post(url(invitation), {**form_values(html), "vrijwilligers": "20", "action": "submit"})
    thanks = client.get(url(invitation)).content.decode()
    assert "Update the register too?" in thanks and "Change answers" in thanks and "Back to your overview" in thanks
