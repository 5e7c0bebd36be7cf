import csv
import io
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.utils import timezone
from openpyxl import load_workbook

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.panels import work_items
from ontmoet.places.tests.factories import PlaceFactory
from ontmoet.vacancies.forms import ResponseForm
from ontmoet.vacancies.models import HelpOffer, Response, ResponseStatus, Status, Vacancy

from .factories import make_offer, make_response, make_vacancy


def _form(client, url, **data):
    page = client.get(url).content.decode()
    key = page.split('name="verzendsleutel" value="')[1].split('"')[0]
    token = signing.dumps(time.time() - 10, salt=ResponseForm.SALT)
    return {"website": "", "token": token, "verzendsleutel": key, **data}


RESPONSE = {"name": "Jan Jansen", "email": "jan@voorbeeld.nl", "phone": "", "message": "Ik help graag mee met de kas."}


def test_board_posts_a_vacancy_and_sees_errors_by_the_field(world, client_for):
    client = client_for(world.users["board_member"])
    url = f"/plekken/{world.place.code}/vacatures/nieuw/"
    today = timezone.localdate()
    bad = client.post(url, {"role": "", "description": "Kas", "hours_per_month": "-3",
                            "starts_on": f"{today:%Y-%m-%d}", "ends_on": f"{today - timedelta(days=5):%Y-%m-%d}"})
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "Kies een rol" in page and "niet negatief" in page and "vóór de begindatum" in page
    assert not Vacancy.objects.exists()
    good = client.post(url, {"role": "penningmeester", "description": "De kas bijhouden.", "hours_per_month": "6",
                             "ends_on": f"{today + timedelta(days=30):%Y-%m-%d}"})
    vacancy = Vacancy.objects.get()
    assert good.status_code == 302 and good["Location"] == vacancy.get_absolute_url()
    assert vacancy.status == Status.OPEN and vacancy.created_by == world.users["board_member"]


def test_board_marks_filled_through_the_workflow(world, client_for):
    vacancy = make_vacancy(world.place)
    client = client_for(world.users["board_member"])
    client.post(f"/plekken/{world.place.code}/vacatures/{vacancy.pk}/status/", {"status": "filled"})
    vacancy.refresh_from_db()
    assert vacancy.status == Status.FILLED
    client.post(f"/plekken/{world.place.code}/vacatures/{vacancy.pk}/status/", {"status": "expired"})
    vacancy.refresh_from_db()
    assert vacancy.status == Status.FILLED  # not a move the board may make


def test_public_list_filters_by_role_municipality_and_postcode(world, client):
    near = make_vacancy(world.place, role="bar")  # Heeten, 8101 AB, 52.39 / 6.29
    PlaceFactory._meta.model.objects.filter(pk__in=[world.zwolle_place.pk, world.gelderland_place.pk]).update(
        postcode="7300 AA")
    far = make_vacancy(world.gelderland_place, role="penningmeester")  # Apeldoorn
    hidden_place = PlaceFactory(municipality=world.raalte, is_public=False)
    hidden = make_vacancy(hidden_place)
    withdrawn = make_vacancy(world.place, role="klusser")
    Vacancy.objects.filter(pk=withdrawn.pk).update(status=Status.WITHDRAWN)
    page = client.get("/kaart/vacatures/").content.decode()
    assert near.get_public_url() in page and far.get_public_url() in page
    assert hidden.get_public_url() not in page and withdrawn.get_public_url() not in page
    assert far.get_public_url() not in client.get("/kaart/vacatures/?role=bar").content.decode()
    by_municipality = client.get(f"/kaart/vacatures/?municipality={world.apeldoorn.pk}").content.decode()
    assert far.get_public_url() in by_municipality and near.get_public_url() not in by_municipality
    nearby = client.get("/kaart/vacatures/?near=8101&radius=10").content.decode()
    assert near.get_public_url() in nearby and far.get_public_url() not in nearby
    unknown = client.get("/kaart/vacatures/?near=Nergenshuizen").content.decode()
    assert "niet vinden" in unknown


