from datetime import timedelta

import factory
from django.utils import timezone

from ontmoet.network.models import Event
from ontmoet.regions.models import Province


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    province = factory.LazyFunction(lambda: Province.objects.get(code="PV23"))
    title = factory.Sequence(lambda n: f"Webinar {n}")
    kind = "webinar"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    online_url = "https://meet.example.nl/abc"
    audience = "iedereen"
