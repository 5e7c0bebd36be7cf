"""Faults: kill -9 during a monitor response import, a places import and grant submissions; afterwards
nothing is half-written (checked in the database) and the application answers.

One SQLite database is prepared once: 10,000 places in Overijssel, a 20-question monitor wave for
all of them, a province officer, a 10,000-row response file, a places file of new places
(1,000 rows by default: the places import writes history and the search index row by row) and
complete Sociale Hypotheek drafts of 30 places (--grant-drafts), each with its own board member.
Each run is first done to the end on a copy to learn how long it takes; then, for each fraction of
that time, the prepared database is restored, the command started as a separate process, and
killed with SIGKILL at that moment. The grant run submits every draft in turn through the submit
service (grants.services.submit, as the submit button does), each confirmation mail with the
application PDF delivered after its commit (core.mail, the in-process task backend). After each kill:

- the database is checked: the wave has 0 or all 10,000 responses (answers likewise), the register
  has the places from before or all the new ones too (and history rows to match) — never a part;
  each grant application is either a draft with no submission time, no history move and no mail,
  or submitted with its time, exactly one history move and exactly one confirmation keyed on it;
  then `send_pending_mail` runs and the confirmations cut off by the kill are counted again (and once
  more as if the 15 minutes after which a message cut off while sending is retried had passed);
- SQLite's `PRAGMA integrity_check` says "ok";
- a fresh process serves /gezondheid/ and the monitor's JSON report with status 200.

On PostgreSQL (--database-url postgres://USER@HOST:PORT/NAME, a server of one's own: the database NAME
is dropped and made again) the prepared database is kept as a template, NAME_pristine, and each run
starts on a fresh copy of it (DROP DATABASE ... WITH (FORCE), CREATE DATABASE ... TEMPLATE); the
integrity check is then PostgreSQL's own business ("n/a").

    /work/main/.venv/bin/python benchmarks/faults.py [--rows 10000] [--place-rows 1000] [--grant-drafts 30]
        [--fractions 0.2 0.5 0.8 0.95] [--kinds monitor places grants] [--database-url postgres://...]
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
OFFICER = "faults@provincie.example"


DATABASE_URL = ""  # empty: a SQLite file in the run's folder


def _env(folder: Path) -> dict:
    url = DATABASE_URL or f"sqlite:///{folder}/faults.sqlite3"
    return {**os.environ, "ONTMOET_DATA_DIR": str(folder), "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "ontmoet.settings", "PYTHONPATH": str(ROOT),
            # Mail is "sent" in memory: the outbox row still goes pending -> sending -> sent.
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}


def prepare_grants(province, drafts: int) -> None:
    """Complete drafts in one open round, one board member per place, as the grants tests make them."""
    from ontmoet.accounts.models import User
    from ontmoet.accounts.roles import Role
    from ontmoet.accounts.services import assign_role
    from ontmoet.grants.tests.factories import RoundFactory, complete_draft
    from ontmoet.places.models import Place
    from ontmoet.regions.models import Municipality

    round_ = RoundFactory(province=province, name="Faults")
    municipality = Municipality.objects.filter(province=province).order_by("code").first()
    for n in range(drafts):
        place = Place.objects.create(code=f"G-{n:04d}", name=f"Dorpshuis {n}", kind="dorpshuis",
                                     municipality=municipality)
        board = User.objects.create_user(email=f"bestuur{n}@plek.example", password="faults-password-0123")  # noqa: S106
        assign_role(board, Role.BOARD_MEMBER, place)
        complete_draft(place, round_, board)


def submit_all() -> None:
    """Runs in a child process (`faults.py --submit`): every draft submitted in turn, as its board would."""
    import django

    django.setup()
    from ontmoet.grants import services
    from ontmoet.grants.models import Application

    for application in Application.objects.filter(round__name="Faults", status="draft").order_by("pk"):
        services.submit(application.pk, application.created_by)


def grant_state() -> dict:
    """Each application whole (draft, or submitted with one move and one confirmation), and the outbox."""
    from io import StringIO

    from django.core.management import call_command
    from django.db.models import Count, F

    from ontmoet.core.mail import STALE_SENDING
    from ontmoet.core.models import OutboundMail
    from ontmoet.grants.models import Application, StatusChange

    applications = Application.objects.filter(round__name="Faults")
    submitted = set(applications.filter(status="submitted", submitted_at__isnull=False).values_list("pk", flat=True))
    drafts = set(applications.filter(status="draft", submitted_at__isnull=True).values_list("pk", flat=True))
    moves = dict(StatusChange.objects.filter(application__in=applications, to_status="submitted")
                 .values_list("pk", "application_id"))
    mails = OutboundMail.objects.filter(key__startswith="grants.submitted:")
    keys = set(mails.values_list("key", flat=True))
    whole = (len(submitted) + len(drafts) == applications.count()
             and sorted(moves.values()) == sorted(submitted)
             and keys == {f"grants.submitted:{pk}" for pk in moves} and mails.count() == len(keys))
    outbox = dict(mails.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    call_command("send_pending_mail", stdout=StringIO())
    retried = dict(mails.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    # A message cut off while sending is retried once STALE_SENDING has passed: move its clock on.
    mails.filter(status=OutboundMail.Status.SENDING).update(next_attempt_at=F("next_attempt_at") - STALE_SENDING)
    call_command("send_pending_mail", stdout=StringIO())
    later = dict(mails.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {"grant_submitted": len(submitted), "grant_drafts": len(drafts), "grant_whole": whole,
            "outbox": outbox, "outbox_after_send_pending_mail": retried, "outbox_after_stale_sending": later}


def prepare(folder: Path, rows: int, place_rows: int, drafts: int = 30) -> dict:
    """Runs in a child process (`faults.py --prepare`): the database and the two files."""
    import django

    django.setup()
    sys.path.insert(0, str(HERE))
    import monitor as monitor_bench
    from django.core.management import call_command

    from ontmoet.accounts.models import User
    from ontmoet.accounts.roles import Role
    from ontmoet.accounts.services import assign_role
    from ontmoet.monitor import services
    from ontmoet.places.models import Place
    from ontmoet.regions.models import Municipality, Province

    call_command("migrate", verbosity=0)
    province = Province.objects.get(code="PV23")
    Municipality.objects.bulk_create(
        [Municipality(code=f"GM{9000 + n:04d}", name=f"Gemeente {n}", province=province) for n in range(25)])
    municipalities = list(Municipality.objects.filter(province=province))
    codes = [f"B-{n:06d}" for n in range(rows)]
    Place.objects.bulk_create([Place(code=code, name=f"Plek {code}", kind="dorpshuis",
                                     municipality=municipalities[n % len(municipalities)])
                               for n, code in enumerate(codes)], batch_size=5000)
    questionnaire = services.import_questionnaire(province, monitor_bench.form_bytes(), "faults.xlsx")
    wave = services.create_wave(questionnaire=questionnaire, title="Faults", year=2026, respondent_kind="place",
                                opens_on=__import__("datetime").date(2026, 1, 1),
                                closes_on=__import__("datetime").date(2026, 12, 31))
    (folder / "antwoorden.csv").write_bytes(monitor_bench.responses_csv(codes, random.Random(rows)))
    officer = User.objects.create_user(email=OFFICER, password="faults-password-0123")  # noqa: S106
    assign_role(officer, Role.PROVINCE_STAFF, province)
    lines = ["code,naam,soort,gemeente,plaats,omschrijving"]
    lines += [f"N-{n:06d},Nieuwe plek {n},buurthuis,{municipalities[n % len(municipalities)].code},Zwolle,"
              f"Een plek voor de buurt nummer {n}" for n in range(place_rows)]
    (folder / "plekken.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    prepare_grants(province, drafts)
    return {"wave": wave.pk}


def state(folder: Path, wave: int) -> dict:
    """Runs in a child process (`faults.py --state`): counts, integrity, and whether the app answers."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from ontmoet.accounts.models import User
    from ontmoet.monitor.models import Answer, Response
    from ontmoet.places.models import Place

    integrity = "n/a"
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            integrity = cursor.execute("PRAGMA integrity_check").fetchone()[0]
    client = Client()
    health = client.get("/gezondheid/").status_code
    client.force_login(User.objects.get(email=OFFICER))
    report = client.get(f"/monitor/uitvragen/{wave}/rapport.json").status_code
    return {"responses": Response.objects.filter(wave_id=wave).count(),
            "answers": Answer.objects.filter(wave_id=wave).count(),
            "places": Place.objects.count(), "place_history": Place.history.count(),
            "integrity": integrity, "health": health, "report": report, **grant_state()}


