"""A room's photo has a text alternative the board writes (WCAG 1.1.1): in the room form and the management API,
as the img alt on the public and the register's pages, and in the public API and open data; without one the
generic "Foto van <naam>" as before."""

import csv
import io
import json
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from ontmoet.rooms.models import Room

from .factories import PNG, make_room
from .test_api_board import URL, api
from .test_board import _room_data

pytestmark = [pytest.mark.django_db, pytest.mark.storage]

ALT = "Lichte zaal met twaalf tafels in een U-opstelling en ramen naar de tuin"


def _with_photo(room, alt=""):
    room.photo.save("zaal.png", ContentFile(PNG), save=False)
    room.photo_kind, room.photo_alt = "png", alt
    room.save()
    return room


def _alts(page: str) -> list[str]:
    return re.findall(r'<img class="rooms-photo" src="[^"]+" alt="([^"]*)">', page)


def test_the_board_describes_the_photo_in_the_room_form(client_for, world):
    client = client_for(world.users["board_member"])
    form = client.get("/plekken/RAA-001/ruimtes/nieuw/").content.decode()
    assert "Beschrijving van de foto" in form and "schermlezer" in form and 'maxlength="200"' in form
    photo = SimpleUploadedFile("zaal.png", PNG, content_type="image/png")
    response = client.post("/plekken/RAA-001/ruimtes/nieuw/", {**_room_data(), "photo": photo, "photo_alt": ALT})
    assert response.status_code == 302
    room = Room.objects.get()
    assert room.photo_alt == ALT
    edit = client.get(f"/plekken/RAA-001/ruimtes/{room.pk}/bewerken/").content.decode()
    assert _alts(edit) == [ALT] and f'value="{ALT}"' in edit  # the photo it describes, next to the text


def test_a_description_over_200_characters_is_refused_with_its_own_message(client_for, world):
    room = make_room(world.place)
    response = client_for(world.users["board_member"]).post(
        f"/plekken/RAA-001/ruimtes/{room.pk}/bewerken/", _room_data(name=room.name, photo_alt="x" * 201))
    assert response.status_code == 400
    assert response.context["form"].errors["photo_alt"] == [
        "Houd de beschrijving van de foto kort: hoogstens 200 tekens (nu 201)."]
    assert Room.objects.get(pk=room.pk).photo_alt == ""


def test_the_public_and_register_pages_use_the_description_or_the_generic_text(client_for, world):
    described = _with_photo(make_room(world.place, name="Grote zaal"), ALT)
    _with_photo(make_room(world.place, name="Kleine zaal"))
    make_room(world.place, name="Zaal zonder foto")
    expected = [ALT, "Foto van Kleine zaal"]  # by name; no img for the room without a photo
    assert _alts(client_for(None).get("/kaart/plek/RAA-001/ruimtes/").content.decode()) == expected
    board = client_for(world.users["board_member"])
    assert _alts(board.get("/plekken/RAA-001/ruimtes/").content.decode()) == expected
    served = board.get(f"/plekken/RAA-001/ruimtes/{described.pk}/foto/")
    assert served["Content-Type"] == "image/png" and b"".join(served.streaming_content) == PNG


def test_the_register_shows_the_photo_before_the_place_is_public(client_for, world):
    world.place.is_public = False
    world.place.save()
    room = _with_photo(make_room(world.place), ALT)
    assert client_for(None).get(f"/kaart/plek/RAA-001/ruimtes/{room.pk}/foto/").status_code == 404
    assert client_for(world.users["board_member"]).get(f"/plekken/RAA-001/ruimtes/{room.pk}/foto/").status_code == 200
    without = make_room(world.place, name="Zaal zonder foto")
    assert client_for(world.users["board_member"]).get(
        f"/plekken/RAA-001/ruimtes/{without.pk}/foto/").status_code == 404


def test_the_management_api_reads_and_writes_the_description(client, world):
    room = _with_photo(make_room(world.place))
    board = api(world.users["board_member"])
    body = client.get(f"{URL}ruimtes/{room.pk}/", **board).json()
    assert body["has_photo"] is True and body["photo_alt"] == ""
    response = client.patch(f"{URL}ruimtes/{room.pk}/", {"photo_alt": ALT}, content_type="application/json",
                            **board)
    assert response.status_code == 200 and response.json()["photo_alt"] == ALT
    assert Room.objects.get(pk=room.pk).photo_alt == ALT
    too_long = client.patch(f"{URL}ruimtes/{room.pk}/", {"photo_alt": "x" * 201}, content_type="application/json",
                            **board)
    assert too_long.status_code == 400 and "photo_alt" in json.dumps(too_long.json())
    assert Room.objects.get(pk=room.pk).photo_alt == ALT


def test_the_public_api_and_the_json_file_give_the_description(client, world):
    described = _with_photo(make_room(world.place, name="Grote zaal"), ALT)
    generic = _with_photo(make_room(world.place, name="Kleine zaal"))
    bare = make_room(world.place, name="Zaal zonder foto")
    response = client.get("/kaart/open-data/ruimtes.json")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    by_id = {room["id"]: room for room in json.loads(body)["rooms"]}
    for room in (client.get(f"/api/v1/ruimtes/{described.pk}/").json(), by_id[described.pk]):
        assert room["photo_alt"] == ALT and room["photos"][0]["alt"] == ALT
    for room in (client.get(f"/api/v1/ruimtes/{generic.pk}/").json(), by_id[generic.pk]):
        assert room["photo_alt"] == "Foto van Kleine zaal" == room["photos"][0]["alt"]
    for room in (client.get(f"/api/v1/ruimtes/{bare.pk}/").json(), by_id[bare.pk]):
        assert room["photo_alt"] is None and room["photo_url"] is None and room["photos"] == []


def test_the_csv_file_has_the_photo_s_address_and_description(client, world, settings):
    settings.ONTMOET_BASE_URL = "https://ontmoet.example"
    described = _with_photo(make_room(world.place, name="Grote zaal"), ALT)
    _with_photo(make_room(world.place, name="Kleine zaal"))
    make_room(world.place, name="Zaal zonder foto")
    response = client.get("/kaart/open-data/ruimtes.csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert list(rows[0])[-5:] == ["foto_url", "foto_beschrijving", "url", "licentie", "gegenereerd"]
    by_name = {row["ruimte"]: (row["foto_url"], row["foto_beschrijving"]) for row in rows}
    api = client.get(f"/api/v1/ruimtes/{described.pk}/").json()
    assert by_name["Grote zaal"] == (api["photo_url"], ALT)
    assert by_name["Grote zaal"][0] == f"https://ontmoet.example/kaart/plek/RAA-001/ruimtes/{described.pk}/foto/"
    assert by_name["Kleine zaal"][1] == "Foto van Kleine zaal" and by_name["Kleine zaal"][0].startswith("https://")
    assert by_name["Zaal zonder foto"] == ("", "")
