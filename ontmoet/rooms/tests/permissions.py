"""The rooms pages: the public page and personal link for everyone; the register side for the place's
scope (read) and its board (write); 404 out of scope."""

from ontmoet.core.testing.permissions import FORBIDDEN, NOT_FOUND, OK, PUBLIC, REDIRECT, as_post, expect

from .factories import PNG, make_request, make_room

PUBLIC_CODE = {"code": "place"}
# Province and municipality read the place's rooms and requests; its board also changes them.
READ = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=OK, province_staff=OK, municipal_officer=OK,
              board_member=OK)
MANAGE = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=FORBIDDEN, province_staff=FORBIDDEN,
                municipal_officer=FORBIDDEN, board_member=OK)
LIST = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK, other_province_staff=OK,
              municipal_officer=OK, other_municipal_officer=OK, board_member=OK, other_board_member=OK)


def _room(world):
    return make_room(world.place).pk


def _room_with_photo(world):
    from django.core.files.base import ContentFile

    room = make_room(world.place, name="Zaal met foto")
    room.photo.save("zaal.png", ContentFile(PNG))
    room.photo_kind = "png"
    room.save()
    return room.pk


def _request(world):
    return make_request(make_room(world.place, name="Zaal voor de matrix"))


def _quiet_notice(world):
    from django.utils import timezone

    from ontmoet.rooms.models import QuietRoomNotice
    from ontmoet.rooms.quiet import last_season

    room = make_room(world.place, name="Stille zaal")
    return QuietRoomNotice.objects.create(room=room, season_start=last_season(timezone.localdate())[0],
                                          occupancy=5).pk


MATRIX = {
    "rooms:page": ("get", PUBLIC_CODE, PUBLIC),
    "rooms:personal": ("get", {"code": "place", "token": lambda world: _request(world).token}, PUBLIC),
    "rooms:photo": ("get", {"code": "place", "pk": _room_with_photo}, PUBLIC),
    "rooms:calendar": ("get", {"code": "place", "pk": _room}, PUBLIC),
    "rooms_opendata:download_csv": ("get", {}, PUBLIC),
    "rooms_opendata:download_json": ("get", {}, PUBLIC),
    "api_rooms:room-list": ("get", {}, PUBLIC),
    "api_rooms:room-detail": ("get", {"pk": _room}, PUBLIC),
    "rooms_board:calendar": ("get", {"code": "place", "pk": _room}, READ),
    "rooms_board:requests": ("get", {}, LIST),
    "rooms_board:rooms": ("get", PUBLIC_CODE, READ),
    "rooms_board:figures": ("get", PUBLIC_CODE, READ),
    "rooms_board:figures_xlsx": ("get", PUBLIC_CODE, READ),
    "rooms_board:room_create": ("get", PUBLIC_CODE, MANAGE),
    "rooms_board:room_edit": ("get", {"code": "place", "pk": _room}, MANAGE),
    "rooms_board:photo": ("get", {"code": "place", "pk": _room_with_photo}, READ),
    "rooms_board:request": ("get", {"code": "place", "pk": lambda world: _request(world).pk}, READ),
    "rooms_board:quiet_notice_seen": ("post", {"code": "place", "pk": _quiet_notice}, as_post(MANAGE)),
}

# The management API: the place's scope reads, its board writes; 401 without login.
API_READ = {**READ, "anonymous": 401}
API_MANAGE = {**MANAGE, "anonymous": 401}


def _accepted(world):
    from ontmoet.rooms import services

    return services.accept(_request(world), by=None).pk


MATRIX.update({
    "api_rooms_board:room-list": ("get", PUBLIC_CODE, API_READ),
    "api_rooms_board:room-detail": ("get", {"code": "place", "pk": _room}, API_READ),
    "api_rooms_board:request-list": ("get", PUBLIC_CODE, API_READ),
    "api_rooms_board:request-detail": ("get", {"code": "place", "pk": lambda world: _request(world).pk}, API_READ),
    "api_rooms_board:request-accept": ("post", {"code": "place", "pk": lambda world: _request(world).pk},
                                       API_MANAGE, {}),
    "api_rooms_board:request-decline": ("post", {"code": "place", "pk": lambda world: _request(world).pk}, API_MANAGE,
                                  {"reason": "Die avond is de zaal dicht."}),
    "api_rooms_board:request-cancel": ("post", {"code": "place", "pk": _accepted}, API_MANAGE,
                                 {"reason": "Lekkage in de zaal."}),
})
