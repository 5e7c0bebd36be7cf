"""Load: many concurrent users for a bounded time against the production setup on loopback (not a test).

A fresh database (benchmarks/seed.py: N places and a province officer, plus board members of public
places with one meldpunt question each), gunicorn in production mode as run.py starts it (sync workers,
2 × cores + 1), ONTMOET_PROXY_COUNT=1 and DJANGO_BEHIND_PROXY=1 with every visitor's own address in
X-Forwarded-For, as the README's nginx sends it. Then --users threads for --duration seconds, each a
person with think time between pages:

- half are anonymous visitors: the search page (with and without a search word), place pages and,
  now and then, the "klopt er iets niet?" form (shown, filled in for a few seconds, sent), each report
  from a new visitor's address (the form allows five an hour per address);
- a fifth are province officers: the register's list with filters, the meldpunt's question list;
- the rest are board members: their question list, their question, and now and then a message on it.

Every post carries a unique marker. Afterwards the database is checked: every acknowledged post (the
302 after it) is there exactly once, and no post that was not acknowledged is there twice. Reported:
requests, 5xx (target 0), other failures, p50/p95 overall and per kind of page.

    /work/main/.venv/bin/python benchmarks/load.py [--users 100] [--duration 300] [--places 2000]
        [--board-members 40] [--database-url postgres://...] [--save]

The default (100 users, 5 minutes) is for a quiet machine; on a shared one, run it briefly to see that
it works (--users 30 --duration 60) and say so with the figures.
"""

import argparse
import json
import os
import random
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import run as runner  # noqa: E402 (benchmarks/run.py: gunicorn, the database, the HTTP client)

PASSWORD = "load-" + secrets.token_urlsafe(12)
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


# -- the database: extra rows for the board members (runs in a child process) -------------------
def seed_board(count: int, password: str) -> dict:
    import django

    django.setup()
    from ontmoet.accounts import services as accounts
    from ontmoet.accounts.roles import Role
    from ontmoet.helpdesk import services as helpdesk
    from ontmoet.helpdesk.models import Category
    from ontmoet.places.models import Place

    public = list(Place.objects.filter(is_public=True, status="actief").order_by("code").values_list("code", flat=True))
    category = Category.objects.filter(is_active=True).order_by("pk").first()
    board = []
    for n, place in enumerate(Place.objects.filter(code__in=public[:count]).order_by("code")):
        user = accounts.create_user(f"bestuur{n}@load.example", password)
        accounts.assign_role(user, Role.BOARD_MEMBER, place)
        question = helpdesk.create_question(place=place, category=category, title=f"Vraag van {place.name}",
                                            description="Een vraag om berichten op te plaatsen.", asked_by=user)
        board.append([user.email, question.pk])
    return {"codes": public, "board": board}


def verify(markers: dict) -> dict:
    """Runs in a child process: how often each marker is in the database."""
    import django

    django.setup()
    from ontmoet.directory.models import OutdatedReport
    from ontmoet.helpdesk.models import Message

    found = defaultdict(int)
    for text in OutdatedReport.objects.filter(message__contains="load-").values_list("message", flat=True):
        found[re.search(r"load-[0-9a-f]{32}", text).group(0)] += 1
    for text in Message.objects.filter(body__contains="load-").values_list("body", flat=True):
        found[re.search(r"load-[0-9a-f]{32}", text).group(0)] += 1
    acked = [marker for marker, ok in markers.items() if ok]
    return {"acknowledged": len(acked), "acknowledged_once": sum(found[m] == 1 for m in acked),
            "acknowledged_missing": sum(found[m] == 0 for m in acked),
            "acknowledged_twice_or_more": sum(found[m] > 1 for m in acked),
            "unacknowledged": len(markers) - len(acked),
            "unacknowledged_stored": sum(found[m] for m, ok in markers.items() if not ok),
            "stored_twice_or_more": sum(n > 1 for n in found.values()),
            "stored_without_post": len(set(found) - set(markers))}


