"""Questions and articles move only through their transition tables (core.workflow)."""

import pytest

from ontmoet.core.workflow import WorkflowError
from ontmoet.helpdesk import services
from ontmoet.helpdesk.models import ArticleStatus, ArticleStatusChange, Status, StatusChange
from ontmoet.helpdesk.workflows import HANDLER, TransitionError

from .factories import ArticleFactory, make_question

pytestmark = pytest.mark.django_db


def test_a_question_move_not_in_the_table_is_refused_and_writes_no_history(world):
    question = make_question(world)
    rows = StatusChange.objects.filter(question=question).count()
    with pytest.raises(WorkflowError, match="Van 'Nieuw' naar 'Gesloten' kan niet.") as refused:
        services.transition(question, Status.CLOSED, world.users["province_staff"], HANDLER)
    assert isinstance(refused.value, TransitionError)
    question.refresh_from_db()
    assert question.status == Status.NEW and StatusChange.objects.filter(question=question).count() == rows


def test_an_article_move_not_in_the_table_is_refused_and_writes_no_history(world):
    article = ArticleFactory(status=ArticleStatus.DRAFT)
    with pytest.raises(WorkflowError, match="kan niet"):
        services.set_article_status(article, ArticleStatus.ARCHIVED, world.users["province_staff"])
    assert not ArticleStatusChange.objects.filter(article=article).exists()
    services.set_article_status(article, ArticleStatus.PUBLISHED, world.users["province_staff"])
    assert list(article.status_changes.values_list("from_status", "to_status")) == [("draft", "published")]