def _child(mode: str, folder: Path, *args: str) -> dict:
    done = subprocess.run([PYTHON, __file__, mode, str(folder), *args], env=_env(folder), capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _command(folder: Path, kind: str, wave: int) -> list[str]:
    if kind == "monitor":
        return [PYTHON, "-m", "ontmoet", "monitor_import_responses", str(wave), str(folder / "antwoorden.csv"),
                "--quiet"]
    if kind == "grants":
        return [PYTHON, __file__, "--submit", str(folder)]
    return [PYTHON, "-m", "ontmoet", "import_places", str(folder / "plekken.csv"), "--as", OFFICER]


def run(folder: Path, kind: str, wave: int, kill_after: float | None) -> tuple[float, int | None]:
    started = time.perf_counter()
    process = subprocess.Popen(_command(folder, kind, wave), env=_env(folder), cwd=ROOT,  # noqa: S603
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kill_after is not None:
        try:
            process.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
    code = process.wait()
    return time.perf_counter() - started, code


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--submit":
        submit_all()
        return
    if len(sys.argv) > 2 and sys.argv[1] in ("--prepare", "--state"):
        folder = Path(sys.argv[2])
        result = (prepare(folder, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])) if sys.argv[1] == "--prepare"
                  else state(folder, int(sys.argv[3])))
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000, help="places, monitor respondents and response rows")
    parser.add_argument("--place-rows", type=int, default=1_000, help="rows of the places import (new places)")
    parser.add_argument("--grant-drafts", type=int, default=30, help="complete grant drafts to submit")
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.2, 0.5, 0.8, 0.95])
    parser.add_argument("--kinds", nargs="+", default=["monitor", "places", "grants"],
                        choices=["monitor", "places", "grants"])
    parser.add_argument("--database-url", default="",
                        help="a PostgreSQL database of one's own to use (dropped and made again) instead of SQLite")
    args = parser.parse_args()
    global DATABASE_URL
    DATABASE_URL = args.database_url
    folder = Path(tempfile.mkdtemp(prefix="ontmoet-faults-"))
    database = folder / "faults.sqlite3"
    store = Postgres(args.database_url) if args.database_url else None
    if store:
        store.create()
    try:
        print(f"== preparing {args.rows:,} places, a wave, {args.rows:,} responses and {args.place_rows:,} new places "
              f"in {folder}", flush=True)
        wave = _child("--prepare", folder, str(args.rows), str(args.place_rows), str(args.grant_drafts))["wave"]
        pristine = folder / "pristine.sqlite3"
        if store:
            store.keep()
        else:
            _checkpoint(folder)
            shutil.copy(database, pristine)
        restore = store.restore if store else lambda: _restore(pristine, database)
        before = _child("--state", folder, str(wave))
        print("before:", json.dumps(before), flush=True)
        seen = []
        for kind in args.kinds:
            restore()
            duration, code = run(folder, kind, wave, None)
            after = _child("--state", folder, str(wave))
            print(f"{kind}: uninterrupted in {duration:.1f} s (exit {code}): {json.dumps(after)}", flush=True)
            for fraction in args.fractions:
                restore()
                elapsed, code = run(folder, kind, wave, duration * fraction)
                found = _child("--state", folder, str(wave))
                whole = _whole(kind, found, before, after)
                seen.append((kind, fraction, elapsed, code, found, whole))
                print(f"{kind}: killed at {elapsed:.1f} s ({fraction:.0%}), exit {code}: {json.dumps(found)} "
                      f"-> {'nothing half-written' if whole else 'HALF-WRITTEN'}", flush=True)
        bad = [row for row in seen if not row[5]]
        print(f"\n{len(seen)} kills, {len(bad)} with something half-written or an app that did not answer.")
        sys.exit(1 if bad else 0)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if store:
            store.drop()


