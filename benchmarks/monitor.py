"""Monitor benchmark: import N responses to a 20-question form, then the JSON report vs plain SQL.

For every size: a fresh database (SQLite file in a temporary folder, or PostgreSQL via
--database-url, a throwaway database is created and dropped), N places, a wave, a generated
Kobo-style CSV with N rows, then

- the import (read, check every row, write all: `importing.import_responses`), timed once;
- the JSON report (`report.build_report` + `json.dumps`) and a plain SQL aggregate computing the same
  counts (per question and choice, and per question the number of respondents who answered),
  measured side by side, alternating, 5 times each; the median is reported.

Targets (issue 4): at 10,000 responses the report ≤ 2 s and within 3× of the SQL; import ≤ 20 s.

With --exports (issue 20): a 40-question form in four groups; per size, the same answers imported three
times into fresh waves, as the plain import file (`respondent` + bare names, choices space-separated),
as a KoboToolbox CSV export (group-prefixed headers, True/False columns per choice, Kobo's metadata, the
respondent in `_submitted_by` through a mapping table) and as the same export in XLSX. Reports the time
per row of each, and the Kobo/plain ratio; per-row times that stay flat across sizes mean linear time.
That part lives in monitor_exports.py.

    /work/main/.venv/bin/python benchmarks/monitor.py [--sizes 10000 100000] [--database-url postgres://…]
    /work/main/.venv/bin/python benchmarks/monitor.py --exports --sizes 2500 5000 10000
"""

import argparse
import csv
import io
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_SIZE, TARGET_REPORT_S, TARGET_RATIO, TARGET_IMPORT_S = 10_000, 2.0, 3.0, 20.0

SELECT_ONE = [(f"keuze_{n}", [f"k{i}" for i in range(4 + n % 4)]) for n in range(10)]
SELECT_MULTIPLE = [(f"meer_{n}", [f"m{i}" for i in range(6 + n)]) for n in range(6)]
INTEGERS = ["aantal_0", "aantal_1", "aantal_2"]
TEXTS = ["toelichting"]


def form_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(["type", "name", "label::Nederlands (nl)", "relevant", "constraint"])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label::Nederlands (nl)"])
    for name, options in SELECT_ONE:
        survey.append([f"select_one l_{name}", name, f"Vraag {name}", "", ""])
        for option in options:
            choices.append([f"l_{name}", option, f"Keuze {option}"])
    for name, options in SELECT_MULTIPLE:
        survey.append([f"select_multiple l_{name}", name, f"Vraag {name}", "${keuze_0} != 'k3'", ""])
        for option in options:
            choices.append([f"l_{name}", option, f"Keuze {option}"])
    for name in INTEGERS:
        survey.append(["integer", name, f"Vraag {name}", "", ". >= 0 and . <= 1000"])
    for name in TEXTS:
        survey.append(["text", name, "Toelichting", "", ""])
    settings = workbook.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Benchmark", "benchmark", "1"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def responses_csv(codes: list[str], rng: random.Random) -> bytes:
    header = ["respondent"] + [n for n, _ in SELECT_ONE] + [n for n, _ in SELECT_MULTIPLE] + INTEGERS + TEXTS
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for code in codes:
        row = [code] + [rng.choice(options) for _n, options in SELECT_ONE]
        hidden = row[1] == "k3"
        row += ["" if hidden else " ".join(rng.sample(options, rng.randint(1, 3))) for _n, options in SELECT_MULTIPLE]
        row += [str(rng.randint(0, 200)) for _ in INTEGERS]
        row += ["Een toelichting" if rng.random() < 0.2 else ""]
        writer.writerow(row)
    return buffer.getvalue().encode()


def sql_aggregate(wave_id: int):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT question, choice, COUNT(*) FROM monitor_answer WHERE wave_id = %s AND choice <> '' "
                       "GROUP BY question, choice", [wave_id])
        counts = cursor.fetchall()
        cursor.execute("SELECT question, COUNT(DISTINCT response_id) FROM monitor_answer WHERE wave_id = %s "
                       "GROUP BY question", [wave_id])
        answered = cursor.fetchall()
    return counts, answered


def _places(size: int):
    """A fresh database with `size` places in 25 municipalities of one province."""
    from django.core.management import call_command

    from ontmoet.places.models import Place
    from ontmoet.regions.models import Municipality, Province

    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)  # provinces come back through post_migrate
    province = Province.objects.get(code="PV23")
    Municipality.objects.bulk_create(
        [Municipality(code=f"GM{9000 + n:04d}", name=f"Gemeente {n}", province=province) for n in range(25)])
    municipalities = list(Municipality.objects.filter(province=province))
    codes = [f"B-{n:06d}" for n in range(size)]
    Place.objects.bulk_create([Place(code=code, name=f"Plek {code}", kind="dorpshuis",
                                     municipality=municipalities[n % len(municipalities)])
                               for n, code in enumerate(codes)], batch_size=5000)
    return province, codes


