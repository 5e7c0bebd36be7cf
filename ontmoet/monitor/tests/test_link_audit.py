"""What a personal monitor link may read and change (ADR 0024): only its own place's answers and the register
fields the questionnaire offers, only while the wave is open, never another place, never beyond the register's
own rules; a closed, revoked or forged link refuses with a Dutch page."""

import datetime
import re

import pytest
from django.core import signing
from django.test import Client

from ontmoet.monitor import services
from ontmoet.monitor.models import Response, Wave
from ontmoet.monitor.register_update import update_register
from ontmoet.places.models import Place

from .factories import make_wave, xlsform
from .test_prefill import form_values

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def url(invitation):
    return f"/monitor/v/{services.invitation_token(invitation)}/"


@pytest.fixture
def wave(world):
    world.place.volunteer_count = 14
    world.place.save()
    return make_wave(world.overijssel, year=TODAY.year)


def _submit(invitation, **answers):
    html = Client().get(url(invitation)).content.decode()
    response = Client().post(url(invitation), {**form_values(html), **answers, "action": "submit"})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_link_changes_its_own_place_and_only_the_fields_the_monitor_offers(world, wave):
    mine, other = wave.invitations.get(place=world.place), wave.invitations.get(place=world.zwolle_place)
    before = Place.objects.get(pk=world.place.pk)
    other_history = world.zwolle_place.history.count()
    # Register fields the questionnaire does not ask, sent along anyway, are not read.
    _submit(mine, vrijwilligers="20", naam="Gehackt", name="Gehackt", email="boef@example.com", code="RAA-999",
            street="Nepstraat", municipality=str(world.zwolle.pk), place=str(world.zwolle_place.pk))
    assert Client().post(url(mine), {"action": "register", "name": "Gehackt", "email": "boef@example.com",
                                     "status": "closed", "is_public": "0"}).status_code == 302
    place = Place.objects.get(pk=world.place.pk)
    assert place.volunteer_count == 20
    for field in ("name", "code", "email", "phone", "contact_name", "street", "postcode", "municipality_id",
                  "status", "is_public", "website", "description", "last_verified_at"):
        assert getattr(place, field) == getattr(before, field), field
    assert "Gehackt" not in str(Response.objects.get(invitation=mine).data)
    assert world.zwolle_place.history.count() == other_history  # the other place: untouched
    assert not Response.objects.filter(invitation=other).exists()
    latest = place.history.first()
    assert latest.history_user is None and "(persoonlijke link)" in latest.history_change_reason


def test_a_logged_in_board_member_is_named_in_the_history(world, wave, client_for):
    mine = wave.invitations.get(place=world.place)
    _submit(mine, vrijwilligers="21")
    client_for(world.users["board_member"]).post(url(mine), {"action": "register"})
    latest = Place.objects.get(pk=world.place.pk).history.first()
    assert latest.history_user == world.users["board_member"] and "persoonlijke link" not in (
        latest.history_change_reason)


def test_a_forged_token_for_another_invitation_is_refused(world, wave):
    mine, other = wave.invitations.get(place=world.place), wave.invitations.get(place=world.zwolle_place)
    payload, signature = services.invitation_token(mine).rsplit(":", 1)
    other_payload = services.invitation_token(other).rsplit(":", 1)[0]
    forged = [f"{other_payload}:{signature}",  # another invitation's id under this link's signature
              signing.Signer(key="geraden", salt=services.TOKEN_SALT).sign_object({"i": other.pk}),
              payload, f"{payload}:"]
    for token in forged:
        page = Client().get(f"/monitor/v/{token}/")
        assert page.status_code == 404 and "Deze link werkt niet" in page.content.decode(), token
        assert Client().post(f"/monitor/v/{token}/", {"action": "submit", "vrijwilligers": "99"}).status_code == 404
    assert not Response.objects.exists()


def test_the_link_is_not_guessable(wave, world):
    """An HMAC-SHA256 signature over the id: 256 bits, checked before any database query."""
    token = services.invitation_token(wave.invitations.get(place=world.place))
    assert len(token.rsplit(":", 1)[1]) >= 43