# -- the people ----------------------------------------------------------------------------------
class Person(threading.Thread):
    def __init__(self, port: int, kind: str, deadline: float, data: dict, record, seed: int, account=None):
        super().__init__(daemon=True)
        self.port, self.kind, self.deadline, self.data, self.record = port, kind, deadline, data, record
        self.rng, self.account = random.Random(seed), account
        self.client = self._new_client()

    def _new_client(self):
        client = runner.Client(self.port)
        client.address = f"10.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"
        return client

    def call(self, label: str, method: str, path: str, body: str | None = None, client=None):
        client = client or self.client
        started = time.perf_counter()
        try:
            status, page = client.request(method, path, body, {"X-Forwarded-For": client.address,
                                                               **(FORM if body is not None else {})})
        except OSError as error:  # includes timeouts and refused connections
            self.record(label, None, time.perf_counter() - started, str(error))
            return None, b""
        self.record(label, status, time.perf_counter() - started, "")
        return status, page

    def think(self, low=0.5, high=2.0):
        time.sleep(min(self.rng.uniform(low, high), max(0.0, self.deadline - time.monotonic())))

    def run(self):
        if self.account:
            self.login()
        while time.monotonic() < self.deadline:
            getattr(self, f"step_{self.kind}")()
            self.think()

    def login(self):
        _status, page = self.call("login", "GET", "/account/inloggen/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page or b"")
        if token:
            self.call("login", "POST", "/account/inloggen/", urlencode({
                "csrfmiddlewaretoken": token.group(1).decode(), "username": self.account[0], "password": PASSWORD}))

    def step_visitor(self):
        rng, codes = self.rng, self.data["codes"]
        roll = rng.random()
        if roll < 0.35:
            query = rng.choice(["", "Linde", "Anker", "Heino", "Goor", "dorpshuis"])
            self.call("search", "GET", "/kaart/" + (f"?{urlencode({'q': query})}" if query else ""))
        elif roll < 0.9:
            self.call("place page", "GET", f"/kaart/plek/{rng.choice(codes)}/")
        else:
            self.report(rng.choice(codes))

    def report(self, code: str):
        visitor = self._new_client()  # a new person with their own address: five reports an hour each
        path = f"/kaart/plek/{code}/klopt-er-iets-niet/"
        _status, page = self.call("report form", "GET", path, client=visitor)
        fields = dict(re.findall(rb'name="(csrfmiddlewaretoken|token|verzendsleutel)" value="([^"]+)"', page or b""))
        if len(fields) < 3:
            return
        time.sleep(self.data["report_min_seconds"] + self.rng.uniform(0.3, 1.5))  # typing; faster is spam
        marker = f"load-{uuid.uuid4().hex}"
        body = urlencode({**{k.decode(): v.decode() for k, v in fields.items()}, "website": "", "email": "",
                          "message": f"De openingstijden kloppen niet meer ({marker})."})
        status, _page = self.call("report post", "POST", path, body, client=visitor)
        self.data["markers"][marker] = status == 302

    def step_officer(self):
        rng = self.rng
        if rng.random() < 0.7:
            query = rng.choice([{}, {"kind": "dorpshuis"}, {"q": "Linde"}, {"sort": "-gewijzigd"},
                                {"verified": "verouderd"}, {"pagina": rng.randint(1, 20)}])
            self.call("officer list", "GET", "/plekken/" + (f"?{urlencode(query)}" if query else ""))
        else:
            self.call("question list", "GET", "/meldpunt/vragen/")

    def step_board(self):
        question = self.account[1]
        roll = self.rng.random()
        if roll < 0.3:
            self.call("question list", "GET", "/meldpunt/vragen/")
        elif roll < 0.8:
            self.call("question page", "GET", f"/meldpunt/vragen/{question}/")
        else:
            _status, page = self.call("question page", "GET", f"/meldpunt/vragen/{question}/")
            fields = dict(re.findall(rb'name="(csrfmiddlewaretoken|verzendsleutel)" value="([^"]+)"', page or b""))
            if len(fields) < 2:
                return
            self.think(1, 3)
            marker = f"load-{uuid.uuid4().hex}"
            body = urlencode({**{k.decode(): v.decode() for k, v in fields.items()},
                              "body": f"Een bericht uit de belastingproef ({marker})."})
            status, _page = self.call("message post", "POST", f"/meldpunt/vragen/{question}/bericht/", body)
            self.data["markers"][marker] = status == 302


# -- running and reporting -----------------------------------------------------------------------
def child(mode: str, env: dict, *args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, mode, *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, check=False)
    if done.returncode:
        sys.exit(f"{mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--seed-board":
        print(json.dumps(seed_board(int(sys.argv[2]), sys.argv[3])))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--verify":
        print(json.dumps(verify(json.loads(Path(sys.argv[2]).read_text()))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--duration", type=float, default=300, help="seconds of load")
    parser.add_argument("--places", type=int, default=2000)
    parser.add_argument("--board-members", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1,
                        help="gunicorn sync workers (default: 2 × nproc + 1, as in production; ADR 0009)")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--save", action="store_true", help="append the result to benchmarks/RESULTS.md")
    args = parser.parse_args()
    args.threads = 1
    workdir = Path(tempfile.mkdtemp(prefix="ontmoet-load-"))
    with runner.database("load", workdir, args.database_url) as database_url:
        env = {**runner.app_env(workdir, database_url), "ONTMOET_PROXY_COUNT": "1", "DJANGO_BEHIND_PROXY": "1",
               "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
        started = time.perf_counter()
        seed = subprocess.run([sys.executable, str(HERE / "seed.py"), str(args.places), runner.EMAIL, PASSWORD],
                              env=env, cwd=ROOT, capture_output=True, text=True, check=False)
        if seed.returncode:
            sys.exit(f"seed.py failed:\n{seed.stderr[-3000:]}")
        data = child("--seed-board", env, str(args.board_members), PASSWORD)
        subprocess.run([sys.executable, str(HERE / "seed.py"), "steady-state"], env=env, cwd=ROOT, check=True)
        data.update(markers={}, report_min_seconds=3)
        print(f"== {args.places:,} places, {len(data['board'])} board members, ready in "
              f"{time.perf_counter() - started:.0f} s; {args.users} users for {args.duration:.0f} s", flush=True)
        results, lock = [], threading.Lock()

        def record(label, status, seconds, error):
            with lock:
                results.append((label, status, seconds, error))

        with runner.gunicorn(env, workdir, args) as (port, _pid):
            deadline = time.monotonic() + args.duration
            people = []
            for n in range(args.users):
                share = n % 10
                if share < 5:
                    people.append(Person(port, "visitor", deadline, data, record, n))
                elif share < 7:
                    people.append(Person(port, "officer", deadline, data, record, n, (runner.EMAIL, None)))
                else:
                    people.append(Person(port, "board", deadline, data, record, n,
                                         tuple(data["board"][n % len(data["board"])])))
            for person in people:
                person.start()
                time.sleep(min(0.05, args.duration / max(1, args.users) / 4))  # not all in the same millisecond
            for person in people:
                person.join(timeout=args.duration + 900)
            elapsed = time.monotonic() - deadline + args.duration
        (workdir / "markers.json").write_text(json.dumps(data["markers"]))
        checked = child("--verify", env, str(workdir / "markers.json"))
    report = render(args, results, checked, elapsed, database_url)
    print(report)
    if args.save:
        with (HERE / "RESULTS.md").open("a") as results_file:
            results_file.write("\n" + report + "\n")


def render(args, results, checked, elapsed, database_url) -> str:
    by_kind = defaultdict(list)
    for label, status, seconds, _error in results:
        by_kind[label].append((status, seconds))
    server_errors = sum(1 for _l, status, _s, _e in results if status is not None and status >= 500)
    failures = sum(1 for _l, status, _s, _e in results if status is None)
    lines = [f"## Load: {args.users} users for {args.duration:.0f} s ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)", "",
             f"`benchmarks/load.py --users {args.users} --duration {args.duration:.0f} --places {args.places} "
             f"--board-members {args.board_members}`; {_machine()}; gunicorn {args.workers} sync "
             f"workers; {'PostgreSQL' if database_url.startswith('postgres') else 'SQLite'}.", "",
             f"- Requests: {len(results):,} in {elapsed:.0f} s ({len(results) / max(elapsed, 1):.1f}/s); "
             f"5xx: {server_errors}; no answer (timeout, refused): {failures}",
             f"- Latency overall: p50 {_pct(results, 50)} ms, p95 {_pct(results, 95)} ms", "",
             "| page | requests | statuses | p50 ms | p95 ms |", "|---|---:|---|---:|---:|"]
    for label, rows in sorted(by_kind.items()):
        statuses = defaultdict(int)
        for status, _s in rows:
            statuses[status or "none"] += 1
        times = sorted(seconds for _st, seconds in rows)
        counted = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str))
        lines.append(f"| {label} | {len(rows):,} | {counted} | {runner.percentile(times, 50) * 1000:.0f} | "
                     f"{runner.percentile(times, 95) * 1000:.0f} |")
    lines += ["", f"- Posts: {checked['acknowledged']} acknowledged, {checked['acknowledged_once']} of them in the "
              f"database exactly once, {checked['acknowledged_missing']} missing, "
              f"{checked['acknowledged_twice_or_more']} twice or more; {checked['unacknowledged']} not "
              f"acknowledged ({checked['unacknowledged_stored']} of those stored); "
              f"{checked['stored_without_post']} stored without a post."]
    return "\n".join(lines)


def _machine() -> str:
    machine = runner.machine_info()
    return f"{machine['nproc']} × {machine['cpu']}, {machine['memory']}, Python {machine['python']}"


def _pct(results, p) -> str:
    times = sorted(seconds for _l, status, seconds, _e in results if status is not None)
    return f"{runner.percentile(times, p) * 1000:.0f}" if times else "-"


if __name__ == "__main__":
    main()
