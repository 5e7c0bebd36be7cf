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


# The English names, for the interface in English (Vocabulary.name_en; migration 0006 fills them in).
ENGLISH = {
    "Sport": "Sport", "Bibliotheek": "Library", "Filmhuis": "Film house", "Muziekonderwijs": "Music lessons",
    "Theater": "Theatre", "Horeca": "Café and catering", "Welzijnswerk": "Social welfare work",
    "Vluchtelingenwerk": "Refugee support", "Vergaderruimtes (commercieel)": "Meeting rooms (commercial)",
    "GGD": "Public health service (GGD)", "Kinderopvang": "Childcare", "BSO": "After-school care",
    "Maatschappelijk werk": "Social work", "Consultatiebureau": "Child health clinic", "Dagbesteding": "Day care",
    "Verloskundigen": "Midwives", "Huiskamer van de wijk": "Neighbourhood living room", "Thuiszorg": "Home care",
    "Bingo": "Bingo", "Kaarten / bridge": "Cards / bridge", "Biljarten": "Billiards", "Handwerken": "Needlework",
    "Gym / yoga": "Gym / yoga", "Schilderen": "Painting", "Koersbal": "Carpet bowls",
    "Koren (jongeren en ouderen)": "Choirs (young and old)", "Wandelen": "Walking", "Fietsen": "Cycling",
    "Eetcafé (ontmoeting)": "Community café (meeting)",
    "Soos voor jongeren en ouderen": "Social club for young and old",
    "Darten": "Darts", "Sinterklaasfeest": "Sinterklaas party", "Kerstfeest": "Christmas party",
    "Burendag": "Neighbours' day", "Kleedjesmarkt": "Flea market", "Kinderactiviteit": "Children's activity",
    "Koffiemomenten": "Coffee mornings", "Jeu de boules": "Pétanque", "Samen koken": "Cooking together",
    "Muziekoptredens": "Music performances", "Toneel": "Drama", "Dans": "Dance", "Lezingen": "Talks",
    "Exposities": "Exhibitions",
    "Alle inwoners": "All residents", "Kinderen": "Children", "Jongeren": "Young people", "Gezinnen": "Families",
    "Volwassenen": "Adults", "Ouderen": "Older people", "Mensen met een beperking": "People with a disability",
    "Nieuwkomers": "Newcomers", "Mantelzorgers": "Carers",
}


def seed_vocabularies(sender=None, **kwargs) -> None:
    from .models import Activity, Facility, TargetGroup

    for model, names in [(Facility, FACILITIES), (Activity, ACTIVITIES), (TargetGroup, TARGET_GROUPS)]:
        if not model.objects.exists():
            model.objects.bulk_create(
                [model(code=slugify(name), name=name, name_en=ENGLISH.get(name, ""), order=order)
                 for order, name in enumerate(names)]
            )
