"""Server CPU of the public agenda, `/kaart/agenda/` "this week near a postcode", against the trivial view.

In one process, on a fresh SQLite database in a temporary folder: N places (benchmarks/seed.py's `fill`),
five weekly activities per place with coordinates (each on one or two weekdays, through the agenda's own
materialisation), then the CPU time (time.process_time) per request through Django's test client for
`/gezondheid/` and for the agenda with a different postcode each time, uncached (the agenda page is not in the
page cache). With `--gunicorn`, the same two kinds of request again from 20 concurrent clients against
gunicorn in production mode on loopback (run.py's helpers): latency p50/p95 and the server's CPU per request.
Prints the figures as markdown and appends them to benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/agenda.py [--places 10000] [--requests 200] [--horizon-days 60] [--gunicorn]
    .venv/bin/python benchmarks/agenda.py --database /tmp/ontmoet-agenda-bench-x/bench.sqlite3 ...

`--database` measures a copy of a database seeded by an earlier run (migrated to the code being measured),
so that two versions of the code are compared on the same data without seeding twice (about ten minutes).

The horizon is shorter than production's 365 days to keep seeding within minutes; "this week" reads the
same index range whatever the horizon (the rows of other weeks are never visited).
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--places", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--horizon-days", type=int, default=60)
    parser.add_argument("--database", help="an SQLite file seeded by an earlier run: measured on a copy")
    parser.add_argument("--gunicorn", action="store_true", help="also measure with 20 clients against gunicorn")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    args.threads = 1  # run.gunicorn's sync workers, as in production
    folder = tempfile.mkdtemp(prefix="ontmoet-agenda-bench-")
    print(f"database in {folder}", flush=True)
    if args.database:
        shutil.copyfile(args.database, f"{folder}/bench.sqlite3")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["ONTMOET_DATA_DIR"] = folder
    os.environ["AGENDA_HORIZON_DAYS"] = str(args.horizon_days)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    sys.path[:0] = [str(ROOT), str(HERE)]
    import django

    django.setup()
    import seed
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.utils import timezone

    from ontmoet.agenda import services
    from ontmoet.agenda.models import Activity, ActivityDate
    from ontmoet.places.models import Activity as Kind
    from ontmoet.places.models import Place

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    rng = random.Random(20261205)
    if not args.database:
        seed.fill(args.places)
    kinds = list(Kind.objects.all())
    today = timezone.localdate()
    places = list(Place.objects.filter(latitude__isnull=False).only("pk", "latitude", "longitude"))
    activities = []
    for place in places if not args.database else ():
        for number in range(5):
            days = sorted(rng.sample(range(7), rng.choice([1, 2])))
            hour = rng.choice([9, 10, 14, 19, 20])
            activities.append(Activity(place=place, title=f"Activiteit {number + 1}", kind=rng.choice(kinds),
                                       recurrence="wekelijks", weekdays=days, starts_on=today,
                                       start_time=clock(hour), end_time=clock(hour + 2), walk_in=number == 0,
                                       last_confirmed_at=timezone.now()))
    Activity.objects.bulk_create(activities, batch_size=2000)
    if not args.database:  # (an earlier run's data: only the days since then are added)
        Activity.objects.update(materialised_until=today - timedelta(days=1))
    services.extend(today)  # the nightly job fills the horizon, batch by batch
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    seeded = time.perf_counter() - started
    rows = ActivityDate.objects.count()
    postcodes = sorted({code[:4] for code in Place.objects.exclude(postcode="").values_list("postcode", flat=True)})

    setup_test_environment()  # the test client's host is allowed, and responses carry their context
    client = Client()

    def measure(paths):
        times = []
        for path in paths:
            before = time.process_time()
            response = client.get(path)
            times.append((time.process_time() - before) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        return times

    agenda_paths = [f"/kaart/agenda/?wanneer=week&near={rng.choice(postcodes)}&radius=10"
                    for _ in range(args.requests)]
    measure(["/gezondheid/"] * 20 + agenda_paths[:10])  # warm up: imports, templates, the geocoder's centres
    trivial = measure(["/gezondheid/"] * args.requests)
    agenda = measure(agenda_paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(agenda_paths[0])
    results = response.context["page"].paginator.count
    ratio = statistics.mean(agenda) / statistics.mean(trivial)
    lines = [
        "",
        f"## {datetime.now(tz=UTC):%Y-%m-%d %H:%M} UTC — agenda,"
        f" SQLite {connection.Database.sqlite_version}",
        "",
        f"- Command: `.venv/bin/python benchmarks/agenda.py --places {args.places} --requests {args.requests} "
        f"--horizon-days {args.horizon_days}{' --gunicorn' if args.gunicorn else ''}"
        f"{' --database (an earlier run' + chr(39) + 's seed)' if args.database else ''}`",
        f"- Data: {len(places):,} places with coordinates × 5 weekly activities = "
        f"{Activity.objects.count():,} activities, "
        f"{rows:,} materialised dates ({args.horizon_days} days ahead); seeded in {seeded:.0f} s",
        "- In-process (Django test client, one thread, no gunicorn): CPU time per request, uncached",
        "",
        "| endpoint | requests | mean CPU ms | p95 CPU ms | × trivial |",
        "|---|---:|---:|---:|---:|",
        f"| trivial `/gezondheid/` | {len(trivial)} | {statistics.mean(trivial):.1f} | "
        f"{statistics.quantiles(trivial, n=20)[-1]:.1f} | 1.0 |",
        f"| `/kaart/agenda/?wanneer=week&near=PC4&radius=10` | {len(agenda)} | {statistics.mean(agenda):.1f} | "
        f"{statistics.quantiles(agenda, n=20)[-1]:.1f} | {ratio:.1f} |",
        "",
        f"SQL queries per agenda request: {len(queries)}; results on the first search: {results:,}.",
        f"Target ≤ 10× the trivial view's server CPU: {ratio:.1f}× — {'met' if ratio <= 10 else 'NOT met'}.",
    ]
    if args.gunicorn:
        lines += concurrent(args, folder, f"{folder}/bench.sqlite3", agenda_paths)
    text = "\n".join(lines)
    print(text)
    if not args.no_save:
        with open(HERE / "RESULTS.md", "a") as results_file:
            results_file.write(text + "\n")


def concurrent(args, folder: str, database_file: str, agenda_paths: list[str]) -> list[str]:
    """The trivial view and the agenda from `args.clients` clients at once against gunicorn (production mode)."""
    import subprocess

    import run

    env = run.app_env(Path(folder), f"sqlite:///{database_file}") | {
        "AGENDA_HORIZON_DAYS": str(args.horizon_days)}
    subprocess.run([sys.executable, "-m", "ontmoet", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT,
                   check=True)
    rows = []
    with run.gunicorn(env, Path(folder), args) as (port, server_pid):
        clients = [run.Client(port) for _ in range(args.clients)]
        ok_agenda = lambda body: b"resultaten-kop" in body  # noqa: E731
        run.run_phase(clients, ["/gezondheid/"] * 100 + agenda_paths[:40], lambda body: True, 120)  # warm-up
        for name, paths, check in (("trivial `/gezondheid/`", ["/gezondheid/"] * 1000, lambda body: b'"ok"' in body),
                                   ("`/kaart/agenda/?wanneer=week&near=PC4&radius=10`", agenda_paths, ok_agenda)):
            before = run.cpu_counters(server_pid)
            stats = run.run_phase(clients, paths, check, 300)
            stats.update(run.cpu_usage(before, run.cpu_counters(server_pid), stats))
            print(f"   {name:40} {run.summary(stats)}", flush=True)
            rows.append((name, stats))
    trivial = rows[0][1]["server_cpu_ms"]
    lines = ["", f"Against gunicorn ({args.workers} sync workers, ONTMOET_ENV=production, loopback), "
             f"{args.clients} concurrent clients (Python threads on the same machine); 1-minute load average after: "
             f"{os.getloadavg()[0]:.2f}", "",
             "| endpoint | requests | errors | p50 ms | p95 ms | req/s | server CPU ms/req | × trivial "
             "| other programs |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, stats in rows:
        lines.append(f"| {name} | {stats['requests']} | {stats['errors']} | {stats['p50'] * 1000:.0f} | "
                     f"{stats['p95'] * 1000:.0f} | {stats['rps']:.1f} | {stats['server_cpu_ms']:.1f} | "
                     f"{stats['server_cpu_ms'] / trivial:.1f} | {stats['other_cpu']:.0f} % |")
    return lines


if __name__ == "__main__":
    main()
