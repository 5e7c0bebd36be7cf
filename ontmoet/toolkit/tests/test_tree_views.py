"""The toolkit's decision trees as their users use them: a walk to advice, and editing a tree with its versions."""

import pytest
from django.urls import reverse

from ontmoet.toolkit.models import TreeVersion, TreeWalk

from .factories import InitiativeFactory, world_initiative

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"toolkit:{name}", args=args)


def test_board_member_walks_bewonersbeheer_to_a_recommendation_and_saves_it(world, client_for):
    board = world.users["board_member"]
    initiative = InitiativeFactory(owner=board, municipality=world.raalte, place=world.place, stage="bestaand")
    client = client_for(board)
    walk_url = url("tree_walk", initiative.pk, "bewonersbeheer")
    page = client.get(walk_url).content.decode()
    assert "Is de bewonersbeheergroep stabiel?" in page
    response = client.get(walk_url, {"pad": "", "antwoord": "1"})  # Nee
    assert response.status_code == 302 and response["Location"].endswith("?pad=1")
    page = client.get(walk_url, {"pad": "1"}).content.decode()
    assert "onenigheid" in page and "Vorige vraag" in page
    page = client.get(walk_url, {"pad": "1.0"}).content.decode()  # Ja: onenigheid
    assert "Buurtbemiddeling inzetten" in page and "Aanbeveling" in page
    assert client.post(walk_url, {"pad": "1.0"}).status_code == 302
    walk = TreeWalk.objects.get(initiative=initiative)
    assert walk.steps == [{"question": "Is de bewonersbeheergroep stabiel?", "answer": "Nee"},
                          {"question": "Is er sprake van onenigheid binnen de beheergroep?", "answer": "Ja"}]
    assert walk.examples == ["Buurtbemiddeling inzetten"] and walk.version == 0
    assert client.post(walk_url, {"pad": "1"}).status_code == 404  # not at an advice yet


def test_province_staff_edit_a_tree_with_validation_and_history(world, client_for):
    client = client_for(world.users["province_staff"])
    edit_url = url("tree_edit", "bewonersbeheer")
    text = client.get(edit_url).context["form"].initial["text"]
    broken = text.replace("next: onenigheid", "next: bestaat_niet")
    response = client.post(edit_url, {"text": broken, "note": "poging"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "bewonersbeheer.yaml, knooppunt stabiel, regel" in page and "bestaat_niet" in page
    assert "next: bestaat_niet" in page  # what was typed is kept
    response = client.post(edit_url, {"text": text.replace("next: onenigheid", "next: stabiel"), "note": "x"})
    assert response.status_code == 400 and "kringloop" in response.content.decode()
    assert client.post(edit_url, {"text": "title: [kapot", "note": ""}).status_code == 400
    assert not TreeVersion.objects.exists()
    changed = text.replace("Is de bewonersbeheergroep stabiel?", "Is de beheergroep stabiel?")
    assert client.post(edit_url, {"text": changed, "note": "korter"}).status_code == 302
    version = TreeVersion.objects.get()
    assert (version.number, version.created_by) == (1, world.users["province_staff"])
    initiative = world_initiative(world)
    page = client_for(world.users["initiator"]).get(url("tree_walk", initiative.pk, "bewonersbeheer"))
    assert "Is de beheergroep stabiel?" in page.content.decode()
    client = client_for(world.users["province_staff"])
    client.post(edit_url, {"standaard": "1"})
    assert TreeVersion.objects.count() == 2
    assert "Is de bewonersbeheergroep stabiel?" in TreeVersion.objects.get(number=2).text
    assert client_for(world.users["municipal_officer"]).post(edit_url, {"text": changed}).status_code == 403


def test_an_older_tree_version_can_be_loaded_and_saved_again(world, client_for):
    client = client_for(world.users["province_admin"])
    edit_url = url("tree_edit", "regelgeving")
    original = client.get(edit_url).context["form"].initial["text"]
    client.post(edit_url, {"text": original.replace("Gaat het om regels", "Betreft het regels"), "note": "v1"})
    page = client.get(edit_url, {"versie": "1"}).content.decode()
    assert "Betreft het regels" in page and "versie 1 in de editor laden" in page
    assert client.get(edit_url, {"versie": "9"}).status_code == 404
