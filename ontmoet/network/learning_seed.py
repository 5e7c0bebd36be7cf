"""The leergang of seed 000 (developed in 2022 with Saxion Hogeschool and Onze Gebouwen) with its four
modules, and the learning network for municipal officers that seed 001 recommends."""

from django.db import transaction

from .models import Course, LearningGroup, Module

COURSE_TITLE = "Leergang sociale ontmoetingsplekken"
COURSE_DESCRIPTION = ("Speciaal voor bestuurders, managers en beheerders van sociale ontmoetingsplekken, zoals "
                      "kulturhusen, dorpshuizen en sportaccommodaties die veel werken met vrijwillige inzet. Na de "
                      "vier kennismodules hebben deelnemers veel nieuwe kennis en wisselen zij ervaringen uit.")
MODULES = [
    ("Programmeren", "Een programma van activiteiten dat past bij de buurt: wat is er nodig, wie doet mee, "
                     "hoe houd je het levendig?"),
    ("Basis op orde", "Bestuur, financiën, exploitatie en het gebouw: de basis van de organisatie op orde."),
    ("Communicatie", "Zichtbaar zijn voor de buurt, partners en de gemeente."),
    ("Vrijwilligers", "Vrijwilligers vinden, binden en waarderen."),
]


@transaction.atomic
def ensure_leergang(province) -> Course:
    course, _ = Course.objects.get_or_create(province=province, title=COURSE_TITLE, defaults={
        "description": COURSE_DESCRIPTION, "partner": "Saxion Hogeschool en Onze Gebouwen"})
    for order, (title, description) in enumerate(MODULES, start=1):
        Module.objects.get_or_create(course=course, title=title,
                                     defaults={"order": order, "description": description})
    return course


@transaction.atomic
def ensure_learning_network(province) -> LearningGroup:
    group, _ = LearningGroup.objects.get_or_create(
        province=province, name="Lerend netwerk gemeenteambtenaren",
        defaults={"description": "Voor gemeenteambtenaren die werken aan sociale ontmoetingsplekken: elk jaar een "
                                 "thema, eigen bijeenkomsten, gedeelde documenten en een gesprek per thema."})
    return group
