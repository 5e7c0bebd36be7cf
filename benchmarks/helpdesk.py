"""Meldpunt benchmark: 50,000 questions and 10,000 articles, measured in-process with Django's client.

Targets from issue 6: article suggestions while typing p95 ≤ 100 ms; routing a new question ≤ 50 ms;
the province dashboard ≤ 1 s; the peer list ("Wie heeft dit eerder opgelost?") ≤ 200 ms.

    /work/main/.venv/bin/python benchmarks/helpdesk.py [--questions 50000] [--articles 10000]
        [--database-url postgres://...] [--no-save]

Without --database-url a fresh SQLite file in a temporary folder is used; with it, a fresh database on
that PostgreSQL server (dropped afterwards). The figures are one
client, no network: what the server spends per request. Appends a section to benchmarks/RESULTS.md.
"""

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = 6
WORDS = ["dak", "lekkage", "storm", "cv-ketel", "verwarming", "muizen", "ratten", "subsidie", "zonnepanelen",
         "vrijwilligers", "bestuur", "statuten", "verzekering", "huurcontract", "begroting", "exploitatie",
         "jongeren", "programma", "nieuwsbrief", "isolatie", "warmtepomp", "brandveiligheid", "vergunning",
         "schimmel", "riolering", "keuken", "kozijnen", "schilderwerk", "energierekening", "fondsen"]
TYPED = ["Het dak lekt boven de grote zaal na de storm", "De cv-ketel valt steeds uit in de avond",
         "Muizen in de keuken en de voorraadkast", "Subsidie voor zonnepanelen op ons dorpshuis",
         "Hoe vinden we nieuwe vrijwilligers voor de bar", "Energierekening veel hoger dan begroot",
         "Schimmel in de kelder door lekkage", "Vergunning voor een buitenactiviteit met muziek"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=50_000)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-save", action="store_true")
    return parser.parse_args()


def setup(args):
    sys.path.insert(0, str(ROOT))
    folder = tempfile.mkdtemp(prefix="ontmoet-helpdesk-bench-")
    os.environ["ONTMOET_DATA_DIR"] = folder
    if args.database_url:  # a fresh database on that server, dropped at the end
        sys.path.insert(0, str(HERE))
        from run import fresh_postgres_database

        os.environ["DATABASE_URL"] = fresh_postgres_database(args.database_url, "helpdesk")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    return folder


