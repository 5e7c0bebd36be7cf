"""Fictional demo places: about 325 plausible meeting places spread over Overijssel.

Deterministic (a fixed random seed) and idempotent: codes DEMO-0001…, an existing code is left alone.
Every name, address and person is made up; places are flagged `is_demo` and say so on screen.
"""

import math
import random
import string
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ontmoet.regions.demo import OVERIJSSEL
from ontmoet.regions.models import Municipality

from . import choices, services
from .models import Activity, Facility, Place, TargetGroup

DEMO_PLACE_COUNT = 325
STREETS = ["Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Hoofdstraat", "Stationsweg", "Brink",
           "Esweg", "Marktplein", "Julianastraat", "Wilhelminalaan", "Oranjestraat", "Beatrixstraat", "Veldweg",
           "Lindelaan", "Eikenlaan", "Kloosterstraat", "Nieuwstraat", "Havenweg", "Sportlaan"]
NOUNS = ["Linde", "Eik", "Brink", "Es", "Kolk", "Spil", "Hoeve", "Molen", "Zon", "Klaver", "Haven", "Kern",
         "Boerderij", "Pompe", "Tref", "Wiek", "Schakel", "Vonder", "Kamp", "Hofstee"]
FIRST_NAMES = ["Anja", "Henk", "Gerda", "Jan", "Marieke", "Bert", "Ineke", "Gerrit", "Yvonne", "Johan", "Fatima",
               "Wim", "Sandra", "Erik", "Truus", "Ahmet", "Lies", "Harm", "Joke", "Dirk"]
LAST_NAMES = ["Jansen", "Nijhuis", "Kamphuis", "Bosch", "Oude Egberink", "Wolters", "Hulsman", "Brinkman",
              "Lenferink", "Pot", "de Vries", "Mulder", "Ter Horst", "Schuurman", "Hofman", "Reinders"]

# Kind, the typology it usually has, and a name pattern. Weights follow the 2024 monitor's mix.
KIND_PATTERNS = [
    (choices.Kind.KULTURHUS, 19, choices.Typology.MULTIFUNCTIONAL, "Kulturhus {kern}"),
    (choices.Kind.BUURTHUIS, 16, choices.Typology.BUURTHUIS, "Buurthuis De {noun}"),
    (choices.Kind.DORPSHUIS, 12, choices.Typology.MULTIFUNCTIONAL, "Dorpshuis {kern}"),
    (choices.Kind.MFA, 19, choices.Typology.MULTIFUNCTIONAL, "MFA De {noun}"),
    (choices.Kind.WIJKCENTRUM, 9, choices.Typology.BUURTHUIS, "Wijkcentrum {kern} {part}"),
    (choices.Kind.GEMEENSCHAPSHUIS, 6, choices.Typology.MULTIFUNCTIONAL, "Gemeenschapshuis {kern}"),
    (choices.Kind.BUURTKAMER, 7, choices.Typology.KOFFIEHONK, "Huiskamer van {kern}"),
    (choices.Kind.WOONCOMPLEX, 8, choices.Typology.SENIOR_COMPLEX, "Ontmoetingsruimte {noun}hof"),
    (choices.Kind.OTHER, 4, choices.Typology.KOFFIEHONK, "Koffiehonk {kern}"),
]
POSTCODE_LETTERS = "ABCDEGHJKLMNPRTVWXZ"
PARTS = ["Noord", "Zuid", "Oost", "West", "Centrum"]
# Staffing as in the 2024 monitor: 86 / 15 / 26 / 6 / 7 of 140.
STAFFING_WEIGHTS = [(choices.Staffing.VOLUNTEERS_ONLY, 86), (choices.Staffing.PAID_MANAGERS, 15),
                    (choices.Staffing.PAID_STAFF, 26), (choices.Staffing.PAID_ONLY, 6), (choices.Staffing.UNKNOWN, 7)]
LEGAL_WEIGHTS = [(choices.LegalForm.STICHTING, 80), (choices.LegalForm.VERENIGING, 15),
                 (choices.LegalForm.KERKELIJK, 3), (choices.LegalForm.VOF, 2)]
OWNER_WEIGHTS = [(choices.BuildingOwner.GEMEENTE, 45), (choices.BuildingOwner.BEWONERS, 30),
                 (choices.BuildingOwner.CORPORATIE, 15), (choices.BuildingOwner.KERK, 5),
                 (choices.BuildingOwner.PRIVATE, 5)]


