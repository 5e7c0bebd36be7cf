"""Demo agenda: every demo place in Raalte and every fourth one elsewhere gets a few activities (a weekly
walk-in coffee morning that skips holidays, a weekly activity of its own kind, a monthly one). Deterministic
and idempotent: places that already have demo activities are left alone. Everything is made up."""

import random
from datetime import time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ontmoet.places.models import Activity as ActivityKind
from ontmoet.places.models import Place, TargetGroup

from . import services
from .models import Activity

RAALTE = "GM0177"
KINDS = ["biljarten", "koersbal", "kaarten-bridge", "koren-jongeren-en-ouderen", "handwerken", "gym-yoga",
         "samen-koken", "eetcafe-ontmoeting", "bingo", "darten"]


def _specs(place, rng, kinds, groups):
    first = timezone.localdate() - timedelta(days=rng.randrange(0, 60))
    coffee = {"title": "Koffieochtend – open inloop", "kind": kinds.get("koffiemomenten"), "recurrence": "wekelijks",
              "weekdays": [rng.choice([0, 1, 2, 3])], "start_time": time(9, 30), "end_time": time(11, 30),
              "walk_in": True, "second_home": True, "skip_public_holidays": True, "starts_on": first,
              "description": "Binnenlopen voor een kop koffie en een praatje. Iedereen is welkom.",
              "groups": groups[:1]}
    own_kind = kinds.get(rng.choice(KINDS)) or kinds.get("koffiemomenten")
    weekly = {"title": own_kind.name, "kind": own_kind, "recurrence": "wekelijks", "weekdays": [rng.randrange(0, 5)],
              "start_time": time(rng.choice([14, 19, 20])), "end_time": time(rng.choice([16, 22, 22])),
              "cost": Decimal(rng.choice(["0", "2.50", "3.00"])), "starts_on": first, "groups": groups[1:2]}
    if weekly["end_time"] <= weekly["start_time"]:
        weekly["end_time"] = time(weekly["start_time"].hour + 2)
    monthly = {"title": "Eetcafé: samen eten", "kind": kinds.get("eetcafe-ontmoeting") or own_kind,
               "recurrence": "maandelijks", "month_week": rng.choice([1, 2, 3, -1]), "month_weekday": 4,
               "start_time": time(17, 30), "end_time": time(19, 30), "cost": Decimal("7.50"), "starts_on": first,
               "accessibility": "Drempelvrij, invalidentoilet aanwezig.", "groups": groups[:2]}
    return [coffee, weekly, monthly]


@transaction.atomic
def load_demo() -> str:
    kinds = {kind.code: kind for kind in ActivityKind.objects.all()}
    if "koffiemomenten" not in kinds:
        return ""
    groups = list(TargetGroup.objects.filter(name__in=["Alle inwoners", "Ouderen"]).order_by("-name"))
    places = Place.objects.filter(is_demo=True).order_by("code").select_related("municipality")
    done = set(Activity.objects.filter(is_demo=True).values_list("place_id", flat=True))
    count = 0
    for position, place in enumerate(places):
        if place.pk in done or not (place.municipality.code == RAALTE or position % 4 == 0):
            continue
        rng = random.Random(place.code)
        for spec in _specs(place, rng, kinds, groups):
            spec = dict(spec)
            target_groups = spec.pop("groups")
            services.save_activity(Activity(place=place, is_demo=True, contact_name=f"Vrijwilliger {place.name}",
                                            **spec), target_groups)
            count += 1
    return f"{count} activiteiten in de agenda" if count else ""
