"""The help desk's seam to the network digest: new knowledge articles a user may read."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ontmoet.accounts.tests.factories import UserFactory
from ontmoet.helpdesk import network, services
from ontmoet.helpdesk.models import ArticleStatus, Visibility
from ontmoet.network import providers

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_new_articles_respect_status_visibility_and_date(world):
    now = timezone.now()
    public = ArticleFactory(title="Openbaar nieuw", visibility=Visibility.PUBLIC, published_at=now - timedelta(days=1))
    members = ArticleFactory(title="Leden nieuw", visibility=Visibility.MEMBERS, published_at=now - timedelta(days=2))
    ArticleFactory(title="Oud", published_at=now - timedelta(days=40))
    ArticleFactory(title="Concept", status=ArticleStatus.DRAFT, published_at=None)
    ArticleFactory(title="Gearchiveerd", status=ArticleStatus.ARCHIVED, published_at=now - timedelta(days=1))
    since = now - timedelta(days=7)
    for name in ("board_member", "municipal_officer", "province_staff", "expert"):
        # editors (province staff, experts) see drafts and the archive in the knowledge base, not in the digest
        assert network.new_articles(world.users[name], since) == [public, members]
    outsider = UserFactory(email="zonder.rol@test.example")  # logged in without a role: members-only is for members
    assert [a.title for a in network.new_articles(outsider, since)] == ["Openbaar nieuw", "Leden nieuw"]
    assert network.new_articles(world.users["board_member"], now + timedelta(minutes=1)) == []


def test_republished_article_counts_from_its_new_publication(world):
    article = ArticleFactory(title="Herzien", published_at=timezone.now() - timedelta(days=60))
    since = timezone.now() - timedelta(days=7)
    assert network.new_articles(world.users["board_member"], since) == []
    editor = world.users["province_staff"]
    services.set_article_status(article, ArticleStatus.DRAFT, editor)
    services.set_article_status(article, ArticleStatus.PUBLISHED, editor)
    assert network.new_articles(world.users["board_member"], since) == [article]


def test_the_network_seam_finds_the_help_desk(world):
    assert providers.knowledge_available()
    article = ArticleFactory(title="Via de naad")
    assert providers.knowledge_articles(world.users["board_member"], timezone.now() - timedelta(days=1)) == [article]
