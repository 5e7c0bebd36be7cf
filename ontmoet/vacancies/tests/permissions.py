"""Who may open which vacancies page. The vacancy and its response belong to the Raalte place."""

from ontmoet.core.testing.permissions import (
    FORBIDDEN,
    NOT_FOUND,
    OFFICERS_ONLY,
    OK,
    OWN_PLACE,
    PUBLIC,
    REDIRECT,
    expect,
)

# Only the place's own board writes; officers in scope read (403 for writing), everyone else gets a 404.
BOARD_ONLY = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=FORBIDDEN, province_staff=FORBIDDEN,
                    municipal_officer=FORBIDDEN, board_member=OK)
BOARD_POST = {role: (REDIRECT if status == OK else status) for role, status in BOARD_ONLY.items()}
BOARDS = expect(FORBIDDEN, anonymous=REDIRECT, board_member=OK, other_board_member=OK)
# The board's responses: another board gets a 404, those who are no board a 403.
OWN_RESPONSE = expect(FORBIDDEN, anonymous=REDIRECT, board_member=OK, other_board_member=NOT_FOUND)
OWN_RESPONSE_POST = {role: (REDIRECT if status == OK else status) for role, status in OWN_RESPONSE.items()}
BOARDS_AND_OFFICERS = expect(OK, anonymous=REDIRECT, expert=FORBIDDEN, initiator=FORBIDDEN)


def _vacancy(world):
    from .factories import make_vacancy

    return make_vacancy(world.place).pk


def _response(world):
    from ontmoet.vacancies.models import Vacancy

    from .factories import make_response

    return make_response(Vacancy.objects.get(pk=_vacancy(world))).pk


def _token(world):
    from .factories import make_offer

    return make_offer(world.raalte).token


MATRIX = {
    "vacancies:public_list": ("get", {}, PUBLIC),
    "vacancies:public_detail": ("get", {"pk": _vacancy}, PUBLIC),
    "vacancies:download_csv": ("get", {}, PUBLIC),
    "vacancies:download_json": ("get", {}, PUBLIC),
    "vacancies:help_offer": ("get", {}, PUBLIC),
    "vacancies:help_renew": ("get", {"token": _token}, PUBLIC),
    "vacancies:place": ("get", {"code": "place"}, OWN_PLACE),
    "vacancies:create": ("get", {"code": "place"}, BOARD_ONLY),
    "vacancies:detail": ("get", {"code": "place", "pk": _vacancy}, OWN_PLACE),
    "vacancies:edit": ("get", {"code": "place", "pk": _vacancy}, BOARD_ONLY),
    "vacancies:status": ("post", {"code": "place", "pk": _vacancy}, BOARD_POST, {"status": "filled"}),
    "vacancies:index": ("get", {}, BOARDS_AND_OFFICERS),
    "vacancies:export_xlsx": ("get", {}, OFFICERS_ONLY),
    "vacancies:export_csv": ("get", {}, OFFICERS_ONLY),
    "vacancies:responses": ("get", {}, BOARDS),
    "vacancies:response": ("get", {"pk": _response}, OWN_RESPONSE),
    "vacancies:response_mark": ("post", {"pk": _response}, OWN_RESPONSE_POST, {}),
    "vacancies:help_offers": ("get", {}, BOARDS),
    "api_vacancies:vacancy-list": ("get", {}, PUBLIC),
    "api_vacancies:vacancy-detail": ("get", {"pk": _vacancy}, PUBLIC),
}

# The management API: officers in scope read (403 for writing and for responses), 401 without login.
API_READ = expect(NOT_FOUND, anonymous=401, province_admin=OK, province_staff=OK, municipal_officer=OK,
                  board_member=OK)
API_BOARD = expect(NOT_FOUND, anonymous=401, province_admin=FORBIDDEN, province_staff=FORBIDDEN,
                   municipal_officer=FORBIDDEN, board_member=OK)
_PLACE_VACANCY = {"code": "place", "pk": _vacancy}


def _answered_vacancy(world):
    from ontmoet.vacancies.models import Vacancy

    from .factories import make_response

    vacancy = Vacancy.objects.get(pk=_vacancy(world))
    make_response(vacancy)
    return vacancy.pk


def _its_response(world):
    from ontmoet.vacancies.models import Response

    return Response.objects.get(vacancy__place=world.place).pk


# Resolved in this order: the vacancy (with one response) first, then that response.
_PLACE_RESPONSE = {"code": "place", "pk": _answered_vacancy, "rpk": _its_response}


MATRIX.update({
    "api_vacancies_board:vacancy-list": ("get", {"code": "place"}, API_READ),
    "api_vacancies_board:vacancy-detail": ("get", _PLACE_VACANCY, API_READ),
    "api_vacancies_board:vacancy-move": ("post", _PLACE_VACANCY, API_BOARD, {"status": "filled"}),
    "api_vacancies_board:response-list": ("get", _PLACE_VACANCY, API_BOARD),
    "api_vacancies_board:response-mark": ("post", _PLACE_RESPONSE, API_BOARD, {}),
    "api_vacancies_board:response-answer": ("post", _PLACE_RESPONSE, API_BOARD, {"answer": "Welkom!"}),
})
