from ontmoet.core.testing.permissions import NOT_FOUND, OK, OWN_PLACE, OWN_PLACE_POST, PUBLIC, expect

from .factories import world_activity


def _activity(world):
    return world_activity(world).pk


def _next_date(world):
    activity = world_activity(world)
    return {"date": activity.dates.order_by("date").first().date.isoformat()}


MATRIX = {
    # Public: the agenda, its calendar feed and a place's feed.
    "agenda:search": ("get", {}, PUBLIC),
    "agenda:feed": ("get", {}, PUBLIC),
    "agenda:place_feed": ("get", {"code": "place"}, PUBLIC),
    # Kept by the place's board, its municipality and its province (as the place itself); 404 for anyone else.
    "agenda:manage": ("get", {"code": "place"}, OWN_PLACE),
    "agenda:create": ("get", {"code": "place"}, OWN_PLACE),
    "agenda:edit": ("get", {"code": "place", "pk": _activity}, OWN_PLACE),
    "agenda:delete": ("get", {"code": "place", "pk": _activity}, OWN_PLACE),
    "agenda:confirm": ("post", {"code": "place"}, OWN_PLACE_POST),
    "agenda:cancel_date": ("post", {"code": "place", "pk": _activity}, OWN_PLACE_POST, _next_date),
    "agenda:restore_date": ("post", {"code": "place", "pk": _activity}, OWN_PLACE_POST, _next_date),
}

# The management API (api/v1/beheer/...): the same people as the pages; 401 without login.
API = expect(NOT_FOUND, anonymous=401, province_admin=OK, province_staff=OK, municipal_officer=OK, board_member=OK)
MATRIX.update({
    "api_agenda:activity-list": ("get", {"code": "place"}, API),
    "api_agenda:activity-detail": ("get", {"code": "place", "pk": _activity}, API),
    "api_agenda:activity-confirm": ("post", {"code": "place"}, API, {}),
    "api_agenda:activity-cancel-date": ("post", {"code": "place", "pk": _activity}, API, _next_date),
    "api_agenda:activity-restore-date": ("post", {"code": "place", "pk": _activity}, API, _next_date),
})
