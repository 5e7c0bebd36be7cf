"""Child process of run.py: prepare one fresh database with N places and a province officer.

Django reads its settings once per process, and every size gets its own database, so run.py starts
this script once per size with DATABASE_URL etc. in the environment. It prints one JSON line (the
last line of stdout) with what the load driver needs.

Usage (run.py does this for you): python benchmarks/seed.py N EMAIL PASSWORD
"""

import json
import os
import random
import sys
import time
from datetime import timedelta
from decimal import Decimal

import django

BATCH = 2000
SEED = 20240601  # fixed, so every run measures the same data

# 25 Overijssel municipalities, with made-up codes (GM9xxx) so nobody mistakes them for CBS data.
MUNICIPALITIES = [
    "Almelo", "Borne", "Dalfsen", "Deventer", "Dinkelland", "Enschede", "Haaksbergen", "Hardenberg",
    "Hellendoorn", "Hengelo", "Hof van Twente", "Kampen", "Losser", "Oldenzaal", "Olst-Wijhe", "Ommen",
    "Raalte", "Rijssen-Holten", "Staphorst", "Steenwijkerland", "Tubbergen", "Twenterand", "Wierden",
    "Zwartewaterland", "Zwolle",
]
NAMES = ["De Linde", "Het Anker", "De Brink", "De Wieken", "'t Trefpunt", "De Eik", "Het Baken", "De Kern",
         "De Schakel", "Den Hoek", "De Spil", "Het Pluspunt", "De Bolster", "De Esch", "Het Hoogeland"]
VILLAGES = ["Lemelerveld", "Heino", "Nijverdal", "Vroomshoop", "Markelo", "Delden", "Goor", "Ootmarsum",
            "Denekamp", "Weerselo", "Vriezenveen", "Hellendoorn", "Dedemsvaart", "Nieuwleusen", "Wijhe"]
STREETS = ["Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Esweg", "Brinkweg", "Stationsstraat"]
SENTENCES = [
    "Een plek waar inwoners elkaar ontmoeten, koffie drinken en samen activiteiten organiseren.",
    "Het dorpshuis wordt gerund door een enthousiaste groep vrijwilligers.",
    "Verenigingen gebruiken de zalen voor repetities, vergaderingen en feesten.",
    "Op woensdagmiddag is er een inloop voor ouderen met een warme maaltijd.",
    "Ook de bibliotheek en het consultatiebureau houden hier spreekuur.",
]
LETTERS = "ABCDEFGHJKLMNPRTVWXZ"  # no S: postcodes with SA/SD/SS do not exist


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    django.setup()
    if sys.argv[1:] == ["steady-state"]:  # after other bulk writes, e.g. the directory's search index
        steady_state()
        return
    count, email, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]

    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    migrated = time.perf_counter()
    meta = fill(count)
    analyze()
    filled = time.perf_counter()
    meta["user_id"] = create_officer(email, password, meta["province_id"])
    meta["queries"] = count_queries(meta["user_id"], meta["municipality_ids"][0])
    meta["db_version"] = database_version()
    meta["seconds"] = {"migrate": round(migrated - started, 1), "fill": round(filled - migrated, 1)}
    print(json.dumps(meta))


def fill(count: int) -> dict:
    """Bulk-insert municipalities, places and their M2M rows; no services, no history records."""
    from django.db import transaction
    from django.utils import timezone

    from ontmoet.places import choices
    from ontmoet.places.models import Activity, Facility, Place, TargetGroup
    from ontmoet.regions.models import Municipality, Province

    rng = random.Random(SEED)
    now = timezone.now()
    province = Province.objects.get(code="PV23")
    with transaction.atomic():  # one transaction: SQLite would otherwise sync after every batch
        Municipality.objects.bulk_create(
            Municipality(code=f"GM9{i:03d}", name=name, province=province) for i, name in enumerate(MUNICIPALITIES)
        )
        municipality_ids = list(Municipality.objects.filter(province=province).values_list("pk", flat=True))
        places = (_place(rng, i, rng.choice(municipality_ids), now, choices) for i in range(count))
        _bulk(Place, places)
        place_ids = list(Place.objects.order_by("pk").values_list("pk", flat=True))
        vocabularies = {
            "facilities": (list(Facility.objects.values_list("pk", flat=True)), 3, 5),
            "activities": (list(Activity.objects.values_list("pk", flat=True)), 3, 5),
            "target_groups": (list(TargetGroup.objects.values_list("pk", flat=True)), 1, 3),
        }
        for field, (ids, low, high) in vocabularies.items():
            through = getattr(Place, field).through
            column = getattr(Place, field).field.m2m_reverse_field_name() + "_id"
            _bulk(through, (through(place_id=pk, **{column: vocab_id})
                            for pk in place_ids for vocab_id in rng.sample(ids, rng.randint(low, high))))
    return {
        "places": count,
        "province_id": province.pk,
        "municipality_ids": municipality_ids,
        "facility_ids": vocabularies["facilities"][0],
        "activity_ids": vocabularies["activities"][0],
        "kinds": list(choices.Kind.values),
        "staffing": list(choices.Staffing.values),
        "typologies": list(choices.Typology.values),
        "search_words": ["Linde", "Anker", "Brink", "Heino", "Goor", "7" + str(rng.randint(100, 999))],
    }


