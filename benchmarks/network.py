"""Benchmark of the knowledge network's digest: 10,000 users, killed midway, resumed, no duplicates.

Steps, each in its own process (as in production, where cron starts the command):

1. a fresh database (SQLite file in a temp dir, or a new database on --database-url) with the 25
   municipalities and 325 places of benchmarks/seed.py, N users with roles (board members, municipal
   officers, province staff), 20 upcoming events and 6 schemes with deadlines;
2. `ontmoet network_send_digest --frequency maand`, killed with SIGKILL once about half of the mails are
   out (a crash: no clean-up runs);
3. the same command again, which resumes;
4. the count of mails handed to the mail backend per (recipient, period), read from an append-only log
   that the backend below writes with one os.write per message (survives SIGKILL).

Prints a table and appends it to benchmarks/RESULTS.md with the command and the machine.

    /work/main/.venv/bin/python benchmarks/network.py [--users 10000] [--database-url postgres://...]
"""

import argparse
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PLACES = 325
TARGET_SECONDS = 600


class AppendBackend:
    """A Django e-mail backend that appends 'recipient<TAB>period<TAB>bytes' per message to a log file.

    Used as EMAIL_BACKEND=network.AppendBackend with benchmarks/ on PYTHONPATH. It renders each message
    completely (message() builds the MIME text) so the work is that of a real send minus the network.
    """

    def __init__(self, fail_silently=False, **kwargs):
        self.path = os.environ["ONTMOET_BENCH_MAIL_LOG"]

    def open(self):
        return True

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send_messages(self, messages):
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            for message in messages:
                size = len(message.message().as_bytes())
                period = message.extra_headers.get("X-Ontmoet-Digest", "-")
                for recipient in message.recipients():
                    os.write(fd, f"{recipient}\t{period}\t{size}\n".encode())
        finally:
            os.close(fd)
        return len(messages)


