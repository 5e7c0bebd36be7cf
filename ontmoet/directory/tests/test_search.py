"""Search behaviour: Dutch word forms, accents, typos, filters, near-me, and only public places."""

import pytest

from ontmoet.directory import selectors, services, text
from ontmoet.directory.geocoding import geocode
from ontmoet.directory.models import SearchEntry
from ontmoet.places.models import Activity, Facility
from ontmoet.places.services import save_place
from ontmoet.places.tests.factories import MunicipalityFactory, PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(world):
    biljart, _ = Activity.objects.get_or_create(code="biljarten", defaults={"name": "Biljarten"})
    koersbal, _ = Activity.objects.get_or_create(code="koersbal", defaults={"name": "Koersbal"})
    sport, _ = Facility.objects.get_or_create(code="sport", defaults={"name": "Sport"})
    linde = world.place  # Dorpshuis De Linde, Heeten, gemeente Raalte
    linde.postcode, linde.opening_hours, linde.wheelchair_accessible = "8111 AB", {"di": ["19:00-23:00"]}, True
    save_place(linde, {"activities": [biljart, koersbal], "facilities": [sport]}, None)
    mar = PlaceFactory(code="RAA-002", name="Dorpshuis Mariënheem", municipality=world.raalte, city="Mariënheem",
                       postcode="8106 AA", latitude="52.410000", longitude="6.380000")
    hidden = PlaceFactory(code="RAA-003", name="Dorpshuis Geheim", municipality=world.raalte, is_public=False)
    closed = PlaceFactory(code="RAA-004", name="Dorpshuis Dicht", municipality=world.raalte, status="gesloten")
    return {"linde": linde, "mar": mar, "hidden": hidden, "closed": closed}


def names(result):
    return {place.name for place in selectors.load_places(result.entries)}


def test_text_normalisation_is_dutch_aware():
    assert text.stems(text.query_words("Dorpshuizen")) == text.stems(["dorpshuis"])
    assert text.query_words("dorpshuis met biljart in Raalte") == ["dorpshuis", "biljart", "raalte"]
    assert text.fold("KOËRSBAL") == "koersbal"


def test_plural_and_activity_and_municipality_in_one_query(register):
    result = selectors.search_places({"q": "dorpshuis met biljart in Raalte"})
    assert names(result) == {"Dorpshuis De Linde"}
    assert names(selectors.search_places({"q": "dorpshuizen"})) == {"Dorpshuis De Linde", "Dorpshuis Mariënheem"}


def test_case_and_accents_do_not_matter(register):
    assert names(selectors.search_places({"q": "KOËRSBAL"})) == {"Dorpshuis De Linde"}
    assert names(selectors.search_places({"q": "marienheem"})) == {"Dorpshuis Mariënheem"}


def test_a_small_typo_still_finds_the_place(register):
    result = selectors.search_places({"q": "Marienhem"})
    assert names(result) == {"Dorpshuis Mariënheem"}
    assert result.corrected == ["marienheem"]


def test_non_public_and_closed_places_never_appear(register):
    everything = names(selectors.search_places({}))
    assert "Dorpshuis Geheim" not in everything and "Dorpshuis Dicht" not in everything
    assert names(selectors.search_places({"q": "geheim"})) == set()
    assert not SearchEntry.objects.filter(place=register["hidden"]).exists()


def test_index_follows_the_register(register):
    linde = register["linde"]
    linde.is_public = False
    save_place(linde, {}, None)
    assert names(selectors.search_places({"q": "biljart"})) == set()
    linde.is_public = True
    linde.name = "Dorpshuis De Eik"
    save_place(linde, {}, None)
    assert names(selectors.search_places({"q": "eik"})) == {"Dorpshuis De Eik"}
    assert services.rebuild_index() == SearchEntry.objects.count()


def test_filters(register, world):
    assert names(selectors.search_places({"activity": "koersbal"})) == {"Dorpshuis De Linde"}
    assert names(selectors.search_places({"facility": "sport"})) == {"Dorpshuis De Linde"}
    assert names(selectors.search_places({"day": "di"})) == {"Dorpshuis De Linde"}
    assert names(selectors.search_places({"wheelchair": True})) == {"Dorpshuis De Linde"}
    assert "Wijkcentrum Zwolle-Zuid" in names(selectors.search_places({"municipality": "GM0193"}))
    assert names(selectors.search_places({"municipality": "GM0193"})) == {"Wijkcentrum Zwolle-Zuid"}


