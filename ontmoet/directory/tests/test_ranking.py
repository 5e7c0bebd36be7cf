"""Relevance order read rank by rank from the full-text index (ADR 0012), and the alphabetical
positions that make it possible. Every page is compared with the order worked out in Python."""

import random

import pytest
from django.core.paginator import Paginator
from django.urls import reverse

from ontmoet.directory import result_pages, selectors, services, text
from ontmoet.directory.models import SearchEntry
from ontmoet.directory.points import Point
from ontmoet.places.services import save_place
from ontmoet.places.tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db

NAME_WORDS = ["Dorpshuis", "Buurthuis", "Kulturhus", "De Linde", "Het Anker", "Élan", "'t Trefpunt", "Biljart",
              "Zaal", "Raalte", "de brink", "Mariënheem"]
DESCRIPTIONS = ["Biljarten en koersbal", "Een dorpshuis met zaal", "Buurthuis voor iedereen", "Raalte en omstreken",
                ""]


def assert_positions_follow_names():
    """The invariant: positions rise exactly as (sort name, place id) does."""
    rows = list(SearchEntry.objects.values_list("position", "sort_name", "place_id"))
    by_position = [(name, place_id) for _position, name, place_id in sorted(rows)]
    assert by_position == sorted(by_position)
    assert all(name == text.sort_name(entry) for name, entry in
               SearchEntry.objects.values_list("sort_name", "name"))


@pytest.fixture
def many(world):
    rng = random.Random(7)
    places = []
    for number in range(45):
        name = " ".join(rng.sample(NAME_WORDS, rng.randint(1, 3)))
        places.append(PlaceFactory(code=f"RNK-{number:03d}", name=name, municipality=world.raalte,
                                   description=rng.choice(DESCRIPTIONS), kind=rng.choice(["dorpshuis", "mfa"]),
                                   latitude=f"{52.3 + rng.random() / 5:.6f}",
                                   longitude=f"{6.2 + rng.random() / 5:.6f}"))
    # Three words matching with one, two or three of them in the name.
    for code, name, description in [("RNK-W1", "Biljart Het Anker", "Zaal De Linde"),
                                    ("RNK-W2", "De Linde", "Het anker, biljarten"),
                                    ("RNK-W3", "Linde Anker Biljart", ""), ("RNK-W4", "Zaal", "linde anker biljart")]:
        places.append(PlaceFactory(code=code, name=name, description=description, municipality=world.raalte))
    return places


def expected_order(filters, origin=None):
    """Every match of the words, by rank (words starting a word of the name), then (near a place) distance,
    then sort name, place id."""
    terms = text.stems(text.query_words(filters["q"]))
    found = list(selectors.search_places({**filters, "sort": "naam"}, origin).entries)
    ids = [entry.place_id for entry in found]
    distances = {entry.place_id: getattr(entry, "distance2", 0) for entry in found}
    rows = SearchEntry.objects.in_bulk(ids)

    def key(pk):
        row = rows[pk]
        return (-sum(f" {term}" in row.name_terms for term in terms), distances[pk],
                text.sort_name(row.name), pk)

    return sorted(ids, key=key)


@pytest.mark.parametrize("filters", [
    {"q": "dorpshuis"}, {"q": "biljart"}, {"q": "dorpshuis raalte"}, {"q": "linde anker biljart"},
    {"q": "dorpshuis", "kind": "mfa"}, {"q": "zaal", "municipality": "GM0177"}, {"q": "elan"},
])
@pytest.mark.parametrize("page_size", [1, 4, 20])
def test_every_page_is_in_relevance_order(many, filters, page_size):
    expected = expected_order(filters)
    assert expected, "the fixture should match something"
    result = selectors.search_places(filters, count=True)
    assert isinstance(result.entries, result_pages.RankedEntries)
    assert result.count == len(expected) == result.entries.count()
    paginator = Paginator(result.entries, page_size)
    paginator.count = result.count
    seen = [entry.place_id for number in paginator.page_range for entry in paginator.page(number).object_list]
    assert seen == expected


