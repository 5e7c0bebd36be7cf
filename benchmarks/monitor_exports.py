"""Monitor benchmark, the --exports part (issue 20): KoboToolbox exports against the plain import file.

A 40-question form in four groups; per size, the same answers imported three times into fresh databases, as
the plain import file, as a KoboToolbox CSV export and as the same export in XLSX. Run through monitor.py:

    /work/main/.venv/bin/python benchmarks/monitor.py --exports --sizes 2500 5000 10000
"""

import contextlib
import csv
import io
import os
import platform
import random
import time
from datetime import UTC, date, datetime

GROUPS = [f"deel_{g}" for g in range(4)]


KOBO_META = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
             "__version__", "_tags", "_index"]


def export_questions() -> list[tuple]:
    """(group, name, type, choices): per group 4 select_one, 3 select_multiple, 2 integer and 1 text."""
    questions = []
    for group in GROUPS:
        questions += [(group, f"{group}_een_{n}", "select_one", [f"k{i}" for i in range(5)]) for n in range(4)]
        questions += [(group, f"{group}_meer_{n}", "select_multiple", [f"m{i}" for i in range(6)]) for n in range(3)]
        questions += [(group, f"{group}_aantal_{n}", "integer", []) for n in range(2)]
        questions.append((group, f"{group}_tekst", "text", []))
    return questions


def export_form_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "constraint"])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    current = None
    for group, name, kind, options in export_questions():
        if group != current:
            if current:
                survey.append(["end_group", "", "", ""])
            survey.append(["begin_group", group, f"Deel {group}", ""])
            current = group
        survey.append([f"{kind} l_{name}" if options else kind, name, f"Vraag {name}",
                       ". >= 0 and . <= 1000" if kind == "integer" else ""])
        for option in options:
            choices.append([f"l_{name}", option, f"Keuze {option}"])
    survey.append(["end_group", "", "", ""])
    settings = workbook.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Benchmark exports", "benchmark_exports", "1"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_files(codes: list[str], rng: random.Random) -> dict:
    """The same answers as the plain import CSV, a KoboToolbox CSV export and the same export as XLSX."""
    from openpyxl import Workbook

    questions = export_questions()
    plain = [["respondent", *(name for _g, name, _k, _o in questions)]]
    kobo = [["start", "end", "today", "deviceid"]]
    for group, name, kind, options in questions:
        kobo[0].append(f"{group}/{name}")
        if kind == "select_multiple":
            kobo[0] += [f"{group}/{name}/{option}" for option in options]
    kobo[0] += ["meta/instanceID", *KOBO_META]
    for index, code in enumerate(codes, start=1):
        plain_row, kobo_row = [code], ["2026-03-01T09:00:00.000+01:00", "2026-03-01T09:20:00.000+01:00",
                                       "2026-03-01", "ee:bench"]
        for _group, _name, kind, options in questions:
            if kind == "select_one":
                value = rng.choice(options)
            elif kind == "select_multiple":
                chosen = rng.sample(options, rng.randint(1, 3))
                value = " ".join(option for option in options if option in chosen)
            elif kind == "integer":
                value = str(rng.randint(0, 200))
            else:
                value = "Een toelichting" if rng.random() < 0.2 else ""
            plain_row.append(value)
            kobo_row.append(value or "n/a")
            if kind == "select_multiple":
                kobo_row += ["True" if option in chosen else "False" for option in options]
        uuid = f"00000000-0000-4000-8000-{index:012d}"
        kobo_row += [f"uuid:{uuid}", index, uuid, "2026-03-01T08:20:00", "", "", "submitted_via_web",
                     f"gebruiker_{index}", "vBench", "", index]
        plain.append(plain_row)
        kobo.append(kobo_row)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Benchmark exports")
    for row in kobo:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return {"plain CSV": _csv(plain, ","), "Kobo CSV": _csv(kobo, ";"), "Kobo XLSX": buffer.getvalue()}


