"""Places import benchmark: a CSV of N places imported three times into a fresh database, in-process.

1. every row new (created), 2. every row changed (updated: a field and the lists), 3. the same file again
(unchanged). Each is timed once (wall and process CPU) with its number of queries; the import is all or
nothing with a row report (`places.importing.import_places`), as an officer's upload runs it.

    /work/main/.venv/bin/python benchmarks/places_import.py [--rows 2000] [--database-url postgres://…]

With --database-url a throwaway database `ontmoet_places_import_bench` is created on that server and
dropped afterwards; without it, an SQLite file in a temporary folder.
"""

import argparse
import csv
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DB_NAME = "ontmoet_places_import_bench"


def _setup():
    from django.core.management import call_command

    from ontmoet.accounts.models import User
    from ontmoet.accounts.scoping import get_scope
    from ontmoet.regions.models import Municipality, Province

    call_command("migrate", verbosity=0)  # provinces and vocabularies come with post_migrate
    province = Province.objects.get(code="PV23")
    Municipality.objects.bulk_create(
        [Municipality(code=f"GM{9000 + n:04d}", name=f"Gemeente {n}", province=province) for n in range(25)])
    user = User.objects.create_superuser(email="bench@example.com", password="x")  # noqa: S106
    return get_scope(user), user


def _csv(rows: int, rng: random.Random, variant: int) -> bytes:
    from ontmoet.places.models import Activity, Facility, TargetGroup

    facilities = list(Facility.objects.values_list("code", flat=True))
    activities = list(Activity.objects.values_list("code", flat=True))
    groups = list(TargetGroup.objects.values_list("code", flat=True))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["code", "naam", "soort", "gemeente", "bemensing", "vrijwilligers", "voorzieningen",
                     "activiteiten", "doelgroepen", "straat", "huisnummer", "postcode", "plaats", "email", "open_ma",
                     "rolstoeltoegankelijk"])
    for n in range(rows):
        writer.writerow([f"BENCH-{n:06d}", f"Plek {n} {variant}", rng.choice(["dorpshuis", "buurthuis", "wijkcentrum"]),
                         f"GM{9000 + n % 25:04d}", "vrijwilligers", str(10 + variant + n % 7),
                         ", ".join(rng.sample(facilities, 3)), ", ".join(rng.sample(activities, 4)),
                         ", ".join(rng.sample(groups, 2)), "Dorpsstraat", str(n % 200 + 1), "8101 AB", "Raalte",
                         f"plek{n}@example.com", "09:00-12:00", rng.choice(["ja", "nee"])])
    return buffer.getvalue().encode()


def _run(label: str, data: bytes, scope, user) -> dict:
    from django.db import connection

    from ontmoet.places.importing import import_places

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(count):
        report = import_places("bench.csv", data, scope, user)
    result = {"phase": label, "wall_s": round(time.perf_counter() - started, 2),
              "cpu_s": round(time.process_time() - cpu, 2), "queries": len(queries),
              "created": report.count("created"), "updated": report.count("updated"),
              "unchanged": report.count("unchanged"), "ok": report.ok}
    assert report.ok and report.written, report.row_problems[:5]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--database-url", default="", help="PostgreSQL server URL; default: a temporary SQLite.")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="ontmoet-places-import-bench-")
    os.environ["ONTMOET_DATA_DIR"] = folder
    if args.database_url:
        import psycopg

        with psycopg.connect(args.database_url.rstrip("/") + "/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
            connection.execute(f"CREATE DATABASE {DB_NAME}")
        os.environ["DATABASE_URL"] = args.database_url.rstrip("/") + f"/{DB_NAME}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    scope, user = _setup()
    rng = random.Random(19)
    changed = _csv(args.rows, rng, 1)
    results = [_run("created", _csv(args.rows, rng, 0), scope, user), _run("updated", changed, scope, user),
               _run("unchanged", changed, scope, user)]
    print(json.dumps({"rows": args.rows, "vendor": connection.vendor, "results": results}, indent=1))
    if args.database_url:
        connection.close()
        import psycopg

        with psycopg.connect(args.database_url.rstrip("/") + "/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")


if __name__ == "__main__":
    main()
