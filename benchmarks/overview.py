"""Benchmark of the overview with its work queues for province staff (issue 18; not a test).

Target: `/overzicht/` within 6× the trivial view's (`/gezondheid/`) server CPU per request, for province
staff at 10,000 places, 1,000,000 hour entries and 50,000 meldpunt questions. Builds a fresh database
(SQLite in a temporary folder, or PostgreSQL with --database-url, where `ontmoet_bench_overview_<pid>` is
created and dropped), fills it with bulk inserts, then requests both pages in-process through Django's
test client and measures the CPU time of this process per request (`time.process_time()`: with SQLite
that includes the database's work; with PostgreSQL the server's CPU is not counted, see README.md).
Prints a markdown block; with --save appends it to benchmarks/RESULTS.md.

    /work/main/.venv/bin/python benchmarks/overview.py [--places 10000] [--entries 1000000] [--questions 50000]
"""

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_RATIO = 6


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=10_000)
    parser.add_argument("--awards", type=int, default=2_000)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--pending-percent", type=float, default=2.0, help="share of hour entries not yet reviewed")
    parser.add_argument("--questions", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per page, after a warm-up")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--keep", metavar="DIR", default="",
                        help="SQLite only: keep the filled database in DIR and reuse it when DIR already holds one "
                             "(filled the same day: the queues depend on today); migrations run on it first")
    parser.add_argument("--save", action="store_true", help="append the result to benchmarks/RESULTS.md")
    return parser.parse_args()


