"""Starting vocabularies from the 2024 monitor (seed 001).

Seeded after migrate only while a list is empty, so what province administrators change or delete
in the admin stays changed.
"""

from django.utils.text import slugify

FACILITIES = [
    "Sport", "Bibliotheek", "Filmhuis", "Muziekonderwijs", "Theater", "Horeca", "Welzijnswerk",
    "Vluchtelingenwerk", "Vergaderruimtes (commercieel)", "GGD", "Kinderopvang", "BSO", "Maatschappelijk werk",
    "Consultatiebureau", "Dagbesteding", "Verloskundigen", "Huiskamer van de wijk", "Thuiszorg",
]
ACTIVITIES = [
    "Bingo", "Kaarten / bridge", "Biljarten", "Handwerken", "Gym / yoga", "Schilderen", "Koersbal",
    "Koren (jongeren en ouderen)", "Wandelen", "Fietsen", "Eetcafé (ontmoeting)", "Soos voor jongeren en ouderen",
    "Darten", "Sinterklaasfeest", "Kerstfeest", "Burendag", "Kleedjesmarkt", "Kinderactiviteit", "Koffiemomenten",
    "Jeu de boules", "Samen koken", "Muziekoptredens", "Toneel", "Dans", "Lezingen", "Exposities",
]
TARGET_GROUPS = [
    "Alle inwoners", "Kinderen", "Jongeren", "Gezinnen", "Volwassenen", "Ouderen", "Mensen met een beperking",
    "Nieuwkomers", "Mantelzorgers",
]


def seed_vocabularies(sender=None, **kwargs) -> None:
    from .models import Activity, Facility, TargetGroup

    for model, names in [(Facility, FACILITIES), (Activity, ACTIVITIES), (TargetGroup, TARGET_GROUPS)]:
        if not model.objects.exists():
            model.objects.bulk_create(
                [model(code=slugify(name), name=name, order=order) for order, name in enumerate(names)]
            )
