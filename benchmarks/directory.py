"""Load benchmark of the public sociale kaart (search page) against gunicorn on 127.0.0.1.

For every size: a fresh database with N places (benchmarks/seed.py, then the directory's search index
built by `ontmoet rebuild_directory_index`), gunicorn in production mode on a free loopback port and
20 anonymous clients. Measured one after the other on the same server: the trivial /gezondheid/ view
as the baseline, the start page `/` (served from the page cache), then /kaart/ searches: free text,
text + filter, radius ("near me"), and all three at once, each a random mix in which few paths repeat,
and then "popular searches": visits that
repeat, drawn with Zipf weights from a pool of all four kinds, as a public map's visitors do, measured
after as many such visits as a warm-up (a running site's cache has seen the visits before). Anonymous
search pages come from a page cache (core.pagecache) when they were asked before; the report gives
the share of cache hits per phase, so cold and cached figures can be told apart. Also the weight of
the search page with everything it loads (no map tiles), as sent with gzip. Prints a markdown table
and appends it to benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/directory.py [--sizes 10000 100000] [--database-url postgres://...] [--driver wrk]

With `--driver wrk` the measured requests come from wrk (Debian package `wrk`) instead of Python
client threads: as many connections, for `--wrk-seconds` per phase, walking through a longer list of
draws of the same kind (so more of them repeat: the report shows the cache hits); wrk needs little
CPU, so the server keeps more of the two cores.
Reuses run.py's helpers (database, gunicorn, client, phases); standard library only.
"""

import argparse
import http.client
import os
import random
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402 - the list benchmark's helpers
from run import (  # noqa: E402  # noqa: E402
    HOST,
    ROOT,
    Client,
    app_env,
    cpu_counters,
    cpu_usage,
    database,
    database_cell,
    gunicorn,
    machine_info,
    postgres_pid,
    run_phase,
    run_wrk_paths,
    summary,
)

HERE = Path(__file__).resolve().parent
EMAIL = "benchmark.directory@example.nl"
TARGETS = {10_000: (100, 50), 100_000: (300, None)}  # p95 ms, % of trivial throughput
PAGE_WEIGHT_LIMIT = 300 * 1024
WORDS = ["dorpshuis", "buurthuizen", "koersbal", "biljarten", "bibliotheek", "linde", "anker", "kulturhus",
         "heino", "markelo", "wijkcentrum", "vrijwilligers", "ouderen", "maaltijd"]
TYPOS = ["dorpshuiz", "koersbl", "bibliotheel", "markello"]
VILLAGES = ["Lemelerveld", "Heino", "Nijverdal", "Vroomshoop", "Markelo", "Delden", "Goor", "Ootmarsum"]


def main() -> None:
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))
    machine = machine_info()
    notes = []
    for size in args.sizes:
        print(f"== {size:,} places", flush=True)
        notes.append(run_size(size, args))
    report = render(args, machine, notes)
    print(report)
    if not args.no_save:
        with (HERE / "RESULTS.md").open("a", encoding="utf-8") as results:
            results.write("\n" + report + "\n")
        print(f"Appended to {HERE / 'RESULTS.md'}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--database-url", help="PostgreSQL server to use; a fresh database is created per size")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1,
                        help="gunicorn processes (default: 2 × nproc + 1, as in production; ADR 0009)")
    parser.add_argument("--threads", type=int, default=1, help="threads per process; 1 (default) is the sync worker")
    parser.add_argument("--trivial-requests", type=int, default=2000)
    parser.add_argument("--search-requests", type=int, default=400, help="per kind of search")
    parser.add_argument("--phase-seconds", type=float, default=180)
    parser.add_argument("--driver", choices=["python", "wrk"], default="python",
                        help="what sends the measured requests: Python client threads, or wrk (little CPU)")
    parser.add_argument("--wrk-seconds", type=float, default=15, help="length of a phase with --driver wrk")
    parser.add_argument("--wrk-paths", type=int, default=8000, help="paths per search phase with --driver wrk")
    parser.add_argument("--no-save", action="store_true")
    return parser.parse_args()


