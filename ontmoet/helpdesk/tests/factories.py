"""Factories and small helpers for meldpunt tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from ontmoet.helpdesk import matching, services
from ontmoet.helpdesk.models import (
    Article,
    ArticleStatus,
    Category,
    Expert,
    ExpertKind,
    PeerProfile,
    Rating,
    RoutingRule,
    Status,
    Team,
    Visibility,
)
from ontmoet.helpdesk.workflows import HANDLER
from ontmoet.regions.models import Province

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%fake\n"


def category(slug="daklekkage"):
    return Category.objects.get(slug=slug)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    province = factory.LazyFunction(lambda: Province.objects.get(code="PV23"))
    name = factory.Sequence(lambda n: f"Team {n}")


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    province = factory.LazyFunction(lambda: Province.objects.get(code="PV23"))
    name = factory.Sequence(lambda n: f"Expert {n}")
    kind = ExpertKind.ADVISER
    email = factory.Sequence(lambda n: f"expert{n}@test.example")
    vetted_at = factory.LazyFunction(timezone.now)
    vetted_until = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=365))


class RoutingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoutingRule

    province = factory.LazyFunction(lambda: Province.objects.get(code="PV23"))
    order = factory.Sequence(lambda n: n)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Artikel {n} over daklekkage")
    summary = "Wat te doen bij een lekkend dak."
    body = "Bel eerst de verzekeraar."
    category = factory.LazyFunction(lambda: category("daklekkage"))
    status = ArticleStatus.PUBLISHED
    visibility = Visibility.PUBLIC
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def index(article, create, extracted, **kwargs):
        if create:  # as the services do after every save
            matching.index_article(article)


def world_expert(world) -> Expert:
    """The Expert profile of the world's expert user (vetted), created once."""
    user = world.users["expert"]
    expert = Expert.objects.filter(user=user).first()
    return expert or ExpertFactory(user=user, name="Eva Test", email=user.email)


def make_question(world, *, place=None, slug="daklekkage", title="Lekkage in het dak", assigned=True, **extra):
    """A question of the Raalte place (by default), assigned to the world's expert."""
    if assigned:
        RoutingRuleFactory(category=category(slug), expert=world_expert(world))
    return services.create_question(
        place=place or world.place, category=category(slug), title=title,
        description=extra.pop("description", "Het dak boven de grote zaal lekt sinds de storm."),
        asked_by=world.users["board_member"], **extra)


def resolve(question, user, summary="Dakdekker geregeld via de verzekering.", tags="dak, lekkage"):
    services.transition(question, Status.IN_PROGRESS, user, HANDLER)
    return services.transition(question, Status.RESOLVED, user, HANDLER, summary=summary, tags=tags)


def resolved_question(world, **extra):
    question = make_question(world, **extra)
    return resolve(question, world.users["expert"])


def low_rated_question(world):
    question = resolved_question(world)
    Rating.objects.create(question=question, score=1, solved=False, by=world.users["board_member"])
    return question


def opted_in_peer(place, strengths=("daklekkage",), share_email=False):
    profile = PeerProfile.objects.create(place=place, opted_in=True, share_email=share_email)
    profile.strengths.set(Category.objects.filter(slug__in=strengths))
    return profile
