"""The board's agenda over the management API: the web form's rules and messages, the same services,
the same scope (board, municipality, province; 404 for anyone else)."""

from datetime import date, timedelta

import pytest
from rest_framework.authtoken.models import Token

from ontmoet.agenda.models import Activity, ActivityDate, CancelledDate

from .factories import kind, make_activity

URL = "/api/v1/beheer/plekken/RAA-001/activiteiten/"


def api(client, user):
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"}


def coffee(**overrides):
    kind("koffiemomenten")
    monday = date.today() + timedelta(days=7 - date.today().weekday())
    return {"title": "Koffieochtend", "kind": "koffiemomenten", "recurrence": "wekelijks", "weekdays": [1],
            "starts_on": monday.isoformat(), "ends_on": (monday + timedelta(days=60)).isoformat(),
            "start_time": "10:00", "end_time": "12:00", "walk_in": True, "skip_public_holidays": True, **overrides}


def test_board_creates_lists_changes_and_deletes_an_activity(client, world):
    auth = api(client, world.users["board_member"])
    response = client.post(URL, coffee(), content_type="application/json", **auth)
    assert response.status_code == 201, response.json()
    body = response.json()
    activity = Activity.objects.get(pk=body["id"])
    assert body["kind"] == "koffiemomenten" and body["walk_in"] and body["schedule"] == "elke dinsdag"
    assert len(body["next_dates"]) > 5 and ActivityDate.objects.filter(activity=activity).count() > 5
    assert [row["id"] for row in client.get(URL, **auth).json()["results"]] == [activity.pk]
    # A PATCH keeps what it does not mention, and goes through the service (dates rebuilt).
    response = client.patch(f"{URL}{activity.pk}/", {"weekdays": [1, 3]}, content_type="application/json", **auth)
    assert response.status_code == 200 and response.json()["title"] == "Koffieochtend"
    assert {d.date.weekday() for d in ActivityDate.objects.filter(activity=activity)} == {1, 3}
    assert client.delete(f"{URL}{activity.pk}/", **auth).status_code == 204
    assert not Activity.objects.filter(pk=activity.pk).exists()


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"ends_on": "2020-01-01"}, "ends_on", "vóór de eerste datum"),
    # The last Sunday of March 2027 (also Easter: the holiday skip is off) has no 02:30.
    ({"recurrence": "eenmalig", "starts_on": "2027-03-28", "start_time": "02:30", "end_time": "04:00",
      "skip_public_holidays": False}, "start_time", "bestaat niet"),
    ({"end_time": "09:00"}, "end_time", "niet na de begintijd"),
    ({"kind": "bestaat-niet"}, "kind", ""),
    ({"weekdays": []}, "weekdays", "Kies op welke dag"),
    ({"title": "Koffie\x00"}, "title", "stuurteken"),
    ({"weekdays": [9]}, "weekdays", ""),
])
def test_bad_input_is_a_400_with_the_web_forms_message_and_nothing_written(client, world, change, field, words):
    auth = api(client, world.users["board_member"])
    response = client.post(URL, {**coffee(), **change}, content_type="application/json", **auth)
    assert response.status_code == 400
    assert field in response.json()["fouten"] and words in str(response.json()["fouten"][field])
    assert not Activity.objects.exists()


def test_a_series_of_more_than_500_dates_is_refused(client, world):
    auth = api(client, world.users["board_member"])
    start = date.today()
    response = client.post(URL, coffee(weekdays=[0, 1, 2, 3, 4, 5, 6], starts_on=start.isoformat(),
                                       ends_on=(start + timedelta(days=600)).isoformat()),
                           content_type="application/json", **auth)
    assert response.status_code == 400 and "500" in response.json()["fouten"]["ends_on"][0]


def test_cancel_and_restore_a_date_and_confirm_the_place(client, world):
    activity = make_activity(world.place)
    auth = api(client, world.users["municipal_officer"])  # the municipality keeps the agenda too (as on the page)
    day = activity.dates.order_by("date").first().date.isoformat()
    response = client.post(f"{URL}{activity.pk}/vervalt/", {"date": day}, content_type="application/json", **auth)
    assert response.status_code == 200 and response.json()["cancelled_dates"] == [day]
    assert CancelledDate.objects.filter(activity=activity).count() == 1
    assert client.post(f"{URL}{activity.pk}/vervalt/", {"date": "2001-01-01"}, content_type="application/json",
                       **auth).status_code == 400
    response = client.post(f"{URL}{activity.pk}/gaat-door/", {"date": day}, content_type="application/json", **auth)
    assert response.json()["cancelled_dates"] == [] and activity.dates.filter(date=day).exists()
    Activity.objects.filter(pk=activity.pk).update(last_confirmed_at="2020-01-01T00:00Z")
    assert client.get(f"{URL}{activity.pk}/", **auth).json()["needs_confirmation"] is True
    assert client.post(f"{URL}bevestigen/", **auth).json() == {"confirmed": 1}
    assert client.get(f"{URL}{activity.pk}/", **auth).json()["needs_confirmation"] is False


@pytest.mark.parametrize("role", ["other_board_member", "other_municipal_officer", "other_province_staff",
                                  "expert", "initiator"])
def test_out_of_scope_is_a_404_for_every_endpoint(client, world, role):
    activity = make_activity(world.place)
    auth = api(client, world.users[role])
    for method, url in [("get", URL), ("post", URL), ("get", f"{URL}{activity.pk}/"),
                        ("patch", f"{URL}{activity.pk}/"), ("delete", f"{URL}{activity.pk}/"),
                        ("post", f"{URL}bevestigen/"), ("post", f"{URL}{activity.pk}/vervalt/")]:
        response = getattr(client, method)(url, coffee(), content_type="application/json", **auth)
        assert response.status_code == 404, (method, url)
    assert Activity.objects.get(pk=activity.pk).title == "Koffieochtend"


def test_anonymous_gets_401_and_a_malformed_id_a_json_404(client, world):
    assert client.get(URL).status_code == 401
    assert client.post(URL, coffee(), content_type="application/json").status_code == 401
    auth = api(client, world.users["board_member"])
    response = client.get(f"{URL}abc/", **auth)
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
