"""Whose meldpunt content is national (ADR 0040): terms per province, articles owned by a province."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import assign_role
from ontmoet.accounts.tests.factories import UserFactory
from ontmoet.helpdesk.models import Article, ArticleStatus, ServiceLevel
from ontmoet.helpdesk.servicelevels import add_days

from .factories import ArticleFactory, ExpertFactory, category, make_question

pytestmark = pytest.mark.django_db


def _user(role, target, email):
    user = UserFactory(email=email)
    assign_role(user, role, target)
    return user


# --- service levels per province -------------------------------------------------------------------
def test_due_dates_come_from_the_questions_province(world):
    ServiceLevel.objects.create(province=world.gelderland, category=category("daklekkage"), first_response_days=9,
                                resolution_days=30, day_kind="calendar")
    overijssel = make_question(world)  # no own terms in Overijssel: the category's default (1 and 5 working days)
    start = timezone.localdate(overijssel.created_at)
    assert (overijssel.first_response_due, overijssel.resolution_due) == (
        add_days(start, 1, "working"), add_days(start, 5, "working"))
    gelderland = make_question(world, place=world.gelderland_place, assigned=False)
    start = timezone.localdate(gelderland.created_at)
    assert (gelderland.first_response_due, gelderland.resolution_due) == (
        add_days(start, 9, "calendar"), add_days(start, 30, "calendar"))


def test_province_admin_sets_own_terms_only(world, client_for):
    daklekkage = category("daklekkage")
    url = f"/meldpunt/categorieen/{daklekkage.pk}/termijn/"
    gelderland_admin = _user(Role.PROVINCE_ADMIN, world.gelderland, "beheer@gelderland.example")
    response = client_for(gelderland_admin).post(url, {"first_response_days": 3, "resolution_days": 20,
                                                       "day_kind": "working"})
    assert response.status_code == 302
    level = ServiceLevel.objects.get()
    assert level.province == world.gelderland and level.resolution_days == 20
    daklekkage.refresh_from_db()
    assert daklekkage.resolution_days == 5  # the national default and Overijssel's terms are untouched
    question = make_question(world)
    assert question.resolution_due == add_days(timezone.localdate(question.created_at), 5, "working")
    # Back to the default.
    assert client_for(gelderland_admin).post(url, {"standaard": "1"}).status_code == 302
    assert not ServiceLevel.objects.exists()


def test_only_national_administrators_change_the_shared_tree(world, client_for):
    pk = category("daklekkage").pk
    gelderland_admin = _user(Role.PROVINCE_ADMIN, world.gelderland, "beheer@gelderland.example")
    for user in (gelderland_admin, world.users["province_admin"], world.users["province_staff"]):
        client = client_for(user)
        assert client.post(f"/meldpunt/categorieen/{pk}/", {"name": "Weg", "slug": "weg", "order": 1,
                                                           "first_response_days": 30, "resolution_days": 60,
                                                           "day_kind": "calendar"}).status_code == 403
        assert client.get("/meldpunt/categorieen/nieuw/").status_code == 403
    assert category("daklekkage").resolution_days == 5
    # Staff who are not administrators see the terms but cannot set them.
    assert client_for(world.users["province_staff"]).get(f"/meldpunt/categorieen/{pk}/termijn/").status_code == 403
    superuser = UserFactory(email="landelijk@test.example", is_superuser=True, is_staff=True)
    assert client_for(superuser).get(f"/meldpunt/categorieen/{pk}/").status_code == 200


# --- articles owned by a province ------------------------------------------------------------------
def test_articles_are_read_nationally_but_edited_by_their_own_province(world, client_for):
    article = ArticleFactory(province=world.overijssel)
    gelderland_expert = _user(Role.EXPERT, world.gelderland, "expert@gelderland.example")
    ExpertFactory(user=gelderland_expert, province=world.gelderland)
    gelderland_admin = _user(Role.PROVINCE_ADMIN, world.gelderland, "beheer@gelderland.example")
    for user in (world.users["other_province_staff"], gelderland_expert, gelderland_admin):
        client = client_for(user)
        page = client.get(article.get_absolute_url())
        assert page.status_code == 200 and f"/kennisbank/{article.pk}/bewerken/" not in page.content.decode()
        assert client.get(f"/meldpunt/kennisbank/{article.pk}/bewerken/").status_code == 403
        assert client.post(f"/meldpunt/kennisbank/{article.pk}/bewerken/", {
            "title": "Overgenomen", "body": "x", "category": article.category_id, "visibility": "public",
            "province": world.gelderland.pk}).status_code == 403
        assert client.post(f"/meldpunt/kennisbank/{article.pk}/status/",
                           {"to_status": "archived"}).status_code == 403
    article.refresh_from_db()
    assert article.title.startswith("Artikel") and article.status == ArticleStatus.PUBLISHED
    for name in ("province_staff", "expert"):
        assert client_for(world.users[name]).get(f"/meldpunt/kennisbank/{article.pk}/bewerken/").status_code == 200


def test_another_provinces_drafts_are_not_shown(world, client_for):
    draft = ArticleFactory(province=world.overijssel, status=ArticleStatus.DRAFT, published_at=None)
    assert client_for(world.users["other_province_staff"]).get(draft.get_absolute_url()).status_code == 404
    assert client_for(world.users["province_staff"]).get(draft.get_absolute_url()).status_code == 200


def test_new_article_belongs_to_a_province_of_the_editor(world, client_for):
    client = client_for(world.users["other_province_staff"])
    data = {"title": "Subsidie voor zonnepanelen", "body": "Vraag het aan bij de provincie.",
            "category": category("daklekkage").pk, "visibility": "public", "tags_text": ""}
    assert client.post("/meldpunt/kennisbank/nieuw/", {**data, "province": world.overijssel.pk}).status_code == 400
    assert client.post("/meldpunt/kennisbank/nieuw/", {**data, "province": world.gelderland.pk}).status_code == 302
    assert Article.objects.get().province == world.gelderland


def test_migration_gives_existing_articles_their_authors_province(world):
    migration = importlib.import_module("ontmoet.helpdesk.migrations.0003_province_service_levels_and_article_owner")
    by_gelderland = ArticleFactory(author=world.users["other_province_staff"])
    by_expert = ArticleFactory(author=world.users["expert"])
    anonymous = ArticleFactory(author=None)
    migration.assign_article_owners(apps, None)
    assert Article.objects.get(pk=by_gelderland.pk).province == world.gelderland
    assert Article.objects.get(pk=by_expert.pk).province == world.overijssel
    assert Article.objects.get(pk=anonymous.pk).province.code == "PV23"
