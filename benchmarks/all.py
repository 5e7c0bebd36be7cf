"""Run every speed benchmark, one after the other, and append each one's figures to RESULTS.md.

    .venv/bin/python benchmarks/all.py [--database-url postgres://…] [--driver wrk] [--only run directory …]

Each script can also be run alone (see README.md in this folder for its own options). Run this on a
quiet machine: the figures are only as good as the CPU the server gets.
"""

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# script -> extra arguments so that its figures are appended to RESULTS.md
BENCHMARKS = {
    "run": [],  # officers' place list and CSV export (issue 2)
    "directory": [],  # public search (issue 3)
    "monitor": [],  # report and import (issue 4)
    "grants": ["--save"],  # impact report and award page (issue 5)
    "helpdesk": [],  # suggestions, routing, peers, dashboard (issue 6)
    "toolkit": [],  # tool pages and the initiative PDF (issue 7)
    "network": [],  # digest to 10,000 users, killed and resumed (issue 8)
    "overview": ["--save"],  # the overview with its work queues (issue 18)
    "agenda": ["--gunicorn"],  # the public agenda near a postcode, in process and with 20 clients (issue 19)
    "rooms_accept": [],  # accepting a booking with 10 and 10,000 bookings in the room (issue 19)
    "opendata": [],  # activities and rooms in the public API and the open-data files (issue 19; SQLite only)
}
SQLITE_ONLY = {"opendata"}
WITH_DRIVER = {"run", "directory", "agenda"}  # the scripts that take --driver (python or wrk)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="PostgreSQL server for every benchmark (default: SQLite)")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these")
    parser.add_argument("--driver", choices=["python", "wrk"],
                        help=f"load generator for {', '.join(sorted(WITH_DRIVER))} (default: each script's own)")
    args = parser.parse_args()
    failed = []
    for name, extra in BENCHMARKS.items():
        if args.only and name not in args.only:
            continue
        command = [sys.executable, str(HERE / f"{name}.py"), *extra]
        if args.database_url:
            if name in SQLITE_ONLY:
                continue
            command += ["--database-url", args.database_url]
        if args.driver and name in WITH_DRIVER:
            command += ["--driver", args.driver]
        print(f"== {name}: {' '.join(command)}", flush=True)
        if subprocess.call(command) != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
