"""Starting vocabularies from the 2024 monitor (seed 001). Province administrators extend them."""

from django.db import migrations
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


def forwards(apps, schema_editor):
    for model_name, names in [("Facility", FACILITIES), ("Activity", ACTIVITIES), ("TargetGroup", TARGET_GROUPS)]:
        model = apps.get_model("places", model_name)
        for order, name in enumerate(names):
            model.objects.update_or_create(code=slugify(name), defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
