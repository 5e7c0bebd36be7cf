"""Load benchmark of the officers' place list and CSV export against gunicorn on 127.0.0.1.

For every size: a fresh database with N places (benchmarks/seed.py), gunicorn in production mode
on a free loopback port, 20 logged-in clients (threads, one session each), and four phases measured
one after the other on the same server: the trivial /gezondheid/ view as the baseline, the filtered
list, the full CSV export with 20 concurrent clients and the full CSV export by one client alone.
Prints a markdown table and appends it, with the machine and the command, to benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/run.py [--sizes 1000 10000 100000] [--database-url postgres://...]

Standard library only (plus psycopg from the venv when --database-url is given). See README.md.
"""

import argparse
import http.client
import json
import os
import platform
import random
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import datetime
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HOST = "127.0.0.1"
EMAIL = "benchmark.officer@example.nl"
REQUEST_TIMEOUT = 900  # seconds; 20 simultaneous 100,000-place exports take minutes
TARGET_SIZE, TARGET_LIST_P95_MS, TARGET_EXPORT_S = 10_000, 150, 3.0


def main() -> None:
    args = parse_args()
    # SIGTERM (like Ctrl-C) unwinds through the finally blocks that stop gunicorn and drop the database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    machine = machine_info()
    rows, notes = [], []
    for size in args.sizes:
        print(f"== {size:,} places", flush=True)
        result = run_size(size, args)
        rows.extend(result["rows"])
        notes.append(result)
    report = render(args, machine, rows, notes)
    print(report)
    if not args.no_save:
        path = HERE / "RESULTS.md"
        header = "" if path.exists() else "# Benchmark results\n\nAppended by `run.py`, newest at the bottom.\n\n"
        with path.open("a", encoding="utf-8") as results:
            results.write(header + report + "\n")
        print(f"Appended to {HERE / 'RESULTS.md'}")


def parse_args() -> argparse.Namespace:
    cpus = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--database-url", help="PostgreSQL server to use; a fresh database is created per size")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2 * cpus + 1,
                        help="gunicorn processes (default: 2 × nproc + 1, as in production; ADR 0009)")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads per gunicorn process; 1 (default) is the sync worker, above 1 gthread")
    parser.add_argument("--trivial-requests", type=int, default=2000)
    parser.add_argument("--list-requests", type=int, default=1000)
    parser.add_argument("--export-requests", type=int, default=20, help="full exports by the concurrent clients")
    parser.add_argument("--solo-exports", type=int, default=3, help="full exports by one client alone")
    parser.add_argument("--phase-seconds", type=float, default=180, help="stop starting requests after this")
    parser.add_argument("--driver", choices=["python", "wrk"], default="python",
                        help="load generator for the trivial and list phases: Python client threads (default), "
                             "or wrk (C, little CPU, so the server keeps the cores); the exports always use Python")
    parser.add_argument("--wrk-seconds", type=int, default=20, help="duration of each wrk phase")
    parser.add_argument("--no-save", action="store_true", help="do not append to RESULTS.md")
    return parser.parse_args()


# -- one size ------------------------------------------------------------------------------------
def run_size(size: int, args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"ontmoet-bench-{size}-"))
    password = secrets.token_urlsafe(16)
    code = code_changed()  # what migrate and the workers are about to load
    try:
        with database(size, workdir, args.database_url) as database_url:
            env = app_env(workdir, database_url)
            started = time.perf_counter()
            seed = subprocess.run([sys.executable, str(HERE / "seed.py"), str(size), EMAIL, password],
                                  env=env, cwd=ROOT, capture_output=True, text=True, check=False)
            if seed.returncode:
                sys.exit(f"seed.py failed:\n{seed.stderr[-3000:]}")
            meta = json.loads(seed.stdout.strip().splitlines()[-1])
            subprocess.run([sys.executable, str(HERE / "seed.py"), "steady-state"], env=env, cwd=ROOT, check=True)
            print(f"   database ready in {time.perf_counter() - started:.1f} s {meta['seconds']}, "
                  f"queries per request {meta['queries']}", flush=True)
            with gunicorn(env, workdir, args) as (port, server_pid):
                result = measure(port, server_pid, size, password, meta, args)
        # The app may be edited while this runs; the report says so, as such figures mix old and new code.
        result["code"], result["code_moved"] = code, code_changed() != code
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@contextmanager
def database(size: int, workdir: Path, server_url: str | None):
    """A fresh database: an SQLite file in the temp dir, or a new database on the given PostgreSQL server."""
    if not server_url:
        yield f"sqlite:///{workdir / 'ontmoet.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    name = f"ontmoet_bench_{size}_{os.getpid()}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def fresh_postgres_database(server_url: str, label: str) -> str:
    """The URL of a new, empty database on that PostgreSQL server, dropped when this process exits.

    For the in-process benchmarks: they must not fill (or collide in) the database they were given.
    """
    import atexit

    context = database(label, Path(tempfile.gettempdir()), server_url)
    url = context.__enter__()
    atexit.register(context.__exit__, None, None, None)
    return url