def seed(args):
    from django.db import transaction
    from django.utils import timezone

    from ontmoet.accounts.models import User
    from ontmoet.accounts.roles import Role
    from ontmoet.accounts.services import assign_role
    from ontmoet.helpdesk.models import (
        Article,
        Category,
        Expert,
        PeerProfile,
        Question,
        Rating,
        RoutingRule,
        Status,
    )
    from ontmoet.places.models import Place
    from ontmoet.regions.models import Municipality, Province

    rng = random.Random(SEED)
    province = Province.objects.get(code="PV23")
    municipalities = [Municipality.objects.get_or_create(code=f"GM9{n:03d}", defaults={
        "name": f"Benchgemeente {n}", "province": province})[0] for n in range(25)]
    places = Place.objects.bulk_create([
        Place(code=f"B-{n:04d}", name=f"Dorpshuis Bench {n}", kind="dorpshuis", municipality=municipalities[n % 25],
              latitude=Decimal(f"{52.2 + rng.random() * 0.6:.6f}"),
              longitude=Decimal(f"{6.0 + rng.random() * 0.9:.6f}"))
        for n in range(325)])
    categories = list(Category.objects.all())
    leaves = [c for c in categories if c.parent_id] + [c for c in categories if not c.parent_id and c.slug != "gebouw"]
    staff = User.objects.create_user("bench.staff@example.nl", "bench-password-123", first_name="Bench")
    assign_role(staff, Role.PROVINCE_STAFF, province)
    board = User.objects.create_user("bench.board@example.nl", "bench-password-123", first_name="Board")
    assign_role(board, Role.BOARD_MEMBER, places[0])
    expert = Expert.objects.create(province=province, name="Bench Expert", kind="adviser",
                                   vetted_at=timezone.now(), vetted_until=timezone.localdate() + timedelta(days=365))
    # 40 rules, the matching one near the end: routing walks most of the table.
    for order in range(40):
        RoutingRule.objects.create(province=province, order=order, municipality=municipalities[order % 25],
                                   place_kind="wijkcentrum", expert=expert)
    RoutingRule.objects.create(province=province, order=100, category=Category.objects.get(slug="gebouw"),
                               expert=expert)
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        for start in range(0, args.questions, 5000):
            batch = []
            for n in range(start, min(start + 5000, args.questions)):
                created = now - timedelta(days=rng.randint(0, 720), hours=rng.randint(0, 23))
                status = rng.choices([Status.CLOSED, Status.RESOLVED, Status.IN_PROGRESS, Status.NEW,
                                      Status.WAITING], weights=[60, 10, 15, 10, 5])[0]
                done = status in (Status.CLOSED, Status.RESOLVED)
                question = Question(
                    place=places[n % len(places)], category=rng.choice(leaves),
                    title=" ".join(rng.sample(WORDS, 3)).capitalize(),
                    description=" ".join(rng.sample(WORDS, 12)), status=status, created_at=created,
                    expert=expert, first_response_at=created + timedelta(hours=rng.randint(1, 60)),
                    resolved_at=created + timedelta(days=rng.randint(1, 20)) if done else None,
                    resolution_due=(created + timedelta(days=14)).date(),
                    first_response_due=(created + timedelta(days=3)).date(),
                    solution_summary=" ".join(rng.sample(WORDS, 6)) if done else "",
                    created_month=timezone.localdate(created).replace(day=1))
                question.record_durations()  # bulk_create skips save(): derive the dashboard fields here
                batch.append(question)
            Question.objects.bulk_create(batch)
        closed = list(Question.objects.filter(status=Status.CLOSED).values_list("pk", flat=True)[: args.questions // 3])
        Rating.objects.bulk_create([Rating(question_id=pk, score=rng.randint(1, 5)) for pk in closed])
        Article.objects.bulk_create([
            Article(title=" ".join(rng.sample(WORDS, 4)).capitalize(), summary=" ".join(rng.sample(WORDS, 8)),
                    body=" ".join(rng.sample(WORDS, 20)) * 5, category=rng.choice(categories), status="published",
                    visibility="public", published_at=now, view_count=rng.randint(0, 500))
            for _ in range(args.articles)])
        profiles = PeerProfile.objects.bulk_create([PeerProfile(place=place, opted_in=True)
                                                    for place in places[1:] if rng.random() < 0.4])
        for profile in profiles:
            profile.strengths.set(rng.sample(categories, 2))
    return {"staff": staff, "board": board, "place": places[0], "seconds": time.perf_counter() - started}


def timed(function, repeat):
    times = []
    for index in range(repeat):
        started = time.perf_counter()
        function(index)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50": statistics.median(times), "p95": times[max(0, int(len(times) * 0.95) - 1)], "max": times[-1]}


def measure(data):
    from django.test import Client

    from ontmoet.helpdesk import services
    from ontmoet.helpdesk.models import Category, Question
    from ontmoet.helpdesk.routing import route

    board, staff = Client(), Client()
    board.force_login(data["board"])
    staff.force_login(data["staff"])
    roof = Category.objects.get(slug="daklekkage")
    place = data["place"]

    def suggest(i):
        text = TYPED[i % len(TYPED)]
        response = board.get("/meldpunt/kennisbank/suggesties/", {"description": text[: 10 + i % 30]},
                             HTTP_HX_REQUEST="true")
        assert response.status_code == 200

    def routing(i):
        assert route(roof, place).expert is not None

    def create(i):
        services.create_question(place=place, category=roof, title="Lekkage in het dak",
                                 description="Het dak lekt boven de grote zaal sinds de storm.",
                                 asked_by=data["board"])

    question = Question.objects.filter(place=place).first()

    def peers(i):
        assert board.get(f"/meldpunt/vragen/{question.pk}/wie-heeft-dit-opgelost/").status_code == 200

    def dashboard(i):
        assert staff.get("/meldpunt/dashboard/").status_code == 200

    def dashboard_cold(i):
        from django.core.cache import cache

        cache.clear()  # charts are rendered again, as after any change in the figures
        dashboard(i)

    suggest(0), peers(0), dashboard(0)  # warm caches (templates, translations)
    return [
        ("article suggestions while typing (HTMX)", timed(suggest, 200), 100, "p95"),
        ("routing a new question (rule table)", timed(routing, 200), 50, "p95"),
        ("creating a routed question (service, incl. history and due dates)", timed(create, 50), 50, "p95"),
        ("peer list 'Wie heeft dit eerder opgelost?'", timed(peers, 30), 200, "p95"),
        ("province dashboard, charts rendered (first view after a change)", timed(dashboard_cold, 5), 1000, "p95"),
        ("province dashboard, charts from cache", timed(dashboard, 10), 1000, "p95"),
    ]


def main():
    args = parse_args()
    setup(args)
    from django.db import connection

    data = seed(args)
    results = measure(data)
    engine = connection.vendor
    if engine == "sqlite":
        version = connection.Database.sqlite_version
    else:
        version = connection.cursor().connection.info.server_version
    lines = [
        f"\n## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — meldpunt, {engine} {version}\n",
        f"- Data: {args.questions:,} questions, {args.articles:,} articles, 325 places, 41 routing rules "
        f"(seeded in {data['seconds']:.1f} s).",
        f"- Command: `/work/main/.venv/bin/python benchmarks/helpdesk.py"
        f"{' --database-url …' if args.database_url else ''}` (in-process Django client, one client).",
        f"- Machine: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}; load average at the end {os.getloadavg()[0]:.1f} "
        "(the machine is shared: figures are upper bounds).",
        "",
        "| measurement | p50 ms | p95 ms | max ms | target | met |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, figures, target, key in results:
        met = "yes" if figures[key] <= target else "NO"
        lines.append(f"| {name} | {figures['p50']:.1f} | {figures['p95']:.1f} | {figures['max']:.1f} | "
                     f"{key} ≤ {target} | {met} |")
    report = "\n".join(lines) + "\n"
    print(report)
    if not args.no_save:
        with (HERE / "RESULTS.md").open("a", encoding="utf-8") as handle:
            handle.write(report)


if __name__ == "__main__":
    main()
