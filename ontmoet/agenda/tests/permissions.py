from ontmoet.core.testing.permissions import (
    FORBIDDEN,
    LOGGED_IN,
    NOT_FOUND,
    OK,
    OWN_PLACE,
    OWN_PLACE_POST,
    PUBLIC,
    REDIRECT,
    expect,
)

from .factories import world_activity


def _activity(world):
    return world_activity(world).pk


def _next_date(world):
    activity = world_activity(world)
    return {"date": activity.dates.order_by("date").first().date.isoformat()}


# The area-wide import and export: whoever keeps agendas (boards, municipality, province), for their own places.
KEEPERS = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK, other_province_staff=OK,
                 municipal_officer=OK, other_municipal_officer=OK, board_member=OK, other_board_member=OK)
# The document's progress page is where the area's spreadsheet is made.
KEEPERS_DOCUMENT = {role: (REDIRECT if status == OK else status) for role, status in KEEPERS.items()}

MATRIX = {
    # Public: the agenda, its calendar feed and a place's feed.
    "agenda:search": ("get", {}, PUBLIC),
    "agenda:feed": ("get", {}, PUBLIC),
    "agenda:place_feed": ("get", {"code": "place"}, PUBLIC),
    "agenda:download_csv": ("get", {}, PUBLIC),
    "agenda:download_json": ("get", {}, PUBLIC),
    "api_agenda:activity-list": ("get", {}, PUBLIC),
    "api_agenda:activity-detail": ("get", {"pk": _activity}, PUBLIC),
    # Kept by the place's board, its municipality and its province (as the place itself); 404 for anyone else.
    "agenda:manage": ("get", {"code": "place"}, OWN_PLACE),
    "agenda:create": ("get", {"code": "place"}, OWN_PLACE),
    "agenda:edit": ("get", {"code": "place", "pk": _activity}, OWN_PLACE),
    "agenda:delete": ("get", {"code": "place", "pk": _activity}, OWN_PLACE),
    "agenda:confirm": ("post", {"code": "place"}, OWN_PLACE_POST),
    "agenda:cancel_date": ("post", {"code": "place", "pk": _activity}, OWN_PLACE_POST, _next_date),
    "agenda:restore_date": ("post", {"code": "place", "pk": _activity}, OWN_PLACE_POST, _next_date),
    "agenda:end": ("post", {"code": "place", "pk": _activity}, OWN_PLACE_POST),
    "agenda:import_place": ("get", {"code": "place"}, OWN_PLACE),
    "agenda:export_place_csv": ("get", {"code": "place"}, OWN_PLACE),
    "agenda:export_place_xlsx": ("get", {"code": "place"}, OWN_PLACE),
    "agenda:import_all": ("get", {}, KEEPERS),
    "agenda:export_all_csv": ("get", {}, KEEPERS),
    "agenda:export_all_xlsx": ("get", {}, KEEPERS_DOCUMENT),
    "agenda:template_csv": ("get", {}, LOGGED_IN),
    "agenda:template_xlsx": ("get", {}, LOGGED_IN),
}

# The management API (api/v1/beheer/...): the same people as the pages; 401 without login.
API = expect(NOT_FOUND, anonymous=401, province_admin=OK, province_staff=OK, municipal_officer=OK, board_member=OK)
MATRIX.update({
    "api_agenda_board:activity-list": ("get", {"code": "place"}, API),
    "api_agenda_board:activity-detail": ("get", {"code": "place", "pk": _activity}, API),
    "api_agenda_board:activity-confirm": ("post", {"code": "place"}, API, {}),
    "api_agenda_board:activity-cancel-date": ("post", {"code": "place", "pk": _activity}, API, _next_date),
    "api_agenda_board:activity-restore-date": ("post", {"code": "place", "pk": _activity}, API, _next_date),
})