def test_public_response_reaches_the_board_and_stays_private(world, client):
    vacancy = make_vacancy(world.place)
    url = vacancy.get_public_url()
    answer = client.post(url, _form(client, url, **RESPONSE))
    assert answer.status_code == 302
    response = Response.objects.get()
    assert response.email == "jan@voorbeeld.nl" and mail.outbox[0].to == ["board.member@test.example"]
    public = client.get(url).content.decode() + client.get(f"/kaart/plek/{world.place.code}/").content.decode()
    assert "Jan Jansen" not in public and "jan@voorbeeld.nl" not in public
    assert "/privacy/" in client.get(url).content.decode()


def test_the_same_form_posted_twice_creates_one_response(world, client):
    url = make_vacancy(world.place).get_public_url()
    data = _form(client, url, **RESPONSE)
    client.post(url, data)
    again = client.post(url, data)
    assert again.status_code == 302 and Response.objects.count() == 1


@pytest.mark.parametrize("spam", [{"website": "http://spam.example"}, {"token": "vals"}, {"token": "now"}])
def test_spam_is_dropped_silently(world, client, spam):
    url = make_vacancy(world.place).get_public_url()
    if spam.get("token") == "now":  # sent back faster than a person can fill it in
        spam = {"token": signing.dumps(time.time(), salt=ResponseForm.SALT)}
    answer = client.post(url, {**_form(client, url, **RESPONSE), **spam})
    assert answer.status_code == 302 and not Response.objects.exists() and mail.outbox == []


def test_bad_response_is_refused_with_messages(world, client):
    url = make_vacancy(world.place).get_public_url()
    answer = client.post(url, _form(client, url, name="", email="geen-adres", message="hoi"))
    page = answer.content.decode()
    assert answer.status_code == 400 and "Vul uw naam in" in page and "geldig e-mailadres" in page
    assert not Response.objects.exists()


