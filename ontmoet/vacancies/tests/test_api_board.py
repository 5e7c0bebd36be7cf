"""The board's vacancies over the management API: the form's checks, the workflow, responses for the
board alone (officers see counts), 404 out of scope."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from rest_framework.authtoken.models import Token

from ontmoet.vacancies.models import ResponseStatus, Status, Vacancy

from .factories import make_response, make_vacancy

URL = "/api/v1/beheer/plekken/RAA-001/vacatures/"


def api(user):
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


def treasurer(**overrides):
    return {"role": "penningmeester", "description": "De kas bijhouden.", "hours_per_month": 6,
            "ends_on": (timezone.localdate() + timedelta(days=60)).isoformat(), **overrides}


def test_board_posts_changes_and_closes_a_vacancy_through_the_workflow(client, world):
    board = api(world.users["board_member"])
    response = client.post(URL, treasurer(), content_type="application/json", **board)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "open" and body["title"] == "Penningmeester" and "filled" in body["moves"]
    vacancy = Vacancy.objects.get(pk=body["id"])
    assert vacancy.history.count() == 1
    response = client.patch(f"{URL}{vacancy.pk}/", {"hours_per_month": 4}, content_type="application/json", **board)
    assert response.json()["hours_per_month"] == 4 and response.json()["description"] == "De kas bijhouden."
    response = client.post(f"{URL}{vacancy.pk}/status/", {"status": "filled"}, content_type="application/json",
                           **board)
    assert response.status_code == 200 and response.json()["status"] == "filled"
    assert [change.to_status for change in vacancy.history.order_by("pk")] == [Status.OPEN, Status.FILLED]
    # The table has no step from filled to withdrawn: the workflow's message, nothing changed.
    response = client.post(f"{URL}{vacancy.pk}/status/", {"status": "withdrawn"}, content_type="application/json",
                           **board)
    assert response.status_code == 400 and "status" in response.json()["fouten"]
    assert Vacancy.objects.get(pk=vacancy.pk).status == Status.FILLED


@pytest.mark.parametrize(("change", "field"), [
    ({"role": None}, "role"), ({"role": "koning"}, "role"), ({"role": "anders"}, "role_other"),
    ({"ends_on": "2020-01-01"}, "ends_on"), ({"hours_per_month": -1}, "hours_per_month"),
    ({"description": ""}, "description"), ({"skills": "a\x07b"}, "skills"),
])
def test_bad_input_is_refused_with_the_forms_message_and_nothing_written(client, world, change, field):
    data = {key: value for key, value in {**treasurer(), **change}.items() if value is not None}
    response = client.post(URL, data, content_type="application/json", **api(world.users["board_member"]))
    assert response.status_code == 400 and field in response.json()["fouten"]
    assert not Vacancy.objects.exists()


def test_without_a_role_the_message_is_the_forms(client, world):
    data = treasurer()
    data.pop("role")
    response = client.post(URL, data, content_type="application/json", **api(world.users["board_member"]))
    assert response.json()["fouten"]["role"] == ["Kies een rol: wie zoekt de plek?"]


def test_responses_are_for_the_board_and_officers_see_counts(client, world):
    vacancy = make_vacancy(world.place)
    answered, waiting = make_response(vacancy), make_response(vacancy, name="Piet Pieters", email="piet@x.nl")
    board = api(world.users["board_member"])
    response = client.post(f"{URL}{vacancy.pk}/reacties/{answered.pk}/beantwoord/", **board)
    assert response.status_code == 200 and response.json()["status"] == ResponseStatus.ANSWERED
    assert answered.history.count() == 2  # new, answered: through the workflow
    mail.outbox.clear()
    response = client.post(f"{URL}{vacancy.pk}/reacties/{waiting.pk}/antwoord/", {"answer": "Welkom!"},
                           content_type="application/json", **board)
    assert response.status_code == 200 and mail.outbox[0].to == ["piet@x.nl"]
    rows = client.get(f"{URL}{vacancy.pk}/reacties/", **board).json()["results"]
    assert {row["email"] for row in rows} == {"jan@voorbeeld.nl", "piet@x.nl"}
    for role in ("municipal_officer", "province_staff"):
        officer = api(world.users[role])
        body = client.get(URL, **officer).json()
        assert body["results"][0]["response_count"] == 2 and body["results"][0]["moves"] == []
        assert "voorbeeld.nl" not in str(body) and "Jan Jansen" not in str(body)
        assert client.get(f"{URL}{vacancy.pk}/reacties/", **officer).status_code == 403
        assert client.post(f"{URL}{vacancy.pk}/reacties/{waiting.pk}/beantwoord/", **officer).status_code == 403
        assert client.post(URL, treasurer(), content_type="application/json", **officer).status_code == 403
        assert client.patch(f"{URL}{vacancy.pk}/", {"hours_per_month": 1}, content_type="application/json",
                            **officer).status_code == 403


@pytest.mark.parametrize("role", ["other_board_member", "other_municipal_officer", "other_province_staff",
                                  "expert", "initiator"])
def test_out_of_scope_is_a_404_everywhere(client, world, role):
    vacancy = make_vacancy(world.place)
    answer = make_response(vacancy)
    auth = api(world.users[role])
    for method, url in [("get", URL), ("post", URL), ("get", f"{URL}{vacancy.pk}/"),
                        ("patch", f"{URL}{vacancy.pk}/"), ("post", f"{URL}{vacancy.pk}/status/"),
                        ("get", f"{URL}{vacancy.pk}/reacties/"),
                        ("post", f"{URL}{vacancy.pk}/reacties/{answer.pk}/beantwoord/")]:
        response = getattr(client, method)(url, treasurer(), content_type="application/json", **auth)
        assert response.status_code == 404, (method, url)
    assert client.get(URL).status_code == 401