def _whole(kind: str, found: dict, before: dict, after: dict) -> bool:
    answers = found["health"] == 200 and found["report"] == 200 and found["integrity"] in ("ok", "n/a")
    if kind == "grants":
        return answers and found["grant_whole"]
    keys = ("responses", "answers") if kind == "monitor" else ("places", "place_history")
    return answers and all(found[key] in (before[key], after[key]) for key in keys) and (
        [found[key] == before[key] for key in keys] in ([True] * len(keys), [False] * len(keys)))


class Postgres:
    """The run's database and its pristine template, managed through the server's `postgres` database."""

    def __init__(self, url: str):
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        self.name = parts.path.lstrip("/")
        self.pristine = f"{self.name}_pristine"
        self.admin = parts._replace(path="/postgres").geturl()

    def _run(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.admin, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def create(self) -> None:
        self._run(f'DROP DATABASE IF EXISTS "{self.pristine}" WITH (FORCE)',
                  f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)', f'CREATE DATABASE "{self.name}"')

    def keep(self) -> None:
        self._run(f'CREATE DATABASE "{self.pristine}" TEMPLATE "{self.name}"')

    def restore(self) -> None:
        # FORCE ends the server process of a killed client that has not noticed yet (its open
        # transaction is rolled back, as after any crash).
        self._run(f'DROP DATABASE "{self.name}" WITH (FORCE)',
                  f'CREATE DATABASE "{self.name}" TEMPLATE "{self.pristine}"')

    def drop(self) -> None:
        self._run(f'DROP DATABASE IF EXISTS "{self.pristine}" WITH (FORCE)',
                  f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _checkpoint(folder: Path) -> None:
    """Fold SQLite's write-ahead log into the file, so that one file copy is the whole database."""
    import sqlite3

    with sqlite3.connect(folder / "faults.sqlite3") as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _restore(pristine: Path, database: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    shutil.copy(pristine, database)


if __name__ == "__main__":
    main()