def test_near_me_with_postcode_radius_and_distance(register):
    origin = geocode("8106")  # the postcode area of Mariënheem, from the register
    assert origin is not None
    result = selectors.search_places({"radius": 2.0}, origin)
    assert names(result) == {"Dorpshuis Mariënheem"}
    wide = selectors.load_places(selectors.search_places({"radius": 50.0}, origin).entries)
    assert wide[0].name == "Dorpshuis Mariënheem"
    distances = [place.distance_km for place in wide]
    assert distances == sorted(distances) and distances[0] < 0.5


def test_offline_geocoder(register):
    assert geocode("Heeten").label == "Heeten"
    raalte = geocode("raalte")
    assert raalte is not None and abs(raalte.latitude - 52.39) < 0.1
    point = geocode("52.4, 6.3")
    assert (point.latitude, point.longitude) == (52.4, 6.3)
    assert geocode("Atlantis") is None
    assert geocode("91.0, 200.0") is None


def test_pdok_failure_falls_back_to_offline(register, settings):
    settings.DIRECTORY_GEOCODER_URL = "http://127.0.0.1:9/free"  # nothing listens on the discard port
    settings.DIRECTORY_GEOCODER_TIMEOUT = 0.5
    assert geocode("Heeten").label == "Heeten"


def test_other_municipality_objects_do_not_match(world):
    MunicipalityFactory(code="GM0999", name="Nergenshuizen")
    assert names(selectors.search_places({"q": "nergenshuizen"})) == set()


@pytest.fixture
def far_and_near(register, world):
    """Around Mariënheem (postcode 8106): De Linde in Heeten about 10 km away, two places about 25 km away
    in Zwolle, one of them alphabetically first."""
    far = PlaceFactory(code="ZWO-101", name="Aa Dorpshuis Zwolle", municipality=world.raalte, city="Zwolle",
                       latitude="52.510000", longitude="6.090000")
    near = PlaceFactory(code="RAA-101", name="Zz Dorpshuis Mariënheem-Zuid", municipality=world.raalte,
                        city="Mariënheem", latitude="52.405000", longitude="6.380000")
    return {**register, "far": far, "near": near}


def test_a_place_without_radius_searches_15_km_nearest_first(far_and_near, client):
    response = client.get("/kaart/", {"near": "8106"})
    shown = [card.name for card in selectors.result_rows(response.context["page"].object_list)]
    assert shown == ["Dorpshuis Mariënheem", "Zz Dorpshuis Mariënheem-Zuid", "Dorpshuis De Linde"]
    page = response.content.decode()
    assert "3 plekken binnen 15 km van 8106" in page
    assert 'href="/kaart/?near=8106&amp;radius=25">Toon ook verder weg</a>' in page
    wider = client.get("/kaart/", {"near": "8106", "radius": "25"})
    assert "Aa Dorpshuis Zwolle" in [card.name for card in selectors.result_rows(wider.context["page"].object_list)]
    assert f"{wider.context['page'].paginator.count} plekken binnen 25 km van 8106" in wider.content.decode()
    widest = client.get("/kaart/", {"near": "8106", "radius": "200"}).content.decode()
    assert "binnen 200 km van 8106" in widest and "Toon ook verder weg" not in widest


def test_a_chosen_order_wins_over_distance(far_and_near, client):
    response = client.get("/kaart/", {"near": "8106", "sort": "naam", "radius": "50"})
    shown = [card.name for card in selectors.result_rows(response.context["page"].object_list)]
    assert shown[0] == "Aa Dorpshuis Zwolle"


@pytest.mark.parametrize("radius", ["", "50"])
def test_words_near_a_place_rank_by_relevance_then_distance(far_and_near, client, radius):
    """'dorpshuis' starts a word of every name (one rank): nearest first, not alphabetically."""
    response = client.get("/kaart/", {"q": "dorpshuis", "near": "8106", "radius": radius})
    shown = [card.name for card in selectors.result_rows(response.context["page"].object_list)]
    expected = ["Dorpshuis Mariënheem", "Zz Dorpshuis Mariënheem-Zuid", "Dorpshuis De Linde"]
    assert shown == (expected + ["Aa Dorpshuis Zwolle"] if radius else expected)
    # A word in the name counts first: the place with "zwolle" in its name beats nearer ones.
    mixed = client.get("/kaart/", {"q": "dorpshuis zwolle", "near": "8106", "radius": "50"})
    assert selectors.result_rows(mixed.context["page"].object_list)[0].name == "Aa Dorpshuis Zwolle"


def test_api_near_a_place_without_radius_ranks_by_relevance_then_distance(far_and_near):
    result = selectors.search_places({"q": "dorpshuis"}, geocode("8106"))
    assert [place.name for place in selectors.load_places(result.entries)] == [
        "Dorpshuis Mariënheem", "Zz Dorpshuis Mariënheem-Zuid", "Dorpshuis De Linde", "Aa Dorpshuis Zwolle"]