def test_ranked_pages_near_me_keep_distances(many):
    origin = Point(52.4, 6.3, "Raalte")
    filters = {"q": "dorpshuis", "radius": 15.0}
    expected = expected_order(filters, origin)
    page = selectors.search_places(filters, origin).entries[0:5]
    assert [entry.place_id for entry in page] == expected[:5]
    assert all(entry.distance2 <= 15.0 ** 2 for entry in page)


def test_more_words_than_ranked_still_sort_by_relevance(many):
    PlaceFactory(code="RNK-LONG", name="Dorpshuis Biljart Raalte Linde Zaal", municipality=many[0].municipality,
                 description="dorpshuis biljart raalte linde zaal")
    result = selectors.search_places({"q": "dorpshuis biljart raalte linde zaal"})
    assert not isinstance(result.entries, result_pages.RankedEntries)
    assert selectors.load_places(result.entries)[0].code == "RNK-LONG"


def test_positions_follow_names_through_changes(many, monkeypatch):
    assert_positions_follow_names()
    place = many[0]
    before = SearchEntry.objects.get(pk=place.pk).position
    place.description = "Nieuwe beschrijving"
    save_place(place, {}, None)
    assert SearchEntry.objects.get(pk=place.pk).position == before  # same name, same position
    place.name = "Aaa eerste plek"
    save_place(place, {}, None)
    first = SearchEntry.objects.order_by("position").first()
    assert first.place_id == place.pk
    assert_positions_follow_names()


def test_a_full_gap_numbers_every_entry_again(many, monkeypatch):
    renumbered = []
    original = services.renumber_positions
    monkeypatch.setattr(services, "renumber_positions", lambda: (renumbered.append(1), original()))
    # Leave little room before the first entry, then put new places there until the room runs out.
    first = SearchEntry.objects.order_by("position").first()
    SearchEntry.objects.filter(pk=first.pk).update(position=3)
    for number in range(4):
        PlaceFactory(code=f"RNK-GAP-{number}", name="000", municipality=many[0].municipality)
    assert renumbered
    assert_positions_follow_names()
    positions = sorted(SearchEntry.objects.values_list("position", flat=True))
    assert min(b - a for a, b in zip(positions, positions[1:], strict=False)) > 1


def test_a_large_batch_and_a_rebuild_keep_the_order(many):
    batch = [PlaceFactory.build(code=f"RNK-B{number:03d}", name=f"Batch {number % 7} {NAME_WORDS[number % 12]}",
                                municipality=many[0].municipality) for number in range(services.MANY + 5)]
    from ontmoet.places.models import Place

    Place.objects.bulk_create(batch)  # no signals: index them as an import would, in one go
    services.index_places(Place.objects.filter(code__startswith="RNK-B").values_list("pk", flat=True))
    assert_positions_follow_names()
    count = SearchEntry.objects.count()
    assert services.rebuild_index(batch_size=50) == count
    assert_positions_follow_names()
    positions = sorted(SearchEntry.objects.values_list("position", flat=True))
    assert positions == [number * services.SPACING for number in range(1, count + 1)]


def test_unfiltered_and_filtered_counts_agree(many):
    for words in ["dorpshuis", "biljart raalte", "elan"]:
        terms = text.stems(text.query_words(words))
        everything = SearchEntry.objects.all()
        fast = result_pages.count_matches(everything, terms, filtered=False)
        slow = result_pages.count_matches(everything, terms, filtered=True)
        assert fast == slow
        for rank in range(len(terms) + 1):
            assert (result_pages.count_matches(everything, terms, rank, filtered=False)
                    == result_pages.count_matches(everything, terms, rank, filtered=True))


