"""Benchmark of the Sociale Hypotheek: 1,000 awards and 1,000,000 hour entries (not a test).

Targets (issue 5): the portfolio impact report ≤ 1 s, computed with database aggregates; an award page
with 5,000 entries ≤ 300 ms. Builds a fresh database (SQLite in a temporary folder, or PostgreSQL with
--database-url, where a database `ontmoet_bench_grants_<pid>` is created and dropped), fills it with bulk
inserts, then times each measured thing several times in-process through Django's test client (no web
server: this measures the application and the database, not gunicorn). Prints a markdown block; with
--save appends it to benchmarks/RESULTS.md.

    /work/main/.venv/bin/python benchmarks/grants.py [--awards 1000] [--entries 1000000] [--database-url ...]
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--awards", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--big-award-entries", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--save", action="store_true", help="append the result to benchmarks/RESULTS.md")
    return parser.parse_args()


def setup_django(args, workdir: Path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    os.environ["ONTMOET_DATA_DIR"] = str(workdir)
    if args.database_url:
        import psycopg

        name = f"ontmoet_bench_grants_{os.getpid()}"
        with psycopg.connect(args.database_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        base = args.database_url.rsplit("/", 1)[0]
        os.environ["DATABASE_URL"] = f"{base}/{name}"
        args.created_database = name
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def drop_database(args):
    if getattr(args, "created_database", None):
        import psycopg
        from django.db import connections

        connections.close_all()
        with psycopg.connect(args.database_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{args.created_database}"')


def fill(args):
    """1,000 places each with one award (one of them with 5,000 entries), and the rest of the entries spread."""
    import random

    from ontmoet.accounts.roles import Role
    from ontmoet.accounts.services import assign_role, create_user
    from ontmoet.grants.models import Application, Award, HourEntry, PlannedActivity, Round
    from ontmoet.grants.workflows import EntryStatus
    from ontmoet.places.models import Place
    from ontmoet.regions.demo import load_overijssel
    from ontmoet.regions.models import Municipality

    rng = random.Random(5)  # noqa: S311
    province = load_overijssel()
    municipalities = list(Municipality.objects.filter(province=province))
    kinds = ["dorpshuis", "buurthuis", "mfa", "kulturhus", "wijkcentrum"]
    Place.objects.bulk_create([Place(code=f"B-{n:05d}", name=f"Plek {n}", kind=kinds[n % 5],
                                     municipality=municipalities[n % len(municipalities)])
                               for n in range(args.awards)], batch_size=2000)
    places = list(Place.objects.filter(code__startswith="B-").order_by("code"))
    rounds = [Round.objects.create(province=province, name=f"Ronde {year}", year=year, budget=Decimal("10000000"),
                                   opens_on=date(year, 1, 1), closes_on=date(year, 12, 31))
              for year in (2022, 2023, 2024, 2025)]
    Application.objects.bulk_create([Application(round=rounds[n % 4], place=place, status="awarded",
                                                 planned_hours=600, amount=Decimal(9000))
                                     for n, place in enumerate(places)], batch_size=2000)
    applications = list(Application.objects.order_by("pk"))
    PlannedActivity.objects.bulk_create([PlannedActivity(application=a, title="Repaircafé", planned_hours=600)
                                         for a in applications], batch_size=2000)
    activities = {a.application_id: a for a in PlannedActivity.objects.all()}
    Award.objects.bulk_create([
        Award(code=f"SH-B-{n:05d}", round=a.round, place_id=a.place_id, application=a, amount=Decimal(9000),
              hours_due=600, awarded_on=date(a.round.year, 6, 1), due_date=date(a.round.year + 2, 6, 1),
              amount_paid=Decimal(9000 if n % 3 else 4500))
        for n, a in enumerate(applications)], batch_size=2000)
    awards = list(Award.objects.order_by("pk").values_list("pk", "application_id", "awarded_on"))
    statuses = [EntryStatus.APPROVED] * 8 + [EntryStatus.PENDING, EntryStatus.REJECTED]
    big = awards[0]
    started = time.perf_counter()
    # Plain executemany: building a million model instances would measure Python, not the database.
    from django.db import connection, transaction

    table = HourEntry._meta.db_table
    columns = ["award_id", "activity_id", "activity_title", "date", "quarter", "volunteers", "hours",
               "description", "evidence", "evidence_kind", "status", "reason", "created_at"]
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608 - fixed names
    now = datetime.now(UTC)
    rows = []
    with transaction.atomic(), connection.cursor() as cursor:
        for n in range(args.entries):
            award_id, application_id, awarded_on = big if n < args.big_award_entries else awards[n % len(awards)]
            day = awarded_on + timedelta(days=rng.randrange(700))
            rows.append((award_id, activities[application_id].pk, "Repaircafé", day, HourEntry.quarter_of(day), 2,
                         Decimal(3), "", "", "", statuses[n % 10], "", now))
            if len(rows) >= 20_000:
                cursor.executemany(sql, rows)
                rows = []
        if rows:
            cursor.executemany(sql, rows)
    fill_seconds = time.perf_counter() - started
    # The award totals and quarter totals, the way the services keep them (one recount per award).
    from ontmoet.grants.services import refresh_totals

    for award in Award.objects.all():
        refresh_totals(award)
    user = create_user("benchmark.provincie@example.nl", "x-" * 8, "Bench", "Mark")
    assign_role(user, Role.PROVINCE_STAFF, province)
    return user, big[0], fill_seconds


def timed(function, repeat):
    function()  # warm-up (template loading, first query plans)
    times = []
    for _n in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def measure(args, user, big_award_id):
    from django.test import Client

    from ontmoet.grants import impact
    from ontmoet.grants.models import Award

    client = Client()
    client.force_login(user)

    def report_data():
        awards = Award.objects.all()
        impact.figures(awards), impact.by_municipality(awards), impact.by_kind(awards), impact.by_round(awards)
        impact.hours_per_quarter(awards)

    def page(url):
        def get():
            response = client.get(url)
            assert response.status_code == 200, response.status_code
        return get

    def page_cold(url):
        from django.core.cache import cache

        get = page(url)

        def run():
            cache.clear()  # the charts are drawn again, as after a change in the numbers
            get()
        return run

    return [
        ("portfolio impact figures (5 aggregate queries)", timed(report_data, args.repeat), 1000),
        ("portfolio impact page, charts drawn anew (cache cleared)",
         timed(page_cold("/sociale-hypotheek/impact/"), args.repeat), 1000),
        ("portfolio impact page /sociale-hypotheek/impact/, charts from the cache",
         timed(page("/sociale-hypotheek/impact/"), args.repeat), 1000),
        (f"award page with {args.big_award_entries:,} entries",
         timed(page(f"/sociale-hypotheek/toekenningen/{big_award_id}/"), args.repeat), 300),
    ]


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        setup_django(args, Path(workdir))
        try:
            from django.db import connection

            user, big_award_id, fill_seconds = fill(args)
            results = measure(args, user, big_award_id)
            engine = f"PostgreSQL {connection.cursor().connection.info.server_version}" if connection.vendor == \
                "postgresql" else f"SQLite {connection.Database.sqlite_version}"
        finally:
            drop_database(args)
    lines = [f"\n## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — Sociale Hypotheek ({engine})\n",
             f"- Command: `/work/main/.venv/bin/python benchmarks/grants.py --awards {args.awards} --entries "
             f"{args.entries}{' --database-url …' if args.database_url else ''}`",
             f"- Data: {args.awards:,} awards, {args.entries:,} hour entries ({args.big_award_entries:,} on one "
             f"award), inserted in {fill_seconds:.0f} s; in-process (Django test client), median and max of "
             f"{args.repeat} runs after one warm-up.",
             f"- Machine: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, Python "
             f"{platform.python_version()}; shared with other engineers' jobs at the time.\n",
             "| measured | median ms | max ms | target ms | met |", "|---|---:|---:|---:|---|"]
    for name, (median, worst), target in results:
        lines.append(f"| {name} | {median:.0f} | {worst:.0f} | {target} | {'yes' if median <= target else 'NO'} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.save:
        with open(ROOT / "benchmarks" / "RESULTS.md", "a", encoding="utf-8") as results_file:
            results_file.write(text)


if __name__ == "__main__":
    main()