def analyze() -> None:
    """Fresh planner statistics, as after an import (`places.services.refresh_statistics`, which the
    import runs). The callers then run `seed.py steady-state` for the rest of what autovacuum does."""
    from ontmoet.places.services import refresh_statistics

    refresh_statistics()


def steady_state() -> None:
    """On PostgreSQL, `VACUUM ANALYZE` everything, as autovacuum does within a minute or so of a bulk insert.

    Without it the visibility map of freshly inserted tables is empty, so PostgreSQL cannot answer counts
    and id lists from the narrow indexes alone (index-only scans) and reads the table instead: the list
    then measured twice the SQL time (7.4 against 3.8 ms per request at 10,000 places) of a database
    that has been running for a while. Run it as its own process (`seed.py steady-state`): run at the end
    of the filling process, VACUUM left `relallvisible` at 0 (seen on PostgreSQL 15), so the planner
    still chose sequential scans.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")



def _bulk(model, objects) -> None:
    """bulk_create from a generator in slices, so 100,000 places never sit in memory at once."""
    batch = []
    for obj in objects:
        batch.append(obj)
        if len(batch) == BATCH:
            model.objects.bulk_create(batch, batch_size=BATCH)
            batch = []
    model.objects.bulk_create(batch, batch_size=BATCH)


def _place(rng, i, municipality_id, now, choices):
    from ontmoet.places.models import Place

    has_coordinates = rng.random() < 0.8
    days = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    return Place(
        code=f"BM-{i:06d}",
        name=f"{rng.choice(['Dorpshuis', 'Buurthuis', 'Wijkcentrum', 'Kulturhus', 'MFA'])} {rng.choice(NAMES)}",
        kind=rng.choice(choices.Kind.values),
        typology=rng.choice(["", *choices.Typology.values]),
        legal_form=rng.choice(["", *choices.LegalForm.values]),
        building_owner=rng.choice(["", *choices.BuildingOwner.values]),
        staffing=rng.choice(choices.Staffing.values),
        board_size=rng.randint(3, 9),
        volunteer_count=rng.randint(0, 150),
        opening_hours={day: ["09:00-12:00", "13:30-17:00"] for day in rng.sample(days, rng.randint(2, 6))},
        opening_hours_note=rng.choice(["", "Niet in de schoolvakanties."]),
        wheelchair_accessible=rng.choice([True, False, None]),
        accessible_toilet=rng.choice([True, False, None]),
        hearing_loop=rng.choice([True, False, None]),
        street=rng.choice(STREETS),
        house_number=str(rng.randint(1, 200)),
        postcode=f"{rng.randint(7000, 8399)} {rng.choice(LETTERS)}{rng.choice(LETTERS)}",
        city=rng.choice(VILLAGES),
        neighbourhood=rng.choice(["", "Centrum", "Noord", "De Es"]),
        municipality_id=municipality_id,
        latitude=Decimal(f"{rng.uniform(52.2, 52.8):.6f}") if has_coordinates else None,
        longitude=Decimal(f"{rng.uniform(5.8, 7.0):.6f}") if has_coordinates else None,
        contact_name="J. de Vries",
        email=f"info@plek{i}.example.nl",
        phone="0548-123456",
        website=f"https://plek{i}.example.nl",
        description=" ".join(rng.sample(SENTENCES, rng.randint(1, 3))),
        status=rng.choices(choices.Status.values, weights=[90, 5, 5])[0],
        is_public=rng.random() < 0.9,
        contact_is_public=rng.random() < 0.5,
        last_verified_at=None if rng.random() < 0.25 else now - timedelta(days=rng.randint(0, 730)),
    )


def create_officer(email: str, password: str, province_id: int) -> int:
    from ontmoet.accounts import services
    from ontmoet.accounts.roles import Role
    from ontmoet.regions.models import Province

    user = services.create_user(email, password)
    services.assign_role(user, Role.PROVINCE_STAFF, Province.objects.get(pk=province_id))
    return user.pk


def count_queries(user_id: int, municipality_id: int) -> dict:
    """SQL queries per request, in-process: a number that grows with the page size or N is an N+1."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(pk=user_id))
    paths = {
        "trivial": "/gezondheid/",
        "list": "/plekken/",
        "list filtered": f"/plekken/?kind=dorpshuis&municipality={municipality_id}&pagina=2",
        "export": "/plekken/export.csv",
    }
    counts = {}
    for name, path in paths.items():
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
            if response.streaming:  # the export's queries run while the body is streamed
                b"".join(response.streaming_content)
        assert response.status_code == 200, (path, response.status_code)
        counts[name] = len(context.captured_queries)
    return counts


def database_version() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


if __name__ == "__main__":
    main()