def test_after_the_close_the_link_reads_but_changes_nothing(world, wave):
    mine = wave.invitations.get(place=world.place)
    _submit(mine, vrijwilligers="30")
    Wave.objects.filter(pk=wave.pk).update(closes_on=TODAY - datetime.timedelta(days=1))
    closed = Client().post(url(mine), {"action": "register"})
    assert closed.status_code == 410 and "De vragenlijst is gesloten" in closed.content.decode()
    assert Client().post(url(mine), {"action": "submit", "wijzigen": "1", "vrijwilligers": "31"}).status_code == 410
    mine.refresh_from_db()
    assert update_register(mine) == []  # the service refuses too, whoever calls it
    assert Place.objects.get(pk=world.place.pk).volunteer_count == 14
    assert Response.objects.get(invitation=mine).data["vrijwilligers"] == 30


def test_a_handed_in_link_does_not_hand_in_twice(world, wave):
    mine = wave.invitations.get(place=world.place)
    _submit(mine, vrijwilligers="25")
    again = Client().post(url(mine), {"action": "submit", "vrijwilligers": "3"})
    assert again.status_code == 200 and "Ze waren al ingeleverd" in again.content.decode()
    assert Response.objects.get(invitation=mine).data["vrijwilligers"] == 25


def test_a_revoked_link_cannot_update_the_register(world, wave):
    mine = wave.invitations.get(place=world.place)
    _submit(mine, vrijwilligers="40")
    old = url(mine)
    services.reissue_link(mine, by=world.users["province_staff"])
    assert Client().post(old, {"action": "register"}).status_code == 410
    assert Place.objects.get(pk=world.place.pk).volunteer_count == 14


def test_the_pages_show_no_other_places_contacts(world, wave):
    Place.objects.filter(pk=world.zwolle_place.pk).update(contact_name="Jan Geheim", email="jan@geheim.example",
                                                          phone="06 12345678")
    mine = wave.invitations.get(place=world.place)
    pages = [Client().get(url(mine)).content.decode()]
    _submit(mine, vrijwilligers="20")
    pages.append(Client().get(url(mine)).content.decode())
    for page in pages:
        assert "Jan Geheim" not in page and "geheim.example" not in page and "12345678" not in page
        assert world.zwolle_place.name not in page


SURVEY = ["type", "name", "label", "bind::ontmoet:register"]


@pytest.mark.parametrize("answer", ["500", "-3"])
def test_a_number_the_register_refuses_is_not_offered_nor_written(world, answer):
    """An uploaded form may leave a number unbounded; the register's own rules (0 to 100 board members) still hold."""
    Place.objects.filter(pk=world.place.pk).update(board_size=5)
    questionnaire = services.import_questionnaire(world.overijssel, xlsform(
        [SURVEY, ["integer", "bestuur", "Hoeveel bestuursleden?", "bestuursleden"],
         ["integer", "vrijwilligers", "Hoeveel vrijwilligers?", "vrijwilligers"]]), "bestuur.xlsx")
    mine = make_wave(world.overijssel, year=TODAY.year, questionnaire=questionnaire).invitations.get(
        place=world.place)
    _submit(mine, bestuur=answer, vrijwilligers="12")
    thanks = Client().get(url(mine)).content.decode()
    offered = re.search(r'id="kop-register".*?</section>', thanks, re.S).group(0)
    assert "Aantal vrijwilligers" in offered and "Aantal bestuursleden" not in offered
    assert Client().post(url(mine), {"action": "register"}).status_code == 302
    place = Place.objects.get(pk=world.place.pk)
    assert (place.board_size, place.volunteer_count) == (5, 12)


def test_a_long_wave_title_fits_the_history(world):
    world.place.volunteer_count = 14
    world.place.save()
    mine = make_wave(world.overijssel, year=TODAY.year).invitations.get(place=world.place)
    Wave.objects.filter(pk=mine.wave_id).update(title="Monitor ontmoetingsplekken " * 7)
    mine.refresh_from_db()
    _submit(mine, vrijwilligers="22")
    assert Client().post(url(mine), {"action": "register"}).status_code == 302
    reason = Place.objects.get(pk=world.place.pk).history.first().history_change_reason
    assert len(reason) <= 100 and reason.startswith("bijgewerkt uit de monitor")
