import pytest

from ontmoet.agenda.demo import RAALTE, load_demo
from ontmoet.agenda.models import Activity, ActivityDate
from ontmoet.places.demo import load_demo_places
from ontmoet.places.models import Place
from ontmoet.regions.demo import load_overijssel

pytestmark = pytest.mark.django_db


def test_every_raalte_demo_place_and_a_spread_elsewhere_get_activities_once():
    load_overijssel()
    load_demo_places()
    assert load_demo()
    raalte = Place.objects.filter(is_demo=True, municipality__code=RAALTE)
    assert raalte.exists()
    for place in raalte:
        activities = Activity.objects.filter(place=place)
        assert activities.count() == 3
        assert activities.filter(walk_in=True, recurrence="wekelijks", skip_public_holidays=True).exists()
        assert activities.filter(recurrence="maandelijks").exists()
    elsewhere = Activity.objects.exclude(place__municipality__code=RAALTE).values("place").distinct().count()
    assert elsewhere > 10
    assert ActivityDate.objects.exists()
    count = Activity.objects.count()
    assert load_demo() == "" and Activity.objects.count() == count  # idempotent
