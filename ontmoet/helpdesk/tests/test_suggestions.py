"""Suggestions understand Dutch: word forms, compounds, stop words, and the category chosen."""

import pytest

from ontmoet.helpdesk import matching, selectors, services
from ontmoet.helpdesk.demo import ARTICLES
from ontmoet.helpdesk.models import Article, ArticleStatus, Category, Visibility

from .suggestion_cases import CASES, GUTTER

pytestmark = pytest.mark.django_db

TOP = 3
REQUIRED_SHARE = 0.9


def _publish(title, summary, body, slug, tags, user, visibility=Visibility.PUBLIC):
    article = Article(title=title, summary=summary, body=body, category=Category.objects.get(slug=slug),
                      visibility=visibility)
    services.save_article(article, tags, user)
    services.set_article_status(article, ArticleStatus.PUBLISHED, user)
    return article


@pytest.fixture
def corpus(world):
    """The demo's knowledge base, as `helpdesk.demo.load_demo` publishes it."""
    staff = world.users["province_staff"]
    for slug, title, summary, body, tags in ARTICLES:
        _publish(title, summary, body, slug, tags, staff)
    _publish(GUTTER, "Dakgoot schoongemaakt en een bladvanger geplaatst.",
             "### De vraag\n\nBij regen loopt de dakgoot aan de achterkant over.\n\n### De oplossing\n\n"
             "Dakgoot schoongemaakt en een bladvanger geplaatst.", "daklekkage", "dakgoot, onderhoud", staff)
    return world


def test_everyday_phrasings_find_their_article(corpus):
    member = selectors.viewer_for(corpus.users["board_member"])
    categories = {c.slug: c for c in Category.objects.all()}
    misses, first = [], 0
    for text, slug, expected in CASES:
        found = [a.title for a in selectors.suggest_articles(member, text, limit=TOP,
                                                             category=categories.get(slug))]
        first += found[:1] == [expected]
        if expected not in found:
            misses.append(f"{text!r} -> {found} (expected {expected!r})")
    print(f"\n{len(CASES) - len(misses)} of {len(CASES)} phrasings find their article in the top {TOP} "
          f"({first} first); misses:", *misses, sep="\n  ")
    assert len(CASES) >= 30
    assert (len(CASES) - len(misses)) / len(CASES) >= REQUIRED_SHARE, misses


def test_the_roof_article_from_the_issue(corpus):
    for text in ("Het dak lekt", "lekkend dak", "dak", "daklekkage"):
        assert selectors.suggest_articles(None, text)[0].title == "Lekkage in het dak: wat doet u eerst?", text


def test_compounds_split_against_the_articles_vocabulary():
    vocabulary = frozenset({"dak", "lekkag", "vrijwill", "tekort", "exploitatie"})
    assert matching.split_compound("daklekkage", vocabulary) == ["dak", "lekkag"]
    assert matching.split_compound("exploitatietekort", vocabulary) == ["exploitatie", "tekort"]
    assert matching.split_compound("fietsenstalling", vocabulary) is None
    assert matching.split_compound("stookkosten", vocabulary | {"kost"}) is None
    assert matching.partly_known("stookkosten", vocabulary | {"kost"}) == ["stok", "kost"]
    assert matching.partly_known("dakpannen", vocabulary) == ["dak", "pan"]
    assert matching.query_stems("Het dak lekt en de daken lekken", vocabulary) == ["dak", "lek"]


def test_stop_words_alone_find_nothing(corpus):
    assert selectors.suggest_articles(None, "hoe kan ik dat doen met de en het") == []


def test_chosen_category_counts_in_the_ranking(world):
    staff = world.users["province_staff"]
    _publish("Kosten van het gebouw beperken", "Onderhoud plannen.", "Een meerjarenplan helpt.", "gebouw",
             "kosten", staff)
    _publish("Kosten van de verzekering", "Vergelijk polissen.", "Vraag drie offertes.", "juridisch", "kosten",
             staff)
    building = Category.objects.get(slug="gebouw")
    legal = Category.objects.get(slug="juridisch")
    assert selectors.suggest_articles(None, "kosten", category=building)[0].title == "Kosten van het gebouw beperken"
    assert selectors.suggest_articles(None, "kosten", category=legal)[0].title == "Kosten van de verzekering"
    # With no word in common the chosen category still offers its articles, after those that share a word.
    titles = [a.title for a in selectors.suggest_articles(None, "offerte", category=building)]
    assert titles == ["Kosten van de verzekering", "Kosten van het gebouw beperken"]