def test_the_page_counts_up_to_the_limit(many, client, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_LIMIT", 5)
    everything = len(expected_order({"q": "dorpshuis"}))
    assert everything > 6
    result = selectors.search_places({"q": "dorpshuis"}, count=True)
    assert (result.count, result.more) == (5, True)
    page = client.get(reverse("directory:search"), {"q": "dorpshuis"}).content.decode()
    assert "Meer dan 5 plekken gevonden" in page
    assert client.get(reverse("directory:search"), {"q": "dorpshuis", "pagina": 2}).context["page"].number == 1
    few = selectors.search_places({"q": "dorpshuis", "kind": "mfa"}, count=True)
    assert few.more is (len(expected_order({"q": "dorpshuis", "kind": "mfa"})) > 5)


def test_near_me_counts_from_the_map_area(many):
    origin = Point(52.4, 6.3, "Raalte")
    for radius in (3.0, 15.0):
        filters = {"q": "dorpshuis", "radius": radius}
        result = selectors.search_places(filters, origin, count=True)
        assert result.count == len(expected_order(filters, origin))
        nearest = selectors.search_places({**filters, "sort": "afstand"}, origin).entries
        distances = [entry.distance2 for entry in nearest]
        assert distances == sorted(distances) and len(distances) == result.count


def nearest_order(filters, origin):
    """Every match within the radius by distance, then sort name: worked out without the map area's query."""
    everywhere = {key: value for key, value in filters.items() if key != "radius"}
    rows = selectors.search_places({**everywhere, "sort": "afstand"}, origin).entries
    return [entry.place_id for entry in rows if entry.distance2 <= filters["radius"] ** 2]


@pytest.mark.parametrize("sort", ["relevantie", "afstand", "naam"])
@pytest.mark.parametrize("page_size", [1, 4, 20])
def test_near_me_pages_come_with_their_count(many, sort, page_size):
    """Near-me pages are read with the total in one query (AreaPages), in the same order as elsewhere."""
    origin = Point(52.4, 6.3, "Raalte")
    filters = {"q": "dorpshuis", "radius": 15.0, "sort": sort}
    if sort == "relevantie":
        expected = expected_order(filters, origin)
    elif sort == "afstand":
        expected = nearest_order(filters, origin)
    else:
        everywhere = selectors.search_places({"q": "dorpshuis", "sort": "naam"}, origin).entries
        expected = [entry.place_id for entry in everywhere if entry.distance2 <= 15.0 ** 2]
        assert expected == sorted(expected, key=lambda pk: text.sort_name(SearchEntry.objects.get(pk=pk).name))
    assert len(expected) > page_size
    seen = []
    for first in range(0, len(expected), page_size):
        result = selectors.search_places(filters, origin, count=True, first=first)
        assert isinstance(result.entries, result_pages.AreaPages)
        assert result.count == len(expected)
        seen += [entry.place_id for entry in result.entries[first:first + page_size]]
    assert seen == expected


def test_near_me_page_beyond_the_last_and_typos(many, client):
    origin = Point(52.4, 6.3, "Raalte")
    filters = {"q": "dorpshuis", "radius": 15.0}
    expected = expected_order(filters, origin)
    result = selectors.search_places(filters, origin, count=True, first=10_000)
    assert result.count == len(expected) and result.entries[10_000:10_020] == []
    typo = selectors.search_places({**filters, "q": "dorpshuiz"}, origin, count=True)
    assert typo.corrected == ["dorpshuis"] and typo.count == len(expected)
    assert [entry.place_id for entry in typo.entries[0:20]] == expected[:20]
    nothing = selectors.search_places({**filters, "q": "qqqqqq"}, origin, count=True, first=40)
    assert (nothing.count, nothing.corrected) == (0, None)


def test_near_me_search_page_reads_count_and_page_together(many, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    query = {"q": "dorpshuis", "near": "52.4,6.3", "radius": "15", "wheelchair": ""}
    expected = expected_order({"q": "dorpshuis", "radius": 15.0}, Point(52.4, 6.3, ""))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("directory:search"), {**query, "pagina": "2"})
    page = response.context["page"]
    assert page.number == 2 and page.paginator.count == len(expected)
    assert [row.pk for row in selectors.result_rows(page.object_list)] == expected[20:40]
    reads = [q["sql"] for q in queries.captured_queries if 'FROM "directory_searchentry"' in q["sql"]]
    assert len(reads) == 1 and "OVER ()" in reads[0]
    last = client.get(reverse("directory:search"), {**query, "pagina": "999"}).context["page"]
    assert last.number == page.paginator.num_pages and list(last.object_list)