def run_size(size: int, args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"ontmoet-dirbench-{size}-"))
    try:
        with database(size, workdir, args.database_url) as database_url:
            env = app_env(workdir, database_url)
            started = time.perf_counter()
            for command in ([sys.executable, str(HERE / "seed.py"), str(size), EMAIL, secrets.token_urlsafe(16)],
                            [sys.executable, "-m", "ontmoet", "rebuild_directory_index"],
                            [sys.executable, str(HERE / "seed.py"), "steady-state"]):
                done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
                if done.returncode:
                    sys.exit(f"{command[1]} failed:\n{done.stderr[-3000:]}")
            seconds = time.perf_counter() - started
            print(f"   database and search index ready in {seconds:.1f} s", flush=True)
            with gunicorn(env, workdir, args) as (port, server_pid):
                return measure(port, server_pid, size, args) | {"prepare_s": seconds}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def search_paths(rng: random.Random, kind: str, count: int) -> list[str]:
    def one() -> dict:
        if kind == "text":
            return {"q": rng.choice(WORDS + TYPOS)}
        if kind == "text + filter":
            return {"q": rng.choice(WORDS), rng.choice(["kind", "day"]): rng.choice(["dorpshuis", "buurthuis", "mfa"])
                    if rng.random() < 0.5 else rng.choice(["ma", "wo", "za"])}
        if kind == "radius":
            return {"near": rng.choice(VILLAGES + [str(rng.randint(7000, 8399))]), "radius": rng.choice([2, 5, 10])}
        return {"q": rng.choice(WORDS), "near": rng.choice(VILLAGES), "radius": rng.choice([5, 10, 25]),
                "wheelchair": "ja", "sort": rng.choice(["afstand", "relevantie"])}

    paths = []
    for _ in range(count):
        query = one()
        query = {key: value for key, value in query.items() if not (key == "kind" and value in {"ma", "wo", "za"})}
        query["pagina"] = rng.choice([1, 1, 1, 2, 3])
        paths.append("/kaart/?" + urlencode(query))
    return paths


def measure(port: int, server_pid: int, size: int, args) -> dict:
    clients = [Client(port) for _ in range(args.clients)]
    rng = random.Random(size)
    ok_page = lambda body: b"directory-count" in body  # noqa: E731
    run_phase(clients, ["/gezondheid/"] * 100, lambda body: b'"ok"' in body, args.phase_seconds)  # warm-up
    run_phase(clients, search_paths(rng, "all", 100), ok_page, args.phase_seconds)
    phases = [("trivial `/gezondheid/`", ["/gezondheid/"] * args.trivial_requests, lambda body: b'"ok"' in body),
              # Anonymous visitors get the start page from the page cache (one miss, then hits).
              ("start page `/`", ["/"] * args.trivial_requests, lambda body: b"kop-zoeken" in body)]
    for kind in ("text", "text + filter", "radius", "text + filter + radius"):
        phases.append((f"search: {kind}", search_paths(rng, kind, args.search_requests), ok_page))
    pool = [path for kind in ("text", "text + filter", "radius", "all") for path in search_paths(rng, kind, 50)]
    rng.shuffle(pool)
    weights = [1 / rank ** 1.1 for rank in range(1, len(pool) + 1)]  # Zipf: a few searches are most of the visits
    popular = rng.choices(pool, weights, k=2 * args.search_requests)
    # The first half are the visits just before (not measured): a running site's cache has seen them.
    phases.append(("search: popular (visits repeat)", popular[args.search_requests:], ok_page))
    # wrk runs for a fixed time: it walks through a longer list of the same kind of draws.
    wrk_rng, wrk_paths = random.Random(size + 1), {}
    for name, paths, _check in phases:
        if name.startswith("search: popular"):
            wrk_paths[name] = wrk_rng.choices(pool, weights, k=args.wrk_paths)
        elif name.startswith("search: "):  # search_paths takes the kind's name ("text + filter + radius": all)
            wrk_paths[name] = search_paths(wrk_rng, name.removeprefix("search: "), args.wrk_paths)
        else:
            wrk_paths[name] = paths
    rows = []
    database_pid = postgres_pid(args.database_url)
    for name, paths, check in phases:
        if name.startswith("search: popular"):
            run_phase(clients, popular[:args.search_requests], check, args.phase_seconds)
        before = cpu_counters(server_pid, database_pid)
        if args.driver == "wrk":
            expected = (['"ok"'] if name.startswith("trivial") else ["kop-zoeken"] if name.startswith("start")
                        else ["directory-count"])
            stats = run_wrk_paths(port, wrk_paths[name], expected, args.clients, args.wrk_seconds)
        else:
            stats = run_phase(clients, paths, check, args.phase_seconds)
        stats.update(cpu_usage(before, cpu_counters(server_pid, database_pid), stats))
        stats.update(size=size, endpoint=name, clients=len(clients))
        print(f"   {name:32} {summary(stats)}", flush=True)
        rows.append(stats)
    for row in rows:
        row["vs_trivial"] = 100 * row["rps"] / rows[0]["rps"] if rows[0]["rps"] else 0
    return {"size": size, "rows": rows, "weight": page_weight(port)}