def setup_django(args, workdir: Path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    os.environ["ONTMOET_DATA_DIR"] = str(workdir)
    if args.database_url:
        import psycopg

        name = f"ontmoet_bench_overview_{os.getpid()}"
        with psycopg.connect(args.database_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = f"{args.database_url.rsplit('/', 1)[0]}/{name}"
        args.created_database = name
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)


def drop_database(args):
    if getattr(args, "created_database", None):
        import psycopg
        from django.db import connections

        connections.close_all()
        with psycopg.connect(args.database_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{args.created_database}"')


def fill_places(rng, province):
    from django.utils import timezone

    from ontmoet.places.models import Place
    from ontmoet.regions.models import Municipality

    municipalities = list(Municipality.objects.filter(province=province))
    now = timezone.now()
    kinds = ["dorpshuis", "buurthuis", "mfa", "kulturhus", "wijkcentrum"]
    # A quarter never confirmed or longer than 12 months ago: the "not confirmed" queue.
    Place.objects.bulk_create([
        Place(code=f"B-{n:05d}", name=f"Plek {n}", kind=kinds[n % 5], email=f"plek{n}@example.nl",
              municipality=municipalities[n % len(municipalities)],
              last_verified_at=now - timedelta(days=rng.randrange(500)))
        for n in range(ARGS.places)], batch_size=2000)
    return list(Place.objects.filter(code__startswith="B-").order_by("code"))


def fill_grants(rng, province, places):
    from django.db import connection, transaction

    from ontmoet.grants.models import Application, Award, HourEntry, PlannedActivity, Round
    from ontmoet.grants.workflows import ApplicationStatus, AwardStatus, EntryStatus

    rounds = [Round.objects.create(province=province, name=f"Ronde {year}", year=year, budget=Decimal("10000000"),
                                   opens_on=date(year, 1, 1), closes_on=date(year, 12, 31))
              for year in (2022, 2023, 2024, 2025)]
    awarded = places[:ARGS.awards]
    Application.objects.bulk_create([Application(round=rounds[n % 4], place=place, status=ApplicationStatus.AWARDED,
                                                 planned_hours=600, amount=Decimal(9000))
                                     for n, place in enumerate(awarded)], batch_size=2000)
    # Applications waiting for the province, and some asking the place for information.
    waiting = [ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW, ApplicationStatus.INFO_REQUESTED]
    Application.objects.bulk_create([Application(round=rounds[3], place=place, status=waiting[n % 3],
                                                 planned_hours=300, amount=Decimal(4500))
                                     for n, place in enumerate(places[ARGS.awards:ARGS.awards + 300])])
    applications = list(Application.objects.filter(status=ApplicationStatus.AWARDED).order_by("pk"))
    PlannedActivity.objects.bulk_create([PlannedActivity(application=a, title="Repaircafé", planned_hours=600)
                                         for a in applications], batch_size=2000)
    activities = {a.application_id: a.pk for a in PlannedActivity.objects.all()}
    Award.objects.bulk_create([
        Award(code=f"SH-B-{n:05d}", round=a.round, place_id=a.place_id, application=a, amount=Decimal(9000),
              hours_due=600, awarded_on=date(a.round.year, 6, 1), due_date=date(a.round.year + 2, 6, 1),
              status=AwardStatus.SETTLEMENT_PROPOSED if n % 40 == 0 else AwardStatus.ACTIVE)
        for n, a in enumerate(applications)], batch_size=2000)
    awards = list(Award.objects.order_by("pk").values_list("pk", "application_id", "awarded_on"))
    pending_every = max(1, round(100 / ARGS.pending_percent)) if ARGS.pending_percent else 0
    table = HourEntry._meta.db_table
    columns = ["award_id", "activity_id", "activity_title", "date", "quarter", "volunteers", "hours",
               "description", "evidence", "evidence_kind", "status", "reason", "created_at"]
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
    now = datetime.now(UTC)
    rows = []
    # Plain executemany: a million model instances would measure Python, not the database.
    with transaction.atomic(), connection.cursor() as cursor:
        for n in range(ARGS.entries):
            award_id, application_id, awarded_on = awards[n % len(awards)]
            day = awarded_on + timedelta(days=rng.randrange(700))
            pending = pending_every and n % pending_every == 0
            status = EntryStatus.PENDING if pending else (EntryStatus.REJECTED if n % 50 == 1 else EntryStatus.APPROVED)
            rows.append((award_id, activities[application_id], "Repaircafé", day, HourEntry.quarter_of(day), 2,
                         Decimal(3), "", "", "", status, "", now))
            if len(rows) >= 20_000:
                cursor.executemany(sql, rows)
                rows = []
        if rows:
            cursor.executemany(sql, rows)


def fill_helpdesk(rng, province, places):
    from django.utils import timezone

    from ontmoet.helpdesk.models import Category, Expert, Question, Status

    now = timezone.now()
    today = timezone.localdate()
    experts = Expert.objects.bulk_create([
        Expert(province=province, name=f"Expert {n}", kind="adviser", email=f"expert{n}@example.nl", vetted_at=now,
               vetted_until=today + timedelta(days=rng.randrange(-30, 400))) for n in range(200)])
    categories = [c for c in Category.objects.all() if c.parent_id] or list(Category.objects.all())
    statuses = [Status.CLOSED, Status.RESOLVED, Status.IN_PROGRESS, Status.NEW, Status.WAITING, Status.TRIAGED]
    for start in range(0, ARGS.questions, 5000):
        batch = []
        for n in range(start, min(start + 5000, ARGS.questions)):
            created = now - timedelta(days=rng.randint(0, 720), hours=rng.randint(0, 23))
            status = rng.choices(statuses, weights=[60, 10, 14, 6, 5, 5])[0]
            new = status == Status.NEW
            question = Question(
                place=places[n % len(places)], category=rng.choice(categories), title=f"Vraag {n}",
                description="Het dak lekt sinds de storm.", status=status, created_at=created,
                expert=None if new and n % 2 else experts[n % len(experts)],
                resolution_due=(created + timedelta(days=14)).date(),
                first_response_due=(created + timedelta(days=3)).date(),
                resolved_at=created + timedelta(days=3) if status in (Status.CLOSED, Status.RESOLVED) else None,
                created_month=timezone.localdate(created).replace(day=1))
            question.record_durations()  # bulk_create skips save()
            batch.append(question)
        Question.objects.bulk_create(batch)


def fill_monitor(rng, province, places, user):
    from django.utils import timezone

    from ontmoet.monitor import services
    from ontmoet.monitor.models import CallLog, CallOutcome
    from ontmoet.monitor.tests.factories import shipped_questionnaire

    today = timezone.localdate()
    wave = services.create_wave(questionnaire=shipped_questionnaire(province), title="Monitor", year=today.year,
                                respondent_kind="place", opens_on=today - timedelta(days=10),
                                closes_on=today + timedelta(days=30))
    invitations = list(wave.invitations.values_list("pk", flat=True))
    CallLog.objects.bulk_create([CallLog(invitation_id=pk, by=user, outcome=CallOutcome.CALL_BACK,
                                         call_back_on=today + timedelta(days=rng.randrange(-3, 4)))
                                 for pk in rng.sample(invitations, min(1000, len(invitations)))])


def fill():
    from ontmoet.accounts.roles import Role
    from ontmoet.accounts.services import assign_role, create_user
    from ontmoet.regions.demo import load_overijssel

    rng = random.Random(18)  # noqa: S311 - benchmark data
    province = load_overijssel()
    started = time.perf_counter()
    places = fill_places(rng, province)
    user = create_user("benchmark.provincie@example.nl", "x-" * 8, "Bench", "Mark")
    assign_role(user, Role.PROVINCE_STAFF, province)
    fill_grants(rng, province, places)
    fill_helpdesk(rng, province, places)
    fill_monitor(rng, province, places, user)
    from django.db import connection

    with connection.cursor() as cursor:  # the planner statistics, as after an import (ADR 0008)
        cursor.execute("ANALYZE")
    write_everything()  # bulk loads send no signals: say so, as an import does
    return user, time.perf_counter() - started


def write_everything():
    """Replace the stamp of every content the overview keeps (core.stamps), as a write to each would: what
    is kept is then made again."""
    try:
        from ontmoet.core import stamps
    except ImportError:  # before ADR 0017 nothing was kept
        return
    from django.apps import apps

    stamps.written(*apps.get_models())


def reused_user():
    """The benchmark user of a kept database (--keep), so a second run measures without filling again."""
    from django.contrib.auth import get_user_model

    write_everything()  # the database may come from code that kept no stamps
    return get_user_model().objects.get(email="benchmark.provincie@example.nl"), 0.0


def measure(user):
    from django.test import Client

    client = Client()
    client.force_login(user)

    def cpu_per_request(*pages):
        """(url, text it must show, what to do untimed before each request) per page, one page after the other
        (alternating them would charge the overview's garbage collection to the trivial view's requests)."""
        for url, check, _before in pages:
            for _n in range(3):  # warm-up: templates, first query plans, the menu's fragment cache
                response = client.get(url)
                assert response.status_code == 200 and check in response.content.decode(), url
        cpu, wall = [[] for _page in pages], [[] for _page in pages]
        for index, (url, _check, before_each) in enumerate(pages):
            for _n in range(ARGS.requests):
                if before_each:  # not timed
                    before_each()
                started_cpu, started_wall = time.process_time(), time.perf_counter()
                response = client.get(url)
                cpu[index].append((time.process_time() - started_cpu) * 1000)
                wall[index].append((time.perf_counter() - started_wall) * 1000)
                assert response.status_code == 200
        found = [(statistics.mean(c), statistics.median(w), sorted(w)[int(len(w) * 0.95) - 1], statistics.median(c))
                 for c, w in zip(cpu, wall, strict=True)]
        return found if len(pages) > 1 else found[0]

    trivial, overview = cpu_per_request(("/gezondheid/", "", None), ("/overzicht/", "ontmoet-work-queue", None))
    # The worst case: every content written since the last request, so every provider counts again.
    after_write = cpu_per_request(("/overzicht/", "ontmoet-work-queue", write_everything))
    page = client.get("/overzicht/").content.decode()
    # The page around the figures (session, user, roles, menu, base template): the overview with neither.
    from ontmoet.core import views

    providers = views.work_items, views.dashboard_panels
    views.work_items = views.dashboard_panels = lambda request, scope: []
    try:
        bare = cpu_per_request(("/overzicht/", "ontmoet-work-queue", None))
    finally:
        views.work_items, views.dashboard_panels = providers
    return trivial, overview, after_write, bare, page.count('data-count="'), breakdown(user)


def breakdown(user):
    """CPU ms per call of each app's panels() and work_items() for this user: where the overview's time goes.
    Each is called alone, so figures a panel shares with the work queue (per request) count in both."""
    from django.test import RequestFactory

    from ontmoet.accounts.scoping import get_scope
    from ontmoet.core import panels

    def fresh():  # a new request each call: providers keep shared figures on the request
        request = RequestFactory().get("/overzicht/")
        request.user = user
        return request

    scope = get_scope(user)

    def cpu_ms(provider, function):
        provider(fresh(), scope)  # warm-up
        started = time.process_time()
        for _n in range(10):
            result = provider(fresh(), scope)
            if function == "panels":  # querysets handed to templates are evaluated there
                for panel in result:
                    for value in panel.context.values():
                        if hasattr(value, "_fetch_all"):
                            list(value)
        return (time.process_time() - started) * 100

    rows = []
    for function in ("work_items", "panels"):
        for provider in panels._providers(function):
            counting = getattr(provider, "__wrapped__", None)  # a kept provider (core.panels.kept): both ways
            rows.append((f"{provider.__module__}.{function}", cpu_ms(counting or provider, function),
                         cpu_ms(provider, function) if counting else None))
    return rows


def main():
    args = parse_args()
    global ARGS
    ARGS = args
    if args.keep and args.database_url:
        sys.exit("--keep is for SQLite only")
    with tempfile.TemporaryDirectory() as tempdir:
        workdir = Path(args.keep or tempdir)
        workdir.mkdir(parents=True, exist_ok=True)
        reuse = (workdir / "ontmoet.sqlite3").exists()
        setup_django(args, workdir)
        try:
            from django.db import connection

            user, fill_seconds = reused_user() if reuse else fill()
            trivial, overview, after_write, bare, queues, parts = measure(user)
            engine = f"PostgreSQL {connection.cursor().connection.info.server_version}" if connection.vendor == \
                "postgresql" else f"SQLite {connection.Database.sqlite_version}"
        finally:
            drop_database(args)
    ratio = overview[0] / trivial[0]
    median_ratio = overview[3] / trivial[3]
    lines = [f"\n## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — overview with work queues, province staff ({engine})\n",
             f"- Command: `/work/main/.venv/bin/python benchmarks/overview.py --places {args.places} --entries "
             f"{args.entries} --questions {args.questions}{' --database-url …' if args.database_url else ''}`",
             f"- Data: {args.places:,} places, {args.awards:,} awards with {args.entries:,} hour entries "
             f"({args.pending_percent:g} % not yet reviewed), {args.questions:,} meldpunt questions, 200 experts, one "
             f"open monitor wave with a call-back planned for 1,000 places; "
             f"{f'filled in {fill_seconds:.0f} s' if fill_seconds else 'database kept from an earlier run (--keep)'}. "
             f"In-process (Django test client), {args.requests} requests per page after 3 warm-ups; CPU is this "
             f"process's `time.process_time()` per request (with SQLite the database's work is included).",
             f"- Machine: {os.cpu_count()} CPUs (shared with seven other engineers' jobs), "
             f"{platform.processor() or platform.machine()}, Python {platform.python_version()}.\n",
             "| page | CPU ms / request (mean) | CPU ms median | wall ms median | wall ms p95 |",
             "|---|---:|---:|---:|---:|",
             *(f"| {name} | {row[0]:.1f} | {row[3]:.1f} | {row[1]:.1f} | {row[2]:.1f} |" for name, row in [
                 ("trivial view `/gezondheid/`", trivial), (f"`/overzicht/` ({queues} work-queue items)", overview),
                 ("`/overzicht/` after a write to everything it shows (nothing kept applies)", after_write),
                 ("`/overzicht/` without work queue and panels (the page around them)", bare)]),
             f"\nRatio overview / trivial CPU: **{ratio:.1f}×** (target ≤ {TARGET_RATIO}×: "
             f"{'met' if ratio <= TARGET_RATIO else 'NOT met'}); after a write to everything "
             f"{after_write[0] / trivial[0]:.1f}×; the page around the figures alone {bare[0] / trivial[0]:.1f}×; "
             f"on the medians {median_ratio:.1f}×.\n"]
    lines += ["Where the overview's CPU goes (each provider called alone, in-process, mean of 10 calls; counting: "
              "what it costs to make, kept: read back from the cache, for a provider wrapped in `kept`):\n",
              "| provider | CPU ms counting | CPU ms kept |", "|---|---:|---:|"]
    lines += [f"| `{name}` | {ms:.1f} | {'' if kept is None else f'{kept:.2f}'} |"
              for name, ms, kept in sorted(parts, key=lambda part: -part[1])]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.save:
        with open(ROOT / "benchmarks" / "RESULTS.md", "a", encoding="utf-8") as results_file:
            results_file.write(text)


ARGS = None

if __name__ == "__main__":
    main()
