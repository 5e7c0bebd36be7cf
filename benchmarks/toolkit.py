"""Render time of every toolkit page for a complete initiative with a five-year budget of 50 lines.

In-process (Django's test client, DEBUG off) on a fresh SQLite database in a temporary folder, or on
--database-url. Every page is requested --runs times after one warm-up; the PDF of the complete
initiative --pdf-runs times. Targets from issue 7: every tool page ≤ 200 ms, the PDF ≤ 3 s.
Prints a markdown table and appends it to benchmarks/RESULTS.md (unless --no-save).

    /work/main/.venv/bin/python benchmarks/toolkit.py [--runs 20] [--pdf-runs 5] [--database-url ...]
"""

import argparse
import os
import shlex
import statistics
import sys
import tempfile
import time
from datetime import datetime
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

PAGE_TARGET_MS, PDF_TARGET_S, LINES = 200, 3.0, 50


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pdf-runs", type=int, default=5)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-save", action="store_true")
    return parser.parse_args()


def setup_django(args, folder):
    os.environ["DJANGO_SETTINGS_MODULE"] = "ontmoet.settings"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["ONTMOET_DATA_DIR"] = folder
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    if args.database_url:  # a fresh database on that server, dropped at the end
        sys.path.insert(0, str(HERE))
        from run import fresh_postgres_database

        os.environ["DATABASE_URL"] = fresh_postgres_database(args.database_url, "toolkit")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)


def build_world():
    from ontmoet.accounts.roles import Role
    from ontmoet.accounts.services import assign_role, create_user
    from ontmoet.places.models import Place
    from ontmoet.regions.models import Municipality, Province
    from ontmoet.toolkit import budget as budget_calc
    from ontmoet.toolkit import decision_trees, services
    from ontmoet.toolkit.models import (
        Budget,
        BudgetLine,
        DesignChecklist,
        Initiative,
        Quickscan,
        SocialManagement,
        TypologyAdvice,
    )

    province = Province.objects.get(code="PV23")
    municipality, _ = Municipality.objects.get_or_create(code="GM0177", defaults={"name": "Raalte",
                                                                                  "province": province})
    user = create_user("bench.initiator@example.nl", "bench-password-1234", "Bench", "Initiatief")
    assign_role(user, Role.INITIATOR, province)
    for n in range(30):
        Place.objects.create(code=f"BENCH-{n:03d}", name=f"Ontmoetingsruimte {n}", kind="wooncomplex",
                             typology="55plus", municipality=municipality,
                             opening_hours={"ma": ["09:00-12:00"], "do": ["13:30-17:00"]})
    initiative = services.create_initiative(Initiative(name="Benchmark 55+", municipality=municipality,
                                                       typology="55plus"), user)
    Quickscan.objects.create(initiative=initiative, status="besloten", decision="go", goal="Ontmoeting " * 40,
                             decision_reasons="Draagvlak " * 30,
                             partner_talks=[{"who": f"Partner {i}", "role": "Rol", "commitment": "Inzet"}
                                            for i in range(6)],
                             location_candidates=[{"name": f"Locatie {i}", "notes": "Notitie"} for i in range(4)])
    TypologyAdvice.objects.create(initiative=initiative, answers={"schaal": 1, "huiselijkheid": 2, "gerichtheid": 0})
    SocialManagement.objects.create(initiative=initiative, rows=[
        {"stakeholder": "beheergroep", "who": f"Persoon {i}", "tasks": "Taken", "agreed_by": "Corporatie"}
        for i in range(10)])
    DesignChecklist.objects.create(initiative=initiative, checked=["zichtbaar", "toilet"])
    budget = Budget.objects.create(initiative=initiative, start_year=2027, indexation=Decimal("2.5"),
                                   energy_change=Decimal("5"), opening_hours_per_week=Decimal("24"),
                                   visitors_per_week=80)
    costs = [key for key, _label in budget_calc.COST_CATEGORIES]
    incomes = [key for key, _label in budget_calc.INCOME_CATEGORIES]
    for n in range(LINES):
        cost = n % 2 == 0
        BudgetLine.objects.create(budget=budget, direction="kosten" if cost else "inkomsten",
                                  category=(costs if cost else incomes)[n % 7], label=f"Regel {n}",
                                  quantity=Decimal("12"), unit_amount=Decimal("100") + n, position=n)
    for slug in decision_trees.TREE_SLUGS:
        tree, _ = decision_trees.parse_tree(decision_trees.shipped_text(slug), f"{slug}.yaml")
        services.save_tree_walk(initiative, tree, 0, decision_trees.walk(tree, [0, 0, 0]), user)
    return user, initiative