def fetch(port: int, path: str, gzip: bool) -> tuple[int, bytes, int]:
    """(status, body, bytes on the wire) for one GET, with or without gzip."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip else {})
        response = connection.getresponse()
        body = response.read()
        return response.status, body, len(body)
    finally:
        connection.close()


def page_weight(port: int) -> dict:
    """The search page with a query, plus every stylesheet, script and image it references (no tiles)."""
    path = "/kaart/?" + urlencode({"q": "dorpshuis", "near": "Heino", "radius": 10})
    _status, html, _size = fetch(port, path, gzip=False)
    assets = sorted(set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)))
    # The map's marker images and the GeoJSON the map script asks for.
    assets += [b"/static/directory/vendor/leaflet/images/marker-icon.png",
               b"/static/directory/vendor/leaflet/images/marker-shadow.png"]
    map_data = "/kaart/kaart.json?" + urlsplit(path).query
    plain = wire = 0
    for item in [path, map_data, *[asset.decode() for asset in assets]]:
        status, _body, raw = fetch(port, item, gzip=False)
        _status2, _body2, packed = fetch(port, item, gzip=True)
        if status != 200:
            sys.exit(f"page weight: HTTP {status} for {item}")
        plain, wire = plain + raw, wire + packed
    return {"files": len(assets) + 2, "plain": plain, "wire": wire,
            "third_party": bool(re.search(rb'(?:href|src)="https?://', html))}


def render(args, machine: dict, notes: list[dict]) -> str:
    command = ".venv/bin/python " + shlex.join([os.path.relpath(__file__, ROOT), *sys.argv[1:]])
    if args.database_url and urlsplit(args.database_url).password:
        command = command.replace(urlsplit(args.database_url).password, "***")
    lines = [
        f"## {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} — sociale kaart search "
        f"({'PostgreSQL' if args.database_url else 'SQLite'})",
        "",
        f"- Command: `{command}`",
        f"- Machine: {machine['nproc']} CPUs ({machine['cpu']}), {machine['memory']} RAM, "
        f"Python {machine['python']}, {machine['os']}",
        f"- Server: gunicorn, {args.workers} workers × {args.threads} threads, ONTMOET_ENV=production, on {HOST}; "
        f"{args.clients} anonymous clients on the same machine "
        f"({'wrk, 2 threads' if args.driver == 'wrk' else 'Python threads'})",
        "",
        "| places | endpoint | requests | errors | cache hits | p50 ms | p95 ms | max ms | req/s | % of trivial "
        "| server CPU ms/req | database CPU ms/req | other programs' CPU |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for note in notes:
        for row in note["rows"]:
            lines.append(
                f"| {row['size']:,} | {row['endpoint']} | {row['requests']} | {row['errors']} "
                f"| {100 * row['cache_hits'] / max(1, row['requests']):.0f} % "
                f"| {row['p50'] * 1000:.0f} | {row['p95'] * 1000:.0f} | {row['max'] * 1000:.0f} "
                f"| {row['rps']:.1f} | {row['vs_trivial']:.0f} % | {row['server_cpu_ms']:.1f} "
                f"| {database_cell(row)} | {row['other_cpu']:.0f} % |")
    lines += ["", "Targets:", ""]
    for note in notes:
        p95_limit, share = TARGETS.get(note["size"], (None, None))
        searches = [row for row in note["rows"] if row["endpoint"].startswith("search")]
        worst = max(row["p95"] for row in searches) * 1000
        lowest = min(row["vs_trivial"] for row in searches)
        if p95_limit:
            text = f"- {note['size']:,} places: worst search p95 {worst:.0f} ms (target ≤ {p95_limit}) — " \
                   f"{'met' if worst <= p95_limit else 'NOT met'}"
            if share:
                text += f"; lowest throughput {lowest:.0f} % of trivial (target ≥ {share} %) — " \
                        f"{'met' if lowest >= share else 'NOT met'}"
            lines.append(text)
            for row in searches:
                if row["endpoint"].startswith("search: popular"):
                    hits = 100 * row["cache_hits"] / max(1, row["requests"])
                    lines.append(f"  - of which popular searches ({hits:.0f} % from the page cache): "
                                 f"p95 {row['p95'] * 1000:.0f} ms, {row['vs_trivial']:.0f} % of trivial throughput")
        weight = note["weight"]
        lines.append(f"- page weight ({note['size']:,} places), search page with map data and all assets, "
                     f"{weight['files']} files: {weight['plain'] / 1024:.0f} KB uncompressed, "
                     f"{weight['wire'] / 1024:.0f} KB as sent with gzip (target < 300 KB) — "
                     f"{'met' if weight['wire'] < PAGE_WEIGHT_LIMIT else 'NOT met'}; third-party resources: "
                     f"{'yes' if weight['third_party'] else 'none'}")
    return "\n".join(lines)


if __name__ == "__main__":
    assert run.HOST == HOST
    main()
