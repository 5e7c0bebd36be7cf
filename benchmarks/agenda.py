"""Server CPU of the public agenda, `/kaart/agenda/` "this week near a postcode", against the trivial view.

In one process, on a fresh SQLite database in a temporary folder (or, with `--database-url`, a fresh database
`ontmoet_bench_agenda_<pid>` on that PostgreSQL server, dropped afterwards): N places (benchmarks/seed.py's `fill`),
five weekly activities per place with coordinates (each on one or two weekdays, through the agenda's own
materialisation), then the CPU time (time.process_time) per request through Django's test client for
`/gezondheid/` and for the agenda with a different postcode each time, uncached (the agenda page is not in the
page cache). With `--gunicorn`, three phases from 20 concurrent clients against gunicorn in production mode
on loopback (run.py's helpers), one after the other on the same server: the trivial view; the target's search
("this week near PC4, radius 10") with a query string no request had before, so that no page cache can
answer it (`&bench=<n>`, which the form ignores); and a mix of searches drawn from a pool of distinct ones
(postcodes × radius 5/10/25 km, about one in three with a filter, one in eight asking page 2), as visitors send them,
with the share of page-cache hits (X-Cache). For each: latency p50/p95, req/s, the server's CPU per request
(the gunicorn workers, from /proc) and its ratio to the trivial view's in the same run; with PostgreSQL on this
machine, the database server's CPU apart. Prints the figures as markdown and appends them to
benchmarks/RESULTS.md (not with `--no-save`).

The load comes from `--clients` Python threads (`--driver python`, default: a fixed number of requests), or
from wrk (`--driver wrk`, implies `--gunicorn`: `--clients` connections for `--wrk-seconds` per phase, a new
connection per request, run.py's `run_wrk_paths`). The Python threads take CPU from the server on a small
machine and inflate its latencies; wrk needs little.

    .venv/bin/python benchmarks/agenda.py [--places 10000] [--requests 200] [--horizon-days 60] [--gunicorn]
    .venv/bin/python benchmarks/agenda.py --database /tmp/ontmoet-agenda-bench-x/bench.sqlite3 --driver wrk ...
    .venv/bin/python benchmarks/agenda.py --database-url postgres://bench:bench@127.0.0.1:54329/postgres --gunicorn
    .venv/bin/python benchmarks/agenda.py --database-url postgres://... --database ontmoet_bench_agenda_123 ...

`--database` measures a copy of a database seeded by an earlier run (migrated to the code being measured),
so that two versions of the code are compared on the same data without seeding twice (about ten minutes).
With `--database-url`, `--keep` keeps the seeded database and `--database NAME` measures a copy of it
(`CREATE DATABASE ... TEMPLATE NAME`).
On PostgreSQL the seed is followed by `seed.py steady-state` (VACUUM ANALYZE in its own process, as autovacuum
would do; see seed.py), so that the covering index can be read without visiting the rows. `--explain` adds the
plans of the search's queries on the agenda's dates to the report (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN
QUERY PLAN on SQLite).

The horizon is shorter than production's 365 days to keep seeding within minutes; "this week" reads the
same index range whatever the horizon (the rows of other weeks are never visited).
"""

