from decimal import Decimal

import factory

from ontmoet.toolkit.models import Budget, BudgetLine, Initiative, Partner, Quickscan


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    name = factory.Sequence(lambda n: f"Ontmoetingsruimte {n}")
    municipality = factory.SubFactory("ontmoet.places.tests.factories.MunicipalityFactory")
    owner = factory.SubFactory("ontmoet.accounts.tests.factories.UserFactory")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    initiative = factory.SubFactory(InitiativeFactory)
    email = factory.Sequence(lambda n: f"partner{n}@test.example")


class QuickscanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quickscan

    initiative = factory.SubFactory(InitiativeFactory)
    goal = "Eenzaamheid onder ouderen in het complex verminderen"


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget

    initiative = factory.SubFactory(InitiativeFactory)
    start_year = 2027
    indexation = Decimal("2.00")
    energy_change = Decimal("5.00")


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    budget = factory.SubFactory(BudgetFactory)
    direction = "kosten"
    category = "huur"
    label = "Huur"
    quantity = Decimal("1")
    unit_amount = Decimal("6000")


def world_initiative(world, **kwargs):
    """The initiator's initiative in Raalte, linked to the Raalte place (so its board can read it)."""
    defaults = {"name": "Ontmoetingsruimte De Es", "municipality": world.raalte, "place": world.place,
                "owner": world.users["initiator"]}
    return InitiativeFactory(**{**defaults, **kwargs})