# -- child processes (need Django) ---------------------------------------------------------------
def child_seed(users: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    sys.path.insert(0, str(HERE))
    import seed

    meta = seed.fill(PLACES)
    print(json.dumps({"seconds": round(time.perf_counter() - started, 1), **_fill_network(users, meta)}))


def _fill_network(count: int, meta: dict) -> dict:
    """Users with roles, upcoming events and schemes. Bulk inserts; fixed shares per role."""
    import random
    from datetime import timedelta

    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone as dj_timezone

    from ontmoet.accounts.models import RoleAssignment, User
    from ontmoet.accounts.roles import Role
    from ontmoet.network.models import Event, FundingScheme
    from ontmoet.places.models import Place
    from ontmoet.regions.models import Municipality

    rng = random.Random(20261121)
    province_id = meta["province_id"]
    municipalities = list(Municipality.objects.filter(province_id=province_id).values_list("pk", flat=True))
    places = list(Place.objects.values_list("pk", flat=True))
    now = dj_timezone.now()
    unusable = make_password(None)  # benchmark users never log in
    with transaction.atomic():
        User.objects.bulk_create([User(email=f"lid{i:05d}@bench.example", first_name=f"Lid {i}", password=unusable)
                                  for i in range(count)], batch_size=2000)
        ids = list(User.objects.filter(email__endswith="@bench.example").order_by("pk").values_list("pk", flat=True))
        roles = []
        for n, user_id in enumerate(ids):
            share = n % 100
            if share < 2:
                roles.append(RoleAssignment(user_id=user_id, role=Role.PROVINCE_STAFF, province_id=province_id))
            elif share < 10:
                roles.append(RoleAssignment(user_id=user_id, role=Role.MUNICIPAL_OFFICER,
                                            municipality_id=rng.choice(municipalities)))
            else:
                roles.append(RoleAssignment(user_id=user_id, role=Role.BOARD_MEMBER, place_id=rng.choice(places)))
        RoleAssignment.objects.bulk_create(roles, batch_size=2000)
        audiences = ["iedereen", "besturen", "ambtenaren"]
        Event.objects.bulk_create([Event(
            province_id=province_id, municipality_id=rng.choice(municipalities) if i % 4 == 0 else None,
            title=f"Bijeenkomst {i}", kind="bijeenkomst", audience=audiences[i % 3], location="Zwolle",
            starts_at=now + timedelta(days=1 + i), ends_at=now + timedelta(days=1 + i, hours=2))
            for i in range(20)])
        FundingScheme.objects.bulk_create([FundingScheme(
            province_id=province_id, name=f"Regeling {i}", provider="Fonds", purpose="Benchmark",
            deadline=dj_timezone.localdate() + timedelta(days=10 + 7 * i),
            legal_forms=["stichting"] if i % 2 else []) for i in range(6)])
    return {"users": len(ids), "roles": len(roles)}


def child_report() -> None:
    import django

    django.setup()
    from django.db.models import Count

    from ontmoet.network.models import DigestRun, DigestSend

    states = dict(DigestSend.objects.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
    runs = list(DigestRun.objects.order_by("pk").values("period", "total", "processed", "sent", "finished_at"))
    duplicates = DigestSend.objects.values("user", "period").annotate(n=Count("pk")).filter(n__gt=1).count()
    print(json.dumps({"states": states, "runs": runs, "db_duplicates": duplicates}, default=str))


# -- the driver ----------------------------------------------------------------------------------
def main() -> None:
    args = parse_args()
    if args.child == "seed":
        return child_seed(args.users)
    if args.child == "report":
        return child_report()
    sys.path.insert(0, str(HERE))
    import run as helpers

    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    workdir = Path(tempfile.mkdtemp(prefix="ontmoet-bench-network-"))
    try:
        result = measure(args, helpers, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    text = render(args, helpers.machine_info(), result)
    print(text)
    with (HERE / "RESULTS.md").open("a") as results:
        results.write("\n" + text)


def measure(args, helpers, workdir: Path) -> dict:
    mail_log = workdir / "mail.log"
    with helpers.database(args.users, workdir, args.database_url) as database_url:
        env = {**helpers.app_env(workdir, database_url), "PYTHONPATH": f"{ROOT}{os.pathsep}{HERE}",
               "EMAIL_BACKEND": "network.AppendBackend", "ONTMOET_BENCH_MAIL_LOG": str(mail_log)}
        seeded = json.loads(_child(env, ["--child", "seed", "--users", str(args.users)]).splitlines()[-1])
        print(f"seeded {seeded['users']} users in {seeded['seconds']} s", flush=True)
        command = [sys.executable, "-m", "ontmoet", "network_send_digest", "--frequency", "maand", "--no-progress"]

        first_started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        kill_at = int(args.users * args.kill_at)
        killed_after = None
        while process.poll() is None:
            if _lines(mail_log) >= kill_at:
                process.send_signal(signal.SIGKILL)
                process.wait()
                killed_after = _lines(mail_log)
                break
            time.sleep(0.05)
        first_seconds = time.perf_counter() - first_started
        if killed_after is None:
            sys.exit(f"the first run finished before it could be killed:\n{process.stderr.read().decode()[-2000:]}")
        print(f"killed after {killed_after} mails, {first_seconds:.1f} s", flush=True)

        second_started = time.perf_counter()
        resumed = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
        second_seconds = time.perf_counter() - second_started
        if resumed.returncode:
            sys.exit(f"resumed run failed:\n{resumed.stderr[-3000:]}")
        print(f"resumed run: {second_seconds:.1f} s — {resumed.stdout.strip()}", flush=True)

        report = json.loads(_child(env, ["--child", "report"]).splitlines()[-1])
        per_message = Counter(tuple(line.split("\t")[:2]) for line in mail_log.read_text().splitlines())
        result = {
            "users": seeded["users"], "mails": sum(per_message.values()), "recipients": len(per_message),
            "duplicates": sum(n - 1 for n in per_message.values() if n > 1), "killed_after": killed_after,
            "first_seconds": first_seconds, "second_seconds": second_seconds, "report": report,
            "database": "PostgreSQL" if args.database_url else "SQLite",
        }
    return result


def _child(env: dict, extra: list[str]) -> str:
    result = subprocess.run([sys.executable, str(Path(__file__)), *extra], env=env, cwd=ROOT, capture_output=True,
                            text=True, check=False)
    if result.returncode:
        sys.exit(f"{extra} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for _ in handle)
    except FileNotFoundError:
        return 0


def render(args, machine: dict, result: dict) -> str:
    total = result["first_seconds"] + result["second_seconds"]
    states = result["report"]["states"]
    users = result["users"]
    verdict = "met" if total <= TARGET_SECONDS and result["duplicates"] == 0 else "NOT met"
    return "\n".join([
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — knowledge network digest, {result['database']}",
        "",
        f"- Command: `{shlex.join([sys.executable, 'benchmarks/network.py', *sys.argv[1:]])}`",
        f"- Machine: {machine['nproc']} CPUs ({machine['cpu']}), {machine['memory']} RAM, Python {machine['python']};"
        " shared with other engineers' jobs.",
        f"- Data: {users:,} users with roles (2% province staff, 8% municipal officers, 90% board members over "
        f"{PLACES} places), 20 upcoming events, 6 schemes with deadlines. Mail goes to an append-only log "
        "backend (each message fully rendered as MIME).",
        f"- Crash: the first run was killed with SIGKILL after {result['killed_after']:,} mails; the same command "
        "was then run again.",
        "",
        "| users | first run (killed) s | resumed run s | total s | users/s | mails | duplicates "
        "| claimed, not confirmed |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {users:,} | {result['first_seconds']:.1f} | {result['second_seconds']:.1f} | {total:.1f} "
        f"| {users / total:.0f} | {result['mails']:,} | {result['duplicates']} | {states.get('geclaimd', 0)} |",
        "",
        f"DigestSend states: {states}; duplicate (user, period) rows in the database: "
        f"{result['report']['db_duplicates']}. Target (≤ {TARGET_SECONDS} s for {users:,} users, resumable, "
        f"0 duplicates): {verdict}.",
        "",
    ])


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--database-url", help="A PostgreSQL server URL; a fresh database is made and dropped.")
    parser.add_argument("--kill-at", type=float, default=0.5, help="Kill the first run after this share of mails.")
    parser.add_argument("--child", choices=["seed", "report"], help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    main()