import argparse
import os
import random
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--places", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--horizon-days", type=int, default=60)
    parser.add_argument("--database", help="an SQLite file seeded by an earlier run, or with --database-url the name "
                                           "of a database kept by an earlier run (--keep): measured on a copy")
    parser.add_argument("--database-url", help="PostgreSQL server to use: a fresh database is created, then dropped")
    parser.add_argument("--keep", action="store_true", help="PostgreSQL: keep the database (for --database later)")
    parser.add_argument("--gunicorn", action="store_true", help="also measure with 20 clients against gunicorn")
    parser.add_argument("--driver", choices=["python", "wrk"], default="python",
                        help="load against gunicorn from Python client threads (default) or from wrk (little CPU, "
                             "so the server keeps the cores); wrk implies --gunicorn")
    parser.add_argument("--wrk-seconds", type=float, default=20, help="length of a phase with --driver wrk")
    parser.add_argument("--wrk-paths", type=int, default=8000, help="paths in the mixed phase with --driver wrk")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--explain", action="store_true", help="add the plans of the search's queries to the report")
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    args.threads = 1  # run.gunicorn's sync workers, as in production
    args.gunicorn = args.gunicorn or args.driver == "wrk"
    sys.path[:0] = [str(ROOT), str(HERE)]

    # SIGTERM (like Ctrl-C) unwinds through the finally blocks that stop gunicorn and drop the database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    folder = tempfile.mkdtemp(prefix="ontmoet-agenda-bench-")
    print(f"database in {folder}" if not args.database_url else f"static files in {folder}", flush=True)
    if not args.database_url:  # the SQLite file stays, so that a later run can measure a copy (--database)
        if args.database:
            shutil.copyfile(args.database, f"{folder}/bench.sqlite3")
        benchmark(args, folder, f"sqlite:///{folder}/bench.sqlite3")
        return
    try:
        with postgres_database(args.database_url, args.database, args.keep) as database_url:
            benchmark(args, folder, database_url)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def postgres_database(server_url: str, template: str | None, keep: bool):
    """A new database on that server, empty or a copy of `template` (a database kept by an earlier run); dropped
    afterwards unless `keep`."""
    import psycopg
    from psycopg import sql

    name = f"ontmoet_bench_agenda_{os.getpid()}"
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(create)
    try:
        yield urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))
    finally:
        if keep:
            print(f"kept the database {name} (use it again with --database {name})", flush=True)
        else:
            with psycopg.connect(server_url, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def benchmark(args, folder: str, database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["ONTMOET_DATA_DIR"] = folder
    os.environ["AGENDA_HORIZON_DAYS"] = str(args.horizon_days)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    import django

    django.setup()
    import run
    import seed
    from django.core.management import call_command
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.utils import timezone

    from ontmoet.agenda import services
    from ontmoet.agenda.models import Activity, ActivityDate
    from ontmoet.places.models import Activity as Kind
    from ontmoet.places.models import Place

    load_before = os.getloadavg()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    rng = random.Random(20261205)
    if not args.database:
        seed.fill(args.places)
    stages = {"migrate and places": time.perf_counter() - started}
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
    stages["activities"] = time.perf_counter() - started - sum(stages.values())
    services.extend(today)  # the nightly job fills the horizon, batch by batch
    stages["dates (extend)"] = time.perf_counter() - started - sum(stages.values())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    if connection.vendor == "postgresql":  # VACUUM ANALYZE in its own process (seed.py says why)
        subprocess.run([sys.executable, str(HERE / "seed.py"), "steady-state"], cwd=ROOT, check=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    stages["statistics"] = time.perf_counter() - started - sum(stages.values())
    seeded = time.perf_counter() - started
    print("seeded in " + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in stages.items()), flush=True)
    rows = ActivityDate.objects.count()
    postcodes = sorted({code[:4] for code in Place.objects.exclude(postcode="").values_list("postcode", flat=True)})

    setup_test_environment()  # the test client's host is allowed, and responses carry their context
    client = Client()

    database_pid = run.postgres_pid(database_url)
    database_ms = {}

    def measure(paths, name=None):
        times = []
        before_database = run.cpu_counters(0, database_pid)["database"]
        for path in paths:
            before = time.process_time()
            response = client.get(path)
            times.append((time.process_time() - before) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        if name:  # the database server's CPU per request (PostgreSQL; with SQLite it is in the times)
            database_ms[name] = (run.cpu_counters(0, database_pid)["database"] - before_database) * 1000 / len(paths)
        return times

    agenda_paths = [f"/kaart/agenda/?wanneer=week&near={rng.choice(postcodes)}&radius=10"
                    for _ in range(args.requests)]
    # Each with a query string of its own: a page cache keyed on the path could not answer any of them.
    unique_paths = [f"{path}&{UNIQUE}={number}" for number, path in enumerate(agenda_paths)]
    # Warm-up: imports, templates, the geocoder's centres.
    measure(["/gezondheid/"] * 20 + [f"{path}-warm" for path in unique_paths[:10]])
    trivial = measure(["/gezondheid/"] * args.requests, "trivial")
    agenda = measure(unique_paths, "agenda")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(agenda_paths[0])
    results = response.context["page"].paginator.count
    plans = explain(connection, queries.captured_queries) if args.explain else []
    ratio = statistics.mean(agenda) / statistics.mean(trivial)
    # With PostgreSQL the database's work is not in this process's CPU time: the ratio that counts adds it.
    total_ratio = ratio if not database_pid else (
        (statistics.mean(agenda) + database_ms["agenda"]) / (statistics.mean(trivial) + database_ms["trivial"]))

    def in_database(name):
        return f"{database_ms[name]:.1f}" if database_pid else "(in the app's)"

    command = shlex.join(["benchmarks/agenda.py", *sys.argv[1:]])
    if args.database and not args.database_url:
        command = command.replace(args.database, "<an earlier run's seed>")
    if args.database_url and urlsplit(args.database_url).password:  # no passwords in RESULTS.md
        command = command.replace(urlsplit(args.database_url).password, "***")
    lines = [
        "",
        f"## {datetime.now(tz=UTC):%Y-%m-%d %H:%M} UTC — agenda, {seed.database_version()}",
        "",
        f"- Command: `.venv/bin/python {command}`",
        f"- Data: {len(places):,} places with coordinates × 5 weekly activities = "
        f"{Activity.objects.count():,} activities, "
        f"{rows:,} materialised dates ({args.horizon_days} days ahead); seeded in {seeded:.0f} s ("
        + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in stages.items()) + ")",
        f"- Load average (1, 5, 15 min) at the start: {', '.join(f'{value:.2f}' for value in load_before)}; "
        f"before measuring: {', '.join(f'{value:.2f}' for value in os.getloadavg())}",
        "- In-process (Django test client, one thread, no gunicorn): CPU time per request, uncached"
        + ("; the PostgreSQL server's CPU per request apart (its processes on this machine)" if database_pid else ""),
        "",
        "| endpoint | requests | mean CPU ms | p95 CPU ms | × trivial | database CPU ms | (app + database) × trivial |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| trivial `/gezondheid/` | {len(trivial)} | {statistics.mean(trivial):.1f} | "
        f"{statistics.quantiles(trivial, n=20)[-1]:.1f} | 1.0 | {in_database('trivial')} | 1.0 |",
        f"| `/kaart/agenda/?wanneer=week&near=PC4&radius=10` | {len(agenda)} | {statistics.mean(agenda):.1f} | "
        f"{statistics.quantiles(agenda, n=20)[-1]:.1f} | {ratio:.1f} | {in_database('agenda')} | {total_ratio:.1f} |",
        "",
        f"SQL queries per agenda request: {len(queries)}; results on the first search: {results:,}.",
        f"Target ≤ 10× the trivial view's server CPU (with the database's): {total_ratio:.1f}× — "
        f"{'met' if total_ratio <= 10 else 'NOT met'}.",
    ]
    lines += plans
    kinds = sorted(Kind.objects.filter(pk__in=Activity.objects.values("kind")).values_list("code", flat=True))
    connections.close_all()  # (PostgreSQL: the database is dropped afterwards)
    if args.gunicorn:
        lines += concurrent(args, folder, database_url, agenda_paths, search_pool(postcodes, kinds))
    text = "\n".join(lines)
    print(text)
    if not args.no_save:
        with open(HERE / "RESULTS.md", "a") as results_file:
            results_file.write(text + "\n")


def explain(connection, captured: list[dict]) -> list[str]:
    """The plans of one search's queries on the agenda's dates, as the database ran them."""
    lines = ["", f"Plans of one search's queries on `agenda_activitydate` ({connection.vendor}):"]
    for query in captured:
        sql = query["sql"]
        if "agenda_activitydate" not in sql or not sql.lstrip().upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = [row[0] for row in cursor.fetchall()]
            else:
                cursor.execute("EXPLAIN QUERY PLAN " + sql)
                plan = [row[-1] for row in cursor.fetchall()]
        lines += ["", f"    -- {sql[:160]}{'…' if len(sql) > 160 else ''}", *[f"    {line}" for line in plan]]
    return lines


def search_pool(postcodes: list[str], kinds: list[str]) -> list[str]:
    """Distinct "this week near a postcode" searches as visitors send them: every PC4 of the data at 5, 10 and
    25 km; about one in three with a filter (a kind of activity, walk-in, free or wheelchair access), about one
    in eight asking the second page. Seeded, so that every run draws the same."""
    rng = random.Random(19)
    pool = []
    for postcode in postcodes:
        for radius in (5, 10, 25):
            query = {"wanneer": "week", "near": postcode, "radius": radius}
            if rng.random() < 1 / 3:
                name, value = rng.choice([("kind", rng.choice(kinds)), ("walk_in", "on"), ("free", "on"),
                                          ("wheelchair", "on")])
                query[name] = value
            if rng.random() < 1 / 8:
                query["pagina"] = 2
            pool.append("/kaart/agenda/?" + urlencode(query))
    return pool


def contains(text: str):
    return lambda body: text.encode() in body


UNIQUE = "bench"  # a parameter the search form ignores: every request of the uncached phase has its own value


def concurrent(args, folder: str, database_url: str, agenda_paths: list[str], pool: list[str]) -> list[str]:
    """The trivial view, the target's search uncached and a mix of searches, from `args.clients` clients at once
    against gunicorn (production mode); the clients are Python threads or wrk (`args.driver`)."""
    import run

    env = run.app_env(Path(folder), database_url) | {
        "AGENDA_HORIZON_DAYS": str(args.horizon_days)}
    subprocess.run([sys.executable, "-m", "ontmoet", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT,
                   check=True)
    rng = random.Random(20261206)
    wrk = args.driver == "wrk"
    # The mix: draws with repeats from the pool, as many as the driver can send (wrk runs for a time).
    mix = rng.choices(pool, k=args.wrk_paths if wrk else args.requests)
    target = "`/kaart/agenda/?wanneer=week&near=PC4&radius=10`"
    phases = [("trivial `/gezondheid/`", ["/gezondheid/"] * 1000, '"ok"', ""),
              (f"{target}, uncached (`&{UNIQUE}=n`)", agenda_paths, "resultaten-kop", UNIQUE),
              ("mix: PC4 × 5/10/25 km, ~⅓ with a filter, ~⅛ page 2", mix, "resultaten-kop", "")]
    rows = []
    database_pid = run.postgres_pid(database_url)
    with run.gunicorn(env, Path(folder), args) as (port, server_pid):
        clients = [run.Client(port) for _ in range(args.clients)]
        # Warm-up (not measured): imports, templates, connections in every worker.
        run.run_phase(clients, ["/gezondheid/"] * 100 + [f"{path}&{UNIQUE}=warm" for path in agenda_paths[:40]],
                      lambda body: True, 120)
        for name, paths, expected, unique in phases:
            before = run.cpu_counters(server_pid, database_pid)
            if wrk:
                stats = run.run_wrk_paths(port, paths, [expected], args.clients, args.wrk_seconds, unique=unique)
            else:
                if unique:  # ("g": not the values of the in-process phase, which shares the page cache's files)
                    paths = [f"{path}&{unique}=g{number}" for number, path in enumerate(paths)]
                stats = run.run_phase(clients, paths, contains(expected), 300)
            stats.update(run.cpu_usage(before, run.cpu_counters(server_pid, database_pid), stats))
            print(f"   {name[:60]:60} {run.summary(stats)}", flush=True)
            rows.append((name, stats))
    trivial = rows[0][1]["server_cpu_ms"]
    trivial_total = trivial + rows[0][1]["database_cpu_ms"]
    load = "wrk, 2 threads, a new connection per request" if wrk else "Python threads on the same machine"
    lines = ["", f"Against gunicorn ({args.workers} sync workers, ONTMOET_ENV=production, loopback), "
             f"{args.clients} concurrent clients ({load}"
             + (f", {args.wrk_seconds:g} s per phase" if wrk else "") + f"); 1-minute load average after: "
             f"{os.getloadavg()[0]:.2f}. The mix: {len(mix):,} draws from {len(pool):,} distinct searches "
             f"({len(set(mix)):,} of them in the list). Cache: share of the responses that were page-cache hits "
             "(X-Cache: hit), “not cached” when no response passed through the page cache.", "",
             "| endpoint | requests | errors | cache | p50 ms | p95 ms | req/s | server CPU ms/req | × trivial "
             "| database CPU ms/req | (server + database) × trivial | other programs |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, stats in rows:
        total = stats["server_cpu_ms"] + stats["database_cpu_ms"]
        cached = stats["cache_hits"] + stats["cache_misses"]
        share = f"{100 * stats['cache_hits'] / stats['requests']:.0f} % hits" if cached else "not cached"
        lines.append(f"| {name} | {stats['requests']} | {stats['errors']} | {share} | {stats['p50'] * 1000:.0f} | "
                     f"{stats['p95'] * 1000:.0f} | {stats['rps']:.1f} | {stats['server_cpu_ms']:.1f} | "
                     f"{stats['server_cpu_ms'] / trivial:.1f} | {run.database_cell(stats)} | "
                     f"{total / trivial_total:.1f} | {stats['other_cpu']:.0f} % |")
    uncached = rows[1][1]
    ratio = (uncached["server_cpu_ms"] + uncached["database_cpu_ms"]) / trivial_total
    lines += ["", f"Target, uncached, {args.clients} clients: p95 {uncached['p95'] * 1000:.0f} ms (≤ 150) — "
              f"{'met' if uncached['p95'] <= 0.150 else 'NOT met'}; server CPU {ratio:.1f}× the trivial view's "
              f"(≤ 10) — {'met' if ratio <= 10 else 'NOT met'}."]
    busy = max(stats["other_cpu"] for _name, stats in rows)
    if busy > 20:  # contention inflates a cheap request's CPU time more than a dear one's: the ratio shrinks
        lines.append(f"The machine was busy (other programs took up to {busy:.0f} % of its CPU): latencies and "
                     "ratios are not those of a quiet machine; measure again before comparing.")
    return lines


if __name__ == "__main__":
    main()