def _pick(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _point_in_circle(rng: random.Random, lat: float, lon: float, radius_m: float) -> tuple[Decimal, Decimal]:
    distance = radius_m * math.sqrt(rng.random())
    angle = rng.random() * 2 * math.pi
    dlat = distance * math.cos(angle) / 111_320
    dlon = distance * math.sin(angle) / (111_320 * math.cos(math.radians(lat)))
    return Decimal(f"{lat + dlat:.6f}"), Decimal(f"{lon + dlon:.6f}")


def _opening_hours(rng: random.Random) -> dict:
    hours = {}
    for day in ["ma", "di", "wo", "do", "vr"]:
        if rng.random() < 0.75:
            hours[day] = ["09:00-12:00", "13:30-17:00"] if rng.random() < 0.4 else ["09:00-17:00"]
            if rng.random() < 0.3:
                hours[day].append("19:00-23:00")
    if rng.random() < 0.35:
        hours["za"] = ["10:00-16:00"]
    return hours


def demo_place_specs():
    """The demo places as dictionaries (deterministic). Used by load_demo_places and the tests."""
    rng = random.Random(2024)
    slots = []
    for entry in OVERIJSSEL:
        kernen = entry[6]
        # Every kern gets a place; the main town gets a few extra.
        slots.extend((entry, kern) for kern in kernen)
        slots.extend((entry, kernen[0]) for _ in range(2))
    while len(slots) < DEMO_PLACE_COUNT:
        entry = rng.choice(OVERIJSSEL)
        kern = entry[6][0] if rng.random() < 0.5 else rng.choice(entry[6])
        slots.append((entry, kern))
    slots = slots[:DEMO_PLACE_COUNT]
    used_names = set()
    specs = []
    for number, ((code, _name, lat, lon, radius, (pc_from, pc_to), _kernen), kern) in enumerate(slots, start=1):
        kind, _weight, typology, pattern = rng.choices(KIND_PATTERNS, weights=[k[1] for k in KIND_PATTERNS])[0]
        place_name = pattern.format(kern=kern, noun=rng.choice(NOUNS), part=rng.choice(PARTS))
        while place_name in used_names:
            place_name = f"{pattern.format(kern=kern, noun=rng.choice(NOUNS), part=rng.choice(PARTS))}"
            if place_name in used_names:
                place_name = f"{place_name} ({kern})" if kern not in place_name else f"{place_name} {number}"
        used_names.add(place_name)
        latitude, longitude = _point_in_circle(rng, lat, lon, radius * 0.95)
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        slug = "".join(ch for ch in place_name.lower() if ch in string.ascii_lowercase)[:30]
        verified_days = rng.choice([None, 20, 60, 150, 300, 400, 500, 800])
        specs.append({
            "code": f"DEMO-{number:04d}",
            "name": place_name,
            "kind": kind,
            "typology": typology if rng.random() < 0.8 else "",
            "legal_form": _pick(rng, LEGAL_WEIGHTS),
            "building_owner": _pick(rng, OWNER_WEIGHTS),
            "staffing": _pick(rng, STAFFING_WEIGHTS),
            "board_size": rng.choice([None, 3, 4, 5, 5, 5, 6, 6, 7, 7, 8, 9]),
            "volunteer_count": rng.randint(4, 120),
            "municipality_code": code,
            "city": kern,
            "street": rng.choice(STREETS),
            "house_number": str(rng.randint(1, 120)),
            "postcode": f"{rng.randint(pc_from, pc_to)} {''.join(rng.choices(POSTCODE_LETTERS, k=2))}",
            "latitude": latitude,
            "longitude": longitude,
            "contact_name": f"{first} {last}",
            "email": f"info@{slug}.example",
            "phone": f"0{rng.randint(500, 599)}-{rng.randint(100000, 999999)}",
            "website": f"https://www.{slug}.example",
            "description": (f"{place_name} is een fictieve ontmoetingsplek in {kern}, gemaakt als demodata. "
                            f"Vrijwilligers organiseren hier activiteiten voor jong en oud."),
            "status": _pick(rng, [(choices.Status.ACTIVE, 92), (choices.Status.TEMPORARILY_CLOSED, 5),
                                  (choices.Status.CLOSED, 3)]),
            "is_public": rng.random() < 0.95,
            "contact_is_public": rng.random() < 0.6,
            "wheelchair_accessible": rng.choice([True, True, True, False, None]),
            "accessible_toilet": rng.choice([True, True, False, None]),
            "hearing_loop": rng.choice([True, False, False, None]),
            "opening_hours": _opening_hours(rng),
            "verified_days_ago": verified_days,
            "facilities": rng.sample(range(18), k=rng.randint(1, 5)),
            "activities": rng.sample(range(26), k=rng.randint(3, 8)),
            "target_groups": rng.sample(range(9), k=rng.randint(1, 3)),
        })
    return specs


@transaction.atomic
def load_demo_places() -> int:
    """Create the demo places that do not exist yet. Returns how many were created."""
    existing = set(Place.objects.filter(code__startswith="DEMO-").values_list("code", flat=True))
    municipalities = {m.code: m for m in Municipality.objects.filter(province__code="PV23")}
    facilities, activities, groups = (list(model.objects.order_by("order", "pk"))
                                      for model in (Facility, Activity, TargetGroup))
    now = timezone.now()
    created = 0
    for spec in demo_place_specs():
        if spec["code"] in existing:
            continue
        spec = dict(spec)
        days = spec.pop("verified_days_ago")
        lists = {name: spec.pop(name) for name in ("facilities", "activities", "target_groups")}
        place = Place(**{k: v for k, v in spec.items() if k != "municipality_code"},
                      municipality=municipalities[spec["municipality_code"]], is_demo=True,
                      last_verified_at=now - timedelta(days=days) if days else None)
        services.save_place(place, {
            "facilities": [facilities[i] for i in lists["facilities"] if i < len(facilities)],
            "activities": [activities[i] for i in lists["activities"] if i < len(activities)],
            "target_groups": [groups[i] for i in lists["target_groups"] if i < len(groups)],
        }, user=None, reason="demodata")
        created += 1
    return created