def run_size(size: int) -> dict:
    from django.db import connection

    from ontmoet.monitor import services
    from ontmoet.monitor.importing import import_responses
    from ontmoet.monitor.report import build_report

    province, codes = _places(size)
    questionnaire = services.import_questionnaire(province, form_bytes(), "benchmark.xlsx")
    wave = services.create_wave(questionnaire=questionnaire, title="Benchmark", year=2026, respondent_kind="place",
                                opens_on=date(2026, 1, 1), closes_on=date(2026, 12, 31))
    data = responses_csv(codes, random.Random(size))

    started, cpu = time.perf_counter(), time.process_time()
    report = import_responses(wave, "antwoorden.csv", data)
    import_s, import_cpu = time.perf_counter() - started, time.process_time() - cpu
    assert report.written, (report.file_problems, report.row_problems[:3])
    answers = wave.responses.count()
    from ontmoet.monitor.models import Answer

    answer_rows = Answer.objects.filter(wave=wave).count()

    report_times, sql_times, report_cpu, sql_cpu = [], [], [], []
    for _ in range(5):
        started, cpu = time.perf_counter(), time.process_time()
        body = json.dumps(build_report(wave), ensure_ascii=False)
        report_times.append(time.perf_counter() - started)
        report_cpu.append(time.process_time() - cpu)
        started, cpu = time.perf_counter(), time.process_time()
        counts, answered = sql_aggregate(wave.pk)
        sql_times.append(time.perf_counter() - started)
        sql_cpu.append(time.process_time() - cpu)
    # the same numbers, or the comparison means nothing
    parsed = json.loads(body)
    from_report = {(q["name"], c["name"]): c["count"] for q in parsed["questions"] for c in q.get("choices", [])
                   if c["count"]}
    assert from_report == {(q, c): n for q, c, n in counts}
    assert {q["name"]: q["n_answered"] for q in parsed["questions"] if q["n_answered"]} == dict(answered)
    return {"size": size, "responses": answers, "answer_rows": answer_rows, "import_s": import_s,
            "import_cpu": import_cpu, "report_s": statistics.median(report_times),
            "sql_s": statistics.median(sql_times), "report_cpu": statistics.median(report_cpu),
            "sql_cpu": statistics.median(sql_cpu), "load": os.getloadavg()[0],
            "json_kb": len(body) / 1024, "vendor": connection.vendor}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--database-url", default="", help="PostgreSQL server URL; default: a temporary SQLite.")
    parser.add_argument("--no-save", action="store_true", help="Do not append to benchmarks/RESULTS.md.")
    parser.add_argument("--exports", action="store_true",
                        help="Time KoboToolbox exports against the plain import file instead (issue 20).")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="ontmoet-monitor-bench-")
    os.environ["ONTMOET_DATA_DIR"] = folder
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url.rstrip("/") + "/ontmoet_monitor_bench"
        _create_pg_database(args.database_url)
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    sys.path.insert(0, str(ROOT))
    import django
    import monitor_exports

    django.setup()
    rows = []
    for size in args.sizes:
        print(f"== {size:,} responses × {40 if args.exports else 20} questions", flush=True)
        result = monitor_exports.run_exports_size(size, _places) if args.exports else [run_size(size)]
        print(json.dumps(result), flush=True)
        rows.extend(result)
    text = monitor_exports.render_exports(rows, args) if args.exports else render(rows, args)
    print(text)
    if not args.no_save:
        with open(HERE / "RESULTS.md", "a") as results:
            results.write("\n" + text)


def _create_pg_database(url: str) -> None:
    import psycopg

    with psycopg.connect(url.rstrip("/") + "/postgres", autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS ontmoet_monitor_bench")
        connection.execute("CREATE DATABASE ontmoet_monitor_bench")


def render(rows: list[dict], args) -> str:
    import django
    from django.db import connection

    vendor = f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}"
    lines = [
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — monitor: import and JSON report ({vendor.strip()})",
        "",
        f"- Command: `/work/main/.venv/bin/python benchmarks/monitor.py --sizes {' '.join(map(str, args.sizes))}"
        + (" --database-url …`" if args.database_url else "`"),
        f"- Machine: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}, Django {django.get_version()}; shared with other work.",
        "- Form: 20 questions (10 select_one, 6 select_multiple with skip logic, 3 integer, 1 text); report and "
        "SQL: median of 5 runs, alternating.",
        "",
        "Wall-clock seconds, with the CPU seconds of the process in brackets (SQLite runs in the process, so its",
        "work counts too; on PostgreSQL the server's CPU is not in the brackets). Load = 1-minute load average.",
        "",
        "| responses | answer rows | import s | JSON report s | plain SQL s | report / SQL | JSON kB | load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(f"| {row['responses']:,} | {row['answer_rows']:,} | {row['import_s']:.1f} "
                     f"({row['import_cpu']:.1f}) | {row['report_s']:.2f} ({row['report_cpu']:.2f}) | "
                     f"{row['sql_s']:.2f} ({row['sql_cpu']:.2f}) | {row['report_s'] / row['sql_s']:.2f}× | "
                     f"{row['json_kb']:.0f} | {row['load']:.1f} |")
    target = next((r for r in rows if r["size"] == TARGET_SIZE), None)
    if target:
        ratio = target["report_s"] / target["sql_s"]
        lines += ["", f"Targets at {TARGET_SIZE:,} responses: report {target['report_s']:.2f} s "
                  f"(≤ {TARGET_REPORT_S} s: "
                  f"{'met' if target['report_s'] <= TARGET_REPORT_S else 'NOT met'}), {ratio:.2f}× the SQL (≤ 3×: "
                  f"{'met' if ratio <= TARGET_RATIO else 'NOT met'}), import {target['import_s']:.1f} s (≤ 20 s: "
                  f"{'met' if target['import_s'] <= TARGET_IMPORT_S else 'NOT met'})."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