def timed(client, url, runs):
    """Wall-clock and CPU milliseconds per request. On a shared machine the wall clock includes waiting
    for a CPU; the process's CPU time is what the request itself costs."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, url
    return wall, cpu


def p95(values):
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="ontmoet-bench-toolkit-") as folder:
        setup_django(args, folder)
        from django.db import connection
        from django.test import Client
        from django.urls import reverse
        from run import machine_info

        user, initiative = build_world()
        client = Client()
        client.force_login(user)
        pk = initiative.pk
        pages = [("Initiatief", reverse("toolkit:detail", args=[pk])),
                 ("Quickscan", reverse("toolkit:quickscan", args=[pk])),
                 ("Typologie", reverse("toolkit:typology", args=[pk])),
                 ("Sociaal beheer", reverse("toolkit:social", args=[pk])),
                 ("Fysiek ontwerp", reverse("toolkit:design", args=[pk])),
                 ("Begroting (50 regels)", reverse("toolkit:budget", args=[pk])),
                 ("Begroting XLSX", reverse("toolkit:budget_xlsx", args=[pk])),
                 ("Beslisboom (vraag)", reverse("toolkit:tree_walk", args=[pk, "bewonersbeheer"])),
                 ("Beslisboom (advies)", reverse("toolkit:tree_walk", args=[pk, "bewonersbeheer"]) + "?pad=1.0"),
                 ("Partners", reverse("toolkit:partners", args=[pk])),
                 ("Initiatieven", reverse("toolkit:list"))]
        rows = []
        load_before = os.getloadavg()[0]
        for name, url in pages:
            wall, cpu = timed(client, url, args.runs)
            rows.append((name, statistics.median(wall), p95(wall), statistics.median(cpu), p95(cpu)))
            print(f"{name:28} wall median {rows[-1][1]:7.1f} p95 {rows[-1][2]:7.1f} ms · CPU median "
                  f"{rows[-1][3]:7.1f} p95 {rows[-1][4]:7.1f} ms", flush=True)
        pdf_wall, pdf_cpu = timed(client, reverse("toolkit:pdf", args=[pk]), args.pdf_runs)
        pdf_s, pdf_cpu_s = [d / 1000 for d in pdf_wall], [d / 1000 for d in pdf_cpu]
        print(f"{'PDF (compleet)':28} wall median {statistics.median(pdf_s):.2f} s max {max(pdf_s):.2f} s · "
              f"CPU median {statistics.median(pdf_cpu_s):.2f} s max {max(pdf_cpu_s):.2f} s")
        load_after = os.getloadavg()[0]
        vendor = f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}"
    machine = machine_info()
    command = "/work/main/.venv/bin/python " + shlex.join([os.path.relpath(__file__, ROOT), *sys.argv[1:]])
    lines = [f"## {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} — toolkit pages ({vendor.strip()})", "",
             f"- Command: `{command}`",
             f"- Machine: {machine['nproc']} CPUs ({machine['cpu']}), {machine['memory']} RAM, "
             f"Python {machine['python']}, {machine['os']} (shared with other jobs while measured)",
             f"- One complete initiative, budget of {LINES} lines over 5 years, 5 walked trees, 30 similar places;"
             f" in-process test client, DEBUG off, {args.runs} runs per page after a warm-up",
             f"- Load average (1 min) {load_before:.1f} before and {load_after:.1f} after: wall-clock times include "
             "waiting for a CPU; CPU time is the cost of the request itself", "",
             f"| page | wall median ms | wall p95 ms | CPU median ms | CPU p95 ms | p95 ≤ {PAGE_TARGET_MS} ms "
             "(wall / CPU) |", "|---|---:|---:|---:|---:|:---:|"]
    lines += [f"| {name} | {wm:.1f} | {wp:.1f} | {cm:.1f} | {cp:.1f} | "
              f"{'yes' if wp <= PAGE_TARGET_MS else 'NO'} / {'yes' if cp <= PAGE_TARGET_MS else 'NO'} |"
              for name, wm, wp, cm, cp in rows]
    lines += ["", f"PDF of the complete initiative over {args.pdf_runs} runs: wall median "
              f"{statistics.median(pdf_s):.2f} s, max {max(pdf_s):.2f} s; CPU median {statistics.median(pdf_cpu_s):.2f}"
              f" s, max {max(pdf_cpu_s):.2f} s (target ≤ {PDF_TARGET_S:.0f} s, wall / CPU: "
              f"{'yes' if max(pdf_s) <= PDF_TARGET_S else 'NO'} / "
              f"{'yes' if max(pdf_cpu_s) <= PDF_TARGET_S else 'NO'}).", ""]
    report = "\n".join(lines)
    print(report)
    if not args.no_save:
        with (HERE / "RESULTS.md").open("a", encoding="utf-8") as results:
            results.write("\n" + report + "\n")


if __name__ == "__main__":
    main()