@pytest.mark.shared_cache
def test_public_forms_are_rate_limited_per_visitor(world, client, settings):
    settings.VACANCIES_SUBMISSIONS_PER_HOUR = 2
    url = make_vacancy(world.place).get_public_url()
    for _ in range(2):
        assert client.post(url, _form(client, url, **RESPONSE)).status_code == 302
    assert client.post(url, _form(client, url, **RESPONSE)).status_code == 429
    assert Response.objects.count() == 2
    other = client.post(url, _form(client, url, **RESPONSE), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302 and Response.objects.count() == 3


def test_work_queue_count_equals_the_list_it_links_to(world, client_for, rf):
    vacancy = make_vacancy(world.place)
    for _ in range(3):
        make_response(vacancy)
    services_answered = make_response(vacancy)
    from ontmoet.vacancies import services

    services.mark_answered(services_answered, world.users["board_member"])
    make_response(make_vacancy(world.zwolle_place))  # another board's
    request = rf.get("/")
    request.user = world.users["board_member"]
    (item,) = [i for i in work_items(request, get_scope(request.user)) if "vacature" in i.label]
    assert item.count == 3 and item.label == "3 reacties op vacatures wachten op antwoord"
    page = client_for(world.users["board_member"]).get(item.url).content.decode()
    assert page.count("/vacatures/reacties/") - page.count('href="/vacatures/reacties/"') == 3


def test_board_answers_a_response_through_ontmoet(world, client_for):
    response = make_response(make_vacancy(world.place))
    mail.outbox.clear()
    client = client_for(world.users["board_member"])
    assert client.post(response.get_absolute_url(), {"answer": ""}).status_code == 400
    client.post(response.get_absolute_url(), {"answer": "Welkom! Bel me even."})
    response.refresh_from_db()
    assert response.status == ResponseStatus.ANSWERED and mail.outbox[0].to == ["jan@voorbeeld.nl"]


def test_officers_see_counts_not_names(world, client_for):
    vacancy = make_vacancy(world.place)
    make_response(vacancy)
    make_offer(world.raalte)
    for role in ("municipal_officer", "province_staff"):
        client = client_for(world.users[role])
        pages = [client.get("/vacatures/").content.decode(), client.get(vacancy.get_absolute_url()).content.decode()]
        for page in pages:
            assert "Jan Jansen" not in page and "jan@voorbeeld.nl" not in page and "Els de Vries" not in page
        assert "1 reactie." in pages[1]
    export = client_for(world.users["municipal_officer"]).get("/vacatures/export.csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert rows[1] == ["Raalte", "GM0177", "1", "1", "1", "1"] and len(rows) == 2
    sheet = load_workbook(io.BytesIO(client_for(world.users["province_staff"]).get("/vacatures/export.xlsx").content))
    names = [row[0] for row in sheet.active.iter_rows(min_row=2, values_only=True)]
    assert "Raalte" in names and "Apeldoorn" not in names


def test_help_offer_form_and_the_boards_of_that_municipality(world, client, client_for):
    url = "/kaart/vacatures/ik-wil-helpen/"
    data = _form(client, url, municipality=world.raalte.pk, name="Els de Vries", email="els@voorbeeld.nl",
                 phone="", interests="Koffie schenken")
    refused = client.post(url, data)  # no consent
    assert refused.status_code == 400 and "toestemming" in refused.content.decode()
    assert client.post(url, {**data, "consent": "on"}).status_code == 302
    offer = HelpOffer.objects.get()
    assert "Els de Vries" in client_for(world.users["board_member"]).get("/vacatures/hulpaanbod/").content.decode()
    assert "Els de Vries" not in client_for(world.users["other_board_member"]).get(
        "/vacatures/hulpaanbod/").content.decode()
    client.logout()
    client.post(offer.get_renew_url(), {"action": "stop"})
    assert not HelpOffer.objects.exists()


def test_renew_link_extends_the_offer(world, client):
    offer = make_offer(world.raalte, days_ago=300)
    client.post(offer.get_renew_url(), {"action": "renew"})
    offer.refresh_from_db()
    assert offer.renewed_at > timezone.now() - timedelta(minutes=1)


def test_place_pages_show_the_open_vacancies(world, client, client_for):
    vacancy = make_vacancy(world.place, role="secretaris")
    public = client.get(f"/kaart/plek/{world.place.code}/").content.decode()
    assert "Deze plek zoekt" in public and vacancy.get_public_url() in public
    register = client_for(world.users["board_member"]).get(f"/plekken/{world.place.code}/").content.decode()
    assert vacancy.get_absolute_url() in register


def test_start_page_leads_to_the_vacancies(world, client):
    make_vacancy(world.place)
    page = client.get("/").content.decode()
    assert "1 open vacature." in page and "/kaart/vacatures/" in page and "/kaart/vacatures/ik-wil-helpen/" in page


def test_public_pages_in_english(world, client):
    vacancy = make_vacancy(world.place)
    page = client.get(vacancy.get_public_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Treasurer at Dorpshuis De Linde" in page and "Send response" in page


def test_the_cached_start_page_follows_the_vacancies(world, client):
    from ontmoet.vacancies import services

    vacancy = make_vacancy(world.place)
    assert "nu 1 open vacature." in client.get("/").content.decode()
    assert client.get("/")["X-Cache"] == "hit"
    services.move_vacancy(vacancy, Status.FILLED, world.users["board_member"])
    assert "nu 0 open vacatures." in client.get("/").content.decode()


def test_public_list_pages_in_sql(world, client, django_assert_max_num_queries):
    for _ in range(25):
        make_vacancy(world.place)
    first = client.get("/kaart/vacatures/").content.decode()
    assert "25 open vacatures" in first and first.count("Meer over") == 20
    assert client.get("/kaart/vacatures/?pagina=2").content.decode().count("Meer over") == 5
    with django_assert_max_num_queries(12):
        client.get("/kaart/vacatures/?pagina=2")


def test_the_boards_vacancy_page_leads_back_to_the_place(world, client_for):
    vacancy = make_vacancy(world.place)
    page = client_for(world.users["board_member"]).get(vacancy.get_absolute_url()).content.decode()
    assert f'href="{world.place.get_absolute_url()}"' in page


@pytest.mark.parametrize(("query", "selected"), [("?near=8102", "10"), ("?near=8102&radius=25", "25"), ("", "10")])
def test_the_distance_shown_is_the_distance_searched(world, client, query, selected):
    import re

    page = client.get(f"/kaart/vacatures/{query}").content.decode()
    select = re.search(r'<select[^>]*name="radius".*?</select>', page, re.S).group(0)
    assert re.findall(r'<option value="(\d+)"[^>]*selected', select) == [selected]
