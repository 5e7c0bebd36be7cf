from decimal import Decimal

import factory

from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality, Province


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"GM{9000 + n:04d}")
    name = factory.Sequence(lambda n: f"Testgemeente {n}")
    province = factory.LazyFunction(lambda: Province.objects.get(code="PV23"))


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    code = factory.Sequence(lambda n: f"T-{n:05d}")
    name = factory.Sequence(lambda n: f"Dorpshuis Test {n}")
    kind = "dorpshuis"
    municipality = factory.SubFactory(MunicipalityFactory)
    city = "Teststad"
    postcode = "8101 AB"
    latitude = Decimal("52.390000")
    longitude = Decimal("6.290000")
    email = factory.LazyAttribute(lambda o: f"info@{o.code.lower()}.example")
