"""Reference data has an English name where the interface is English (name_en, filled in by migration for
the starting lists; province administrators keep it with the Dutch name)."""

import pytest
from django.utils import translation

from ontmoet.helpdesk.models import Category
from ontmoet.helpdesk.selectors import category_choices
from ontmoet.places.models import Activity, Facility, TargetGroup
from ontmoet.places.services import save_place

pytestmark = pytest.mark.django_db


def test_every_starting_list_entry_has_an_english_name():
    for model in (Activity, Facility, TargetGroup, Category):
        assert model.objects.exists() and not model.objects.filter(name_en="").exists(), model.__name__


def test_the_kaart_and_the_start_page_speak_english(world, client):
    billiards = Activity.objects.get(code="biljarten")
    save_place(world.place, {"activities": [billiards]}, None)
    client.get("/taal/en/")
    start = client.get("/").content.decode()
    assert 'href="/kaart/?activity=biljarten">Billiards</a>' in start
    kaart = client.get("/kaart/", {"q": "billiards"}).content.decode()  # the English name is searchable
    assert "Dorpshuis De Linde" in kaart and "Activities: Billiards" in kaart
    assert '<option value="biljarten">Billiards</option>' in kaart
    place = client.get(f"/kaart/plek/{world.place.code}/").content.decode()
    assert "<dd>Billiards</dd>" in place
    client.get("/taal/nl/")
    assert "Activiteiten: Biljarten" in client.get("/kaart/", {"q": "biljart"}).content.decode()


def test_an_entry_without_english_name_shows_the_dutch_one(world):
    item = Activity.objects.create(code="klaverjassen", name="Klaverjassen")
    with translation.override("en"):
        assert str(item) == "Klaverjassen"


def test_meldpunt_categories_in_english():
    with translation.override("en"):
        labels = dict(category_choices())
        leak = Category.objects.get(slug="daklekkage")
        assert labels[leak.pk] == "— Roof leaks" and str(leak) == "Building and maintenance – Roof leaks"
    with translation.override("nl"):
        assert dict(category_choices())[leak.pk] == "— Daklekkage"