def app_env(workdir: Path, database_url: str) -> dict:
    """Production settings, minus the HTTPS redirect: there is no TLS proxy on loopback."""
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "ontmoet.settings",
        "ONTMOET_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "ONTMOET_DATA_DIR": str(workdir),
        "DATABASE_URL": database_url,
        "ONTMOET_LOG_LEVEL": "WARNING",
    }


@contextmanager
def gunicorn(env: dict, workdir: Path, args):
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "ontmoet.wsgi", "--bind", f"{HOST}:{port}",
               "--workers", str(args.workers), "--threads", str(args.threads), "--timeout", "120",
               "--no-control-socket"]
    log_path = workdir / "gunicorn.log"
    with log_path.open("w") as log:
        # Own process group, so the workers go down with the arbiter even if something fails.
        server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    try:
        wait_until_up(port, server, log_path)
        yield port, server.pid
    finally:
        stop(server)
        errors = [line for line in log_path.read_text().splitlines() if "ERROR" in line or "CRITICAL" in line]
        if errors:
            print("   gunicorn log:\n   " + "\n   ".join(errors[-20:]), flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped:\n{log_path.read_text()[-3000:]}")
        try:
            if Client(port).get("/gezondheid/")[0] == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.2)
    sys.exit("gunicorn did not answer within 60 s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


# -- HTTP client ---------------------------------------------------------------------------------
class Client:
    """One browser-like client: its own cookies, a new connection per request.

    Cookies are kept by hand (not with http.cookiejar) so that production's Secure session cookie is
    still sent over plain-http loopback; the server does not know the difference.
    """

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.last_cache = ""  # the last response's X-Cache header: "hit", "miss" or "" (not cacheable)

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            self.last_cache = response.headers.get("X-Cache", "")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return response.status, data

    def get(self, path: str):
        return self.request("GET", path)

    def login(self, email: str, password: str) -> None:
        status, page = self.get("/account/inloggen/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            sys.exit(f"login form: HTTP {status}, CSRF token {'found' if token else 'missing'}")
        form = urlencode({"csrfmiddlewaretoken": token.group(1).decode(), "username": email,
                          "password": password})
        status, _body = self.request("POST", "/account/inloggen/", form,
                                     {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 302 or "sessionid" not in self.cookies:
            sys.exit(f"login failed: HTTP {status}")


# -- measuring -----------------------------------------------------------------------------------
def measure(port: int, server_pid: int, size: int, password: str, meta: dict, args) -> dict:
    clients = [Client(port) for _ in range(args.clients)]
    for client in clients:
        client.login(EMAIL, password)
    rng = random.Random(size)
    checks = {
        "trivial": lambda body: b'"ok"' in body,
        "list": lambda body: b"utrecht-table" in body or b"Geen plekken gevonden" in body,
        # every place is in the officer's province, so the full export has N rows plus the header
        "export": lambda body: body.count(b"\n") == size + 1,
    }
    # Warm-up, not measured: every worker loads templates and opens its database connection.
    run_phase(clients, ["/gezondheid/"] * 100, checks["trivial"], args.phase_seconds)
    run_phase(clients, list_paths(rng, meta, 100), checks["list"], args.phase_seconds)
    run_phase(clients[:1], [f"/plekken/export.csv?municipality={meta['municipality_ids'][0]}"],
              lambda body: True, args.phase_seconds)

    phases = [
        ("trivial `/gezondheid/`", clients, ["/gezondheid/"] * args.trivial_requests, checks["trivial"]),
        ("list `/plekken/?…`", clients, list_paths(rng, meta, args.list_requests), checks["list"]),
        ("export CSV, all", clients, ["/plekken/export.csv"] * args.export_requests, checks["export"]),
        ("export CSV, all, alone", clients[:1], ["/plekken/export.csv"] * args.solo_exports, checks["export"]),
    ]
    rows = []
    database_pid = postgres_pid(args.database_url)
    for index, (name, phase_clients, paths, check) in enumerate(phases):
        phase_clients = phase_clients[:len(paths)]  # fewer requests than clients: fewer at once
        before = cpu_counters(server_pid, database_pid)
        if args.driver == "wrk" and index < 2:  # trivial and list
            stats = run_wrk(port, clients[0].cookies, paths, "list" if index else "trivial", args)
            phase_clients = clients  # wrk keeps as many connections busy as there are clients
        else:
            stats = run_phase(phase_clients, paths, check, args.phase_seconds)
        stats.update(cpu_usage(before, cpu_counters(server_pid, database_pid), stats))
        stats.update(size=size, endpoint=name, clients=len(phase_clients))
        print(f"   {name:24} {summary(stats)}", flush=True)
        rows.append(stats)
    trivial_rps = rows[0]["rps"]
    for row in rows:
        row["vs_trivial"] = 100 * row["rps"] / trivial_rps if trivial_rps else 0
    return {"size": size, "rows": rows, "meta": meta}


def list_paths(rng: random.Random, meta: dict, count: int) -> list[str]:
    """A mix of what officers do: browse, filter on one or two fields, search, sort, page."""
    pages = max(1, meta["places"] // 25)
    choice = rng.choice
    combinations = [
        lambda: {},
        lambda: {"kind": choice(meta["kinds"])},
        lambda: {"municipality": choice(meta["municipality_ids"])},
        lambda: {"kind": choice(meta["kinds"]), "municipality": choice(meta["municipality_ids"])},
        lambda: {"status": "actief", "verified": "verouderd", "sort": "bevestigd"},
        lambda: {"facility": choice(meta["facility_ids"])},
        lambda: {"activity": choice(meta["activity_ids"]), "municipality": choice(meta["municipality_ids"])},
        lambda: {"q": choice(meta["search_words"])},
        lambda: {"sort": choice(["gemeente", "-gewijzigd", "soort", "-naam"])},
        lambda: {"staffing": choice(meta["staffing"]), "typology": choice(meta["typologies"])},
    ]
    paths = []
    for _ in range(count):
        query = choice(combinations)()
        # Mostly the first pages, one in ten a random deep one (past the end shows the last page).
        query["pagina"] = choice([1, 1, 1, 1, 1, 2, 2, 3, 4, rng.randint(1, pages)])
        paths.append("/plekken/?" + urlencode(query))
    return paths


def run_phase(clients: list[Client], paths: list[str], check, max_seconds: float) -> dict:
    """All clients take paths from one shared list until it is empty or the time is up."""
    pending = list(reversed(paths))
    latencies, errors, hits, misses = [], [], [], []
    lock = threading.Lock()
    started = time.perf_counter()

    def work(client: Client) -> None:
        while time.perf_counter() - started < max_seconds:
            with lock:
                if not pending:
                    return
                path = pending.pop()
            begin = time.perf_counter()
            try:
                status, body = client.get(path)
                ok = status == 200 and check(body)
                problem = "" if ok else f"HTTP {status} {path}"
            except (OSError, http.client.HTTPException) as error:
                ok, problem = False, f"{type(error).__name__} {path}"
            elapsed = time.perf_counter() - begin
            with lock:
                (latencies if ok else errors).append(elapsed if ok else problem)
                if ok and client.last_cache in ("hit", "miss"):
                    (hits if client.last_cache == "hit" else misses).append(elapsed)

    threads = [threading.Thread(target=work, args=(client,), daemon=True) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies) + len(errors),
        "errors": len(errors),
        "error_sample": errors[:3],
        "skipped": len(pending),
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "max": latencies[-1] if latencies else float("nan"),
        "rps": len(latencies) / wall,
        "cache_hits": len(hits),
        "cache_misses": len(misses),  # with the hits: the responses that passed through the page cache
    }


# wrk: one Lua state per thread; thread k of n starts at k/n of the phase's paths and walks on (round
# the list if the time allows), so a long list is sent without repeats; every response is checked
# (status 200 and the expected content) and page-cache hits and misses are counted from the X-Cache
# header. With `unique` set, every request gets `&<unique>=<thread>.<n>` added, a query string no
# request had before: the page cache (keyed on the full path) can never answer it, however long the
# phase runs. done() reports what run_phase reports.
WRK_SCRIPT = """
local paths = {%(paths)s}
local expected = {%(expected)s}
local nthreads = %(threads)d
local unique = "%(unique)s"
local threads, counter = {}, 0
function setup(thread)
  thread:set("first", counter * math.floor(#paths / nthreads))
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  i, bad, hits, misses = first, 0, 0, 0
  wrk.headers["Cookie"] = "%(cookie)s"
  wrk.headers["Connection"] = "close"  -- a new connection per request, as the Python client does
end
function request()
  i = i + 1
  local path = paths[((i - 1) %% #paths) + 1]
  if unique ~= "" then path = path .. "&" .. unique .. "=" .. id .. "." .. i end
  return wrk.format("GET", path)
end
function response(status, headers, body)
  local ok = false
  if status == 200 then
    for _, text in ipairs(expected) do
      if body:find(text, 1, true) then ok = true end
    end
  end
  if not ok then bad = bad + 1 end
  if headers["X-Cache"] == "hit" then hits = hits + 1 end
  if headers["X-Cache"] == "miss" then misses = misses + 1 end
end
function done(summary, latency, requests)
  local bad, hits, misses = 0, 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("bad")
    hits = hits + thread:get("hits")
    misses = misses + thread:get("misses")
  end
  local e = summary.errors
  io.write(string.format('WRK {"requests": %%d, "bad": %%d, "hits": %%d, "misses": %%d, "socket_errors": %%d, ' ..
    '"p50": %%d, "p95": %%d, "max": %%d, "duration_us": %%d}\\n', summary.requests, bad, hits, misses,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(95), latency.max,
    summary.duration))
end
"""
WRK_EXPECTED = {"trivial": ['"ok"'], "list": ["utrecht-table", "Geen plekken gevonden"]}


def run_wrk(port: int, cookies: dict, paths: list[str], kind: str, args) -> dict:
    """One list-benchmark phase with wrk: `--clients` connections for `--wrk-seconds`."""
    return run_wrk_paths(port, paths, WRK_EXPECTED[kind], args.clients, args.wrk_seconds, cookies)


def run_wrk_paths(port: int, paths: list[str], expected: list[str], clients: int, seconds: float,
                  cookies: dict | None = None, unique: str = "") -> dict:
    """`clients` connections on 2 wrk threads (one per core at most) for `seconds`, walking through `paths`
    (each with a query string; `unique`: the name of a parameter that makes every request's path new)."""
    if not shutil.which("wrk"):
        sys.exit("--driver wrk needs wrk (Debian: apt-get install wrk)")
    lua = lambda text: '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731
    threads = min(2, clients)
    script = WRK_SCRIPT % {
        "paths": ", ".join(lua(path) for path in paths), "threads": threads,
        "expected": ", ".join(lua(text) for text in expected), "unique": unique,
        "cookie": "; ".join(f"{name}={value}" for name, value in (cookies or {}).items()).replace('"', ""),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        command = ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{int(seconds)}s",
                   "--timeout", "30s", "-s", handle.name, f"http://{HOST}:{port}/"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode or "WRK " not in done.stdout:
            sys.exit(f"wrk failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    finally:
        os.unlink(handle.name)
    result = json.loads(done.stdout.split("WRK ", 1)[1].splitlines()[0])
    errors = result["bad"] + result["socket_errors"]
    return {
        "requests": result["requests"], "errors": errors, "skipped": 0,
        "error_sample": [f"{errors} responses not HTTP 200 with the expected content"] if errors else [],
        "p50": result["p50"] / 1e6, "p95": result["p95"] / 1e6, "max": result["max"] / 1e6,
        "rps": (result["requests"] - errors) / (result["duration_us"] / 1e6), "cache_hits": result["hits"],
        "cache_misses": result["misses"],
    }


def cpu_counters(server_pid: int, database_pid: int | None = None) -> dict:
    """CPU seconds so far: gunicorn's workers, this process (the clients), the database server and the whole machine.

    The machine is shared, so the report shows how much CPU other programs took during a phase,
    and the server's CPU time per request, which does not depend on that interference. With a PostgreSQL
    server on this machine (`database_pid`, its postmaster: see `postgres_pid`), its own CPU is counted apart:
    the postmaster, its live children (backends, autovacuum, ...) and the children it has reaped.
    """
    tick = os.sysconf("SC_CLK_TCK")
    server = database = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if int(fields[1]) == server_pid:  # a worker: its parent is the arbiter
            server += int(fields[11]) + int(fields[12])
        elif database_pid and int(fields[1]) == database_pid:  # a backend
            database += int(fields[11]) + int(fields[12])
        elif database_pid and stat.parent.name == str(database_pid):  # + the backends that have ended
            database += sum(int(value) for value in fields[11:15])
    busy = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = busy[3] + busy[4]  # idle + iowait
    return {"server": server / tick, "client": time.process_time(), "busy": (sum(busy[:8]) - idle) / tick,
            "wall": time.perf_counter(), "database": database / tick}


def postgres_pid(database_url: str | None) -> int | None:
    """The postmaster of the PostgreSQL server at that URL if it runs on this machine, else None (SQLite, or a
    server elsewhere): the parent of the backend that answers a connection."""
    if not database_url or not database_url.startswith("postgres"):
        return None
    import psycopg

    with psycopg.connect(database_url) as connection:
        backend = connection.execute("SELECT pg_backend_pid()").fetchone()[0]
        try:
            if not Path(f"/proc/{backend}/comm").read_text().startswith("postgres"):
                return None
            return int(Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except OSError:  # not on this machine (or not visible from here)
            return None


def cpu_usage(before: dict, after: dict, stats: dict) -> dict:
    delta = {key: after[key] - before[key] for key in before}
    capacity = delta["wall"] * (os.cpu_count() or 1)
    other = max(0.0, delta["busy"] - delta["server"] - delta["client"] - delta["database"])
    done = stats["requests"] - stats["errors"]
    return {"server_cpu_ms": 1000 * delta["server"] / done if done else float("nan"),
            "database_cpu_ms": 1000 * delta["database"] / done if done else float("nan"),
            "other_cpu": 100 * other / capacity}


def percentile(ordered: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not ordered:
        return float("nan")
    rank = max(1, -(-len(ordered) * p // 100))  # ceil without floats
    return ordered[int(rank) - 1]


def summary(stats: dict) -> str:
    text = (f"n={stats['requests']} p50={stats['p50'] * 1000:.0f} ms p95={stats['p95'] * 1000:.0f} ms "
            f"max={stats['max'] * 1000:.0f} ms {stats['rps']:.1f} req/s, server CPU "
            f"{stats['server_cpu_ms']:.1f} ms/req, database {stats['database_cpu_ms']:.1f} ms/req, "
            f"other programs {stats['other_cpu']:.0f} % CPU")
    if stats["errors"] or stats["skipped"]:
        text += f" errors={stats['errors']} {stats['error_sample']} skipped={stats['skipped']}"
    return text


# -- report --------------------------------------------------------------------------------------
def machine_info() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": model.group(1).strip() if model else platform.processor(),
        "memory": f"{int(memory.group(1)) / 1024 / 1024:.1f} GiB" if memory else "?",
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def render(args, machine: dict, rows: list[dict], notes: list[dict]) -> str:
    command = ".venv/bin/python " + shlex.join([os.path.relpath(__file__, ROOT), *sys.argv[1:]])
    if args.database_url and urlsplit(args.database_url).password:  # no passwords in RESULTS.md
        command = command.replace(urlsplit(args.database_url).password, "***")
    databases = sorted({note["meta"]["db_version"] for note in notes})
    lines = [
        f"## {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} — {', '.join(databases)}",
        "",
        f"- Command: `{command}`",
        f"- Machine: {machine['nproc']} CPUs ({machine['cpu']}), {machine['memory']} RAM, "
        f"Python {machine['python']}, {machine['os']}",
        f"- Database: {', '.join(databases)}",
        f"- App code: newest file under ontmoet/ changed {code_note(notes)}",
        f"- Server: gunicorn, {args.workers} workers × {args.threads} threads "
        f"({'gthread' if args.threads > 1 else 'sync'}), ONTMOET_ENV=production, "
        f"on {HOST}; " + (f"load from wrk ({args.clients} connections, 2 threads, {args.wrk_seconds:g} s per phase, "
                          f"a new connection per request) for the trivial view and the list, from {args.clients} "
                          "Python client threads for the exports; all on the same machine"
                          if args.driver == "wrk" else
                          f"load from {args.clients} client threads on the same machine"),
        "",
        "| places | endpoint | clients | requests | errors | p50 ms | p95 ms | max ms | req/s | % of trivial "
        "| server CPU ms/req | database CPU ms/req | other programs' CPU |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        errors = str(row["errors"]) + (f" (+{row['skipped']} not run)" if row["skipped"] else "")
        lines.append(
            f"| {row['size']:,} | {row['endpoint']} | {row['clients']} | {row['requests']} | {errors} "
            f"| {row['p50'] * 1000:.0f} | {row['p95'] * 1000:.0f} | {row['max'] * 1000:.0f} "
            f"| {figure(row['rps'])} | {figure(row['vs_trivial'])} % "
            f"| {row['server_cpu_ms']:.1f} | {database_cell(row)} | {row['other_cpu']:.0f} % |"
        )
    lines += ["", "SQL queries per request (measured in-process, Django test client):", ""]
    for note in notes:
        queries = ", ".join(f"{name} {count}" for name, count in note["meta"]["queries"].items())
        seconds = note["meta"]["seconds"]
        lines.append(f"- {note['size']:,} places: {queries} (data generated in {seconds['fill']} s)")
    lines += ["", *targets(notes), ""]
    return "\n".join(lines)


def database_cell(row: dict) -> str:
    """The database server's CPU per request; with SQLite it is part of the server's (in the workers)."""
    return f"{row['database_cpu_ms']:.1f}" if row.get("database_cpu_ms") else "(in server)"


def code_changed() -> datetime:
    """When the app code last changed: results are only comparable between runs of the same code."""
    newest = max(path.stat().st_mtime for path in (ROOT / "ontmoet").rglob("*") if path.suffix in {".py", ".html"})
    return datetime.fromtimestamp(newest).astimezone()


def code_note(notes: list[dict]) -> str:
    text = "; ".join(f"{stamp:%Y-%m-%d %H:%M:%S %Z}" for stamp in sorted({note["code"] for note in notes}))
    moved = [f"{note['size']:,}" for note in notes if note["code_moved"]]
    if moved:
        text += f", and again during the run of {', '.join(moved)} places (those figures may mix old and new code)"
    return text


def figure(value: float) -> str:
    """One decimal, or three for the export's small numbers, which would otherwise all read 0.0."""
    return f"{value:.1f}" if value >= 1 else f"{value:.3f}"


def targets(notes: list[dict]) -> list[str]:
    """The requirement's targets, checked at 10,000 places when that size was run."""
    for note in notes:
        if note["size"] != TARGET_SIZE:
            continue
        by_name = {row["endpoint"]: row for row in note["rows"]}
        list_p95 = by_name["list `/plekken/?…`"]["p95"] * 1000
        alone = by_name["export CSV, all, alone"]["max"]
        crowded = by_name["export CSV, all"]["p95"]
        return [
            f"Targets at {TARGET_SIZE:,} places:",
            "",
            f"- list p95 ≤ {TARGET_LIST_P95_MS} ms with {note['rows'][1]['clients']} clients: "
            f"{list_p95:.0f} ms — {'met' if list_p95 <= TARGET_LIST_P95_MS else 'NOT met'}",
            f"- export of all {TARGET_SIZE:,} ≤ {TARGET_EXPORT_S:g} s: alone (slowest of the solo runs) "
            f"{alone:.2f} s — {'met' if alone <= TARGET_EXPORT_S else 'NOT met'}; "
            f"p95 with {by_name['export CSV, all']['clients']} exports at once {crowded:.2f} s — "
            f"{'met' if crowded <= TARGET_EXPORT_S else 'NOT met'}",
        ]
    return []


if __name__ == "__main__":
    main()
