"""Server CPU of the public activities and rooms API, and the time to build the open-data files with activities.

In one process, on a fresh SQLite database in a temporary folder: N places (benchmarks/seed.py's `fill`), five
weekly activities per place (materialised by the agenda's own nightly job), a room with three rates at every
third place; then CPU time (time.process_time) per request through Django's test client for `/gezondheid/`,
`/api/v1/activiteiten/?near=PC4&radius=10` (the default four weeks) and `/api/v1/ruimtes/?near=PC4&radius=10`,
uncached; and for the HSDS export, the activities CSV, the rooms JSON and the vacancies CSV the worker's build time
(core.opendata_store) and then the time of one download of the stored file.
Prints the figures as markdown and appends them to benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/opendata.py [--places 2000] [--requests 100] [--horizon-days 60]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--places", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--horizon-days", type=int, default=60)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="ontmoet-opendata-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["ONTMOET_DATA_DIR"] = folder
    os.environ["AGENDA_HORIZON_DAYS"] = str(args.horizon_days)
    os.environ["ONTMOET_API_RATE_ANONYMOUS"] = ""  # the server's cost is measured, not the throttle's 429s
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    sys.path[:0] = [str(ROOT), str(HERE)]
    import django

    django.setup()
    import seed
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from ontmoet.agenda import services
    from ontmoet.agenda.models import Activity
    from ontmoet.places.geocoding import geocode
    from ontmoet.places.models import Activity as Kind
    from ontmoet.places.models import Place
    from ontmoet.rooms.models import Rate, Room, TenantKind

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    seed.fill(args.places)
    rng = random.Random(20261205)
    kinds = list(Kind.objects.all())
    today = timezone.localdate()
    places = list(Place.objects.filter(latitude__isnull=False).only("pk", "latitude", "longitude"))
    activities = [Activity(place=place, title=f"Activiteit {number + 1}", kind=rng.choice(kinds),
                           recurrence="wekelijks", weekdays=sorted(rng.sample(range(7), rng.choice([1, 2]))),
                           starts_on=today, start_time=clock(10), end_time=clock(12), walk_in=number == 0,
                           contact_name="Organisator", last_confirmed_at=timezone.now())
                  for place in places for number in range(5)]
    Activity.objects.bulk_create(activities, batch_size=2000)
    Activity.objects.update(materialised_until=today - timedelta(days=1))
    services.extend(today)
    rooms = Room.objects.bulk_create([Room(place=place, name="Zaal", capacity=40, facilities=["beamer", "keuken"],
                                           hours={str(day): ["09:00", "22:00"] for day in range(7)})
                                      for place in places[::3]])
    tenant_kinds = list(TenantKind.objects.all())
    Rate.objects.bulk_create([Rate(room=room, tenant_kind=kind, unit="uur", amount=Decimal(10 * (n + 1)))
                              for room in rooms for n, kind in enumerate(tenant_kinds)])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    seeded = time.perf_counter() - started
    postcodes = sorted({code[:4] for code in Place.objects.exclude(postcode="").values_list("postcode", flat=True)})
    postcodes = [code for code in postcodes if geocode(code)]  # the API refuses a postcode it cannot place

    setup_test_environment()
    client = Client()

    def measure(paths):
        times = []
        for path in paths:
            before = time.process_time()
            response = client.get(path)
            times.append((time.process_time() - before) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        return times

    from ontmoet.core import opendata_store

    specs = opendata_store.specs()

    def build_and_download(name) -> tuple[str, float, float, float, int]:
        """The worker's build (wall s), then a download of the stored file (wall and CPU ms), as a visitor gets it."""
        before = time.perf_counter()
        assert opendata_store.build(specs[name], force=True) == "built"
        built = time.perf_counter() - before
        before, cpu = time.perf_counter(), time.process_time()
        response = client.get(f"/kaart/open-data/{name}")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200, (name, response.status_code)
        return (name, built, (time.perf_counter() - before) * 1000, (time.process_time() - cpu) * 1000, len(body))

    activity_paths = [f"/api/v1/activiteiten/?near={rng.choice(postcodes)}&radius=10" for _ in range(args.requests)]
    room_paths = [f"/api/v1/ruimtes/?near={rng.choice(postcodes)}&radius=10" for _ in range(args.requests)]
    measure(["/gezondheid/"] * 20 + activity_paths[:5] + room_paths[:5])  # warm up
    trivial = measure(["/gezondheid/"] * args.requests)
    rows = [("`/api/v1/activiteiten/?near=PC4&radius=10`", measure(activity_paths)),
            ("`/api/v1/ruimtes/?near=PC4&radius=10`", measure(room_paths))]
    files = [build_and_download(name) for name in ["ontmoetingsplekken-hsds.json", "activiteiten.csv", "ruimtes.json",
                                                   "vacatures.csv"]]
    mean_trivial = statistics.mean(trivial)
    lines = [
        "", f"## {datetime.now(tz=UTC):%Y-%m-%d %H:%M} UTC — open data and public API (activities, rooms),"
        f" SQLite {connection.Database.sqlite_version}", "",
        f"- Command: `.venv/bin/python benchmarks/opendata.py --places {args.places} --requests {args.requests} "
        f"--horizon-days {args.horizon_days}`",
        f"- Data: {len(places):,} places × 5 weekly activities = {len(activities):,} activities, {len(rooms):,} rooms "
        f"with {len(tenant_kinds)} rates; seeded in {seeded:.0f} s",
        "- In-process (Django test client, one thread): CPU time per request, uncached", "",
        "| endpoint | requests | mean CPU ms | p95 CPU ms | × trivial |", "|---|---:|---:|---:|---:|",
        f"| trivial `/gezondheid/` | {len(trivial)} | {mean_trivial:.1f} | "
        f"{statistics.quantiles(trivial, n=20)[-1]:.1f} | 1.0 |",
    ]
    lines += [f"| {name} | {len(times)} | {statistics.mean(times):.1f} | {statistics.quantiles(times, n=20)[-1]:.1f} "
              f"| {statistics.mean(times) / mean_trivial:.1f} |" for name, times in rows]
    lines += ["", "Open-data files: built by the worker into storage (wall), then one download of the stored file as a "
              "visitor gets it (streamed from storage, not built in the request).", "",
              "| file | build s (worker) | download wall ms | download CPU ms | size |", "|---|---:|---:|---:|---:|"]
    lines += [f"| `{name}` | {built:.1f} | {wall:.0f} | {cpu:.0f} | {size / 1e6:.1f} MB |"
              for name, built, wall, cpu, size in files]
    text = "\n".join(lines)
    print(text)
    with open(HERE / "RESULTS.md", "a") as results_file:
        results_file.write(text + "\n")


if __name__ == "__main__":
    main()
