"""'Maak hier een kennisbankartikel van': the draft holds the question, the advice and the solution, and the
expert is warned when a published article on the same subject exists."""

import pytest

from ontmoet.helpdesk import services
from ontmoet.helpdesk.models import Article, ArticleStatus, Status
from ontmoet.helpdesk.workflows import HANDLER, PLACE

from .factories import ArticleFactory, category, make_question

pytestmark = pytest.mark.django_db

WARNING = "Er staat al een gepubliceerd artikel over dit onderwerp"


def _resolved_with_advice(world, **extra):
    expert = world.users["expert"]
    question = make_question(world, **extra)
    services.transition(question, Status.IN_PROGRESS, expert, HANDLER)
    services.post_message(question, expert, "Zet emmers neer en bel de opstalverzekeraar.", HANDLER)
    services.post_message(question, expert, "Deze plek belt vaak, kort houden.", HANDLER, internal=True)
    services.post_message(question, world.users["board_member"], "Bel ons op 0612345678.", PLACE)
    services.post_message(question, expert, "Laat daarna twee offertes maken door een dakdekker.", HANDLER)
    return services.transition(question, Status.RESOLVED, expert, HANDLER, summary="Dakdekker via de verzekering.",
                               tags="dak, lekkage")


def test_the_draft_holds_question_advice_and_solution_without_internal_notes(world):
    question = _resolved_with_advice(world)
    article = services.question_to_article(question, world.users["expert"])
    body = article.body
    assert body.index("### De vraag") < body.index("### Het advies") < body.index("### De oplossing")
    assert "Zet emmers neer en bel de opstalverzekeraar." in body
    assert body.index("Zet emmers neer") < body.index("twee offertes")  # in the order they were written
    assert "kort houden" not in body  # internal note
    assert "0612345678" not in body  # the place's own messages are not advice
    assert article.summary == "Dakdekker via de verzekering." and article.status == ArticleStatus.DRAFT
    assert "lekkag" in article.search_terms["t"]  # indexed for suggestions once published


def test_the_expert_is_warned_about_a_published_article_on_the_same_subject(world, client_for):
    client = client_for(world.users["expert"])
    question = _resolved_with_advice(world, title="Lekkage in het dak van de grote zaal")
    page = client.get(question.get_absolute_url()).content.decode()
    assert WARNING not in page  # nothing published on it yet
    existing = ArticleFactory(title="Lekkage in het dak: wat doet u eerst?", summary="Eerst de schade beperken.")
    ArticleFactory(title="Nieuwe vrijwilligers vinden", summary="Vraag persoonlijk.",
                   category=category("vrijwilligers"))
    page = client.get(question.get_absolute_url()).content.decode()
    assert WARNING in page and existing.get_absolute_url() in page and "Nieuwe vrijwilligers" not in page
    # The draft's edit page says it again, and never points at the draft itself.
    response = client.post(f"/meldpunt/vragen/{question.pk}/artikel/")
    draft = Article.objects.get(status=ArticleStatus.DRAFT)
    page = client.get(response["Location"]).content.decode()
    assert WARNING in page and existing.get_absolute_url() in page
    assert f'href="{draft.get_absolute_url()}"' not in page.split(WARNING)[1].split("</ul>")[0]


def test_no_warning_for_a_subject_the_knowledge_base_lacks(world, client_for):
    ArticleFactory(title="Lekkage in het dak: wat doet u eerst?", summary="Eerst de schade beperken.")
    expert = world.users["expert"]
    question = make_question(world, slug="programmering", title="Een kerstmarkt organiseren",
                             description="Wie heeft ervaring met een kerstmarkt in het dorpshuis?")
    services.transition(question, Status.RESOLVED, expert, HANDLER, summary="Vergunning en kraampjes geregeld.",
                        tags="kerstmarkt")
    page = client_for(expert).get(question.get_absolute_url()).content.decode()
    assert "Maak hier een kennisbankartikel van" in page and WARNING not in page