def test_saving_an_article_keeps_its_index(world):
    staff = world.users["province_staff"]
    article = _publish("Muizen in de kelder", "Bestrijder bellen.", "Dicht de gaten.", "ongedierte", "muizen",
                       staff)
    assert "muis" in Article.objects.get(pk=article.pk).search_terms["t"]
    article.title = "Ratten in de kelder"
    services.save_article(article, "ratten", staff)
    terms = Article.objects.get(pk=article.pk).search_terms
    assert "rat" in terms["t"] and "muis" not in terms["t"]
    assert [a.pk for a in selectors.suggest_articles(None, "rat")] == [article.pk]


def test_an_article_saved_outside_the_services_is_still_found(world):
    category = Category.objects.get(slug="ongedierte")
    Article.objects.create(title="Wespen bij de ingang", summary="", body="Bel een bestrijder.", category=category,
                           status=ArticleStatus.PUBLISHED, visibility=Visibility.PUBLIC)
    assert [a.title for a in selectors.suggest_articles(None, "wespennest")] == ["Wespen bij de ingang"]


# --- the board's open questions on the same subject ------------------------------------------------------
SUGGEST = "/meldpunt/kennisbank/suggesties/"


def test_board_sees_its_open_question_on_the_same_subject(world, client_for):
    from .factories import make_question, resolve

    open_question = make_question(world, title="Lekkage boven de grote zaal")
    make_question(world, title="Muizen in de kast", slug="ongedierte",
                  description="Er zitten muizen in de voorraadkast van de keuken.")
    done = make_question(world, title="Dak lekt bij de schoorsteen")
    resolve(done, world.users["expert"])
    roof = Category.objects.get(slug="daklekkage")
    client = client_for(world.users["board_member"])
    page = client.get(SUGGEST, {"title": "Het dak lekt weer", "category": roof.pk}).content.decode()
    assert "U heeft al een open vraag over daklekkage: wilt u daar iets aan toevoegen?" in page
    assert f'href="/meldpunt/vragen/{open_question.pk}/#bericht-toevoegen"' in page
    assert f"/meldpunt/vragen/{done.pk}/" not in page  # resolved: nothing to add to
    assert "Muizen in de kast" not in page
    # By words alone, without a category chosen yet.
    page = client.get(SUGGEST, {"description": "lekkage in de zaal"}).content.decode()
    assert "Lekkage boven de grote zaal" in page
    # Nothing alike: no notice.
    assert "open vraag" not in client.get(SUGGEST, {"description": "vrijwilligers werven"}).content.decode()
    # Another place's board, a municipal officer and anonymous visitors are not told about it.
    for user in (world.users["other_board_member"], world.users["municipal_officer"], None):
        page = client_for(user).get(SUGGEST, {"title": "Het dak lekt weer", "category": roof.pk}).content.decode()
        assert "open vraag" not in page


def test_the_notice_is_on_the_form_without_javascript(world, client_for):
    from .factories import make_question

    make_question(world, title="Lekkage boven de grote zaal")
    response = client_for(world.users["board_member"]).post("/meldpunt/vragen/nieuw/", {
        "title": "Dak lekt", "category": Category.objects.get(slug="daklekkage").pk, "description": "kort"})
    assert response.status_code == 400
    assert "U heeft al een open vraag over daklekkage" in response.content.decode()


def test_the_knowledge_base_search_understands_dutch_too(corpus, client):
    page = client.get("/meldpunt/kennisbank/", {"q": "het dak lekt"}).content.decode()
    assert "Lekkage in het dak: wat doet u eerst?" in page and "Nieuwe vrijwilligers vinden" not in page
    assert page.index("Lekkage in het dak: wat doet u eerst?") < page.index(GUTTER)  # best match first
    page = client.get("/meldpunt/kennisbank/", {"q": "drankvergunning"}).content.decode()
    assert "Alcohol schenken: vergunning en barvrijwilligers" in page
    assert "Geen artikelen" in client.get("/meldpunt/kennisbank/", {"q": "xyzzy"}).content.decode()
