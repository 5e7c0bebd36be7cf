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