def _csv(rows: list, delimiter: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode()


def run_exports_size(size: int, fresh_places) -> list[dict]:
    """Each format imported into a fresh database: `fresh_places(size)` (monitor.py) makes one, with the places."""
    from ontmoet.monitor import services
    from ontmoet.monitor.importing import import_responses

    codes = [f"B-{n:06d}" for n in range(size)]
    files = export_files(codes, random.Random(size))
    mapping = {f"gebruiker_{index}": code for index, code in enumerate(codes, start=1)}
    results, answers = [], None
    for year, (label, data) in enumerate(files.items(), start=2026):
        # A fresh database per format: the second import would otherwise write into tables the first filled,
        # which costs more per row and made the later formats look slower.
        province, _codes = fresh_places(size)
        questionnaire = services.import_questionnaire(province, export_form_bytes(), "benchmark_exports.xlsx")
        wave = services.create_wave(questionnaire=questionnaire, title=label, year=year, respondent_kind="place",
                                    opens_on=date(year, 1, 1), closes_on=date(year, 12, 31))
        kobo = label.startswith("Kobo")
        options = {"respondent_column": "_submitted_by" if kobo else "", "mapping": mapping if kobo else None}
        name = "export.xlsx" if label.endswith("XLSX") else "export.csv"
        # Reading and checking alone first (what differs between the formats; the writing is the same),
        # with the table reader's own share (core.tabular.read_table) timed inside it.
        read_cpu = []
        check_cpu = time.process_time()
        with _timed_reader(read_cpu):
            assert import_responses(wave, name, data, dry_run=True, **options).ok
        check_cpu = time.process_time() - check_cpu
        started, cpu = time.perf_counter(), time.process_time()
        report = import_responses(wave, name, data, **options)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        assert report.written, (label, report.file_problems, report.row_problems[:3])
        stored = dict(wave.responses.values_list("invitation__place__code", "data"))
        assert answers is None or stored == answers, f"{label} stored other answers than the plain file"
        answers = stored
        results.append({"size": size, "format": label, "columns": len(report.ignored_columns), "bytes": len(data),
                        "import_s": wall, "import_cpu": cpu, "check_cpu": check_cpu, "read_cpu": sum(read_cpu),
                        "load": os.getloadavg()[0]})
    return results


@contextlib.contextmanager
def _timed_reader(spent: list):
    """CPU seconds spent in the monitor import's table reader, appended to `spent` while inside."""
    from ontmoet.monitor import importing

    real = importing.read_table

    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            spent.append(time.process_time() - started)

    importing.read_table = timed
    try:
        yield
    finally:
        importing.read_table = real


def render_exports(rows: list[dict], args) -> str:
    import django

    lines = [
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — monitor: KoboToolbox exports against the plain import file",
        "",
        f"- Command: `/work/main/.venv/bin/python benchmarks/monitor.py --exports --sizes "
        f"{' '.join(map(str, args.sizes))}`",
        f"- Machine: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}, Django {django.get_version()}; shared with other work (load below).",
        "- Form: 40 questions in 4 groups (16 select_one, 12 select_multiple with 6 choices, 8 integer with a "
        "constraint, 4 text). Kobo: 112 columns of answers (72 True/False choice columns) and 15 of metadata.",
        "- Each import: read, check every row, write all, into a fresh database and wave, timed once; the stored "
        "answers of the three formats are compared and equal.",
        "",
        "- Read + check: the same import with dry_run (nothing written), CPU ms per row, run just before; read: "
        "the table reader's share of it (core.tabular.read_table).",
        "",
        "| responses | format | file MB | import s (CPU s) | ms per row (CPU) | vs plain (CPU) | read + check CPU ms "
        "per row | vs plain | read CPU ms per row | vs plain | load |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    plain = {row["size"]: row for row in rows if row["format"] == "plain CSV"}
    for row in rows:
        base = plain[row["size"]]
        lines.append(f"| {row['size']:,} | {row['format']} | {row['bytes'] / 1e6:.1f} | {row['import_s']:.1f} "
                     f"({row['import_cpu']:.1f}) | {1000 * row['import_s'] / row['size']:.2f} "
                     f"({1000 * row['import_cpu'] / row['size']:.2f}) | "
                     f"{row['import_cpu'] / base['import_cpu']:.2f}× | {1000 * row['check_cpu'] / row['size']:.2f} | "
                     f"{row['check_cpu'] / base['check_cpu']:.2f}× | {1000 * row['read_cpu'] / row['size']:.3f} | "
                     f"{row['read_cpu'] / base['read_cpu']:.2f}× | {row['load']:.1f} |")
    return "\n".join(lines) + "\n"
