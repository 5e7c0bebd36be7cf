"""Accepting a booking costs the same in a room with 10 or 10,000 accepted bookings (issue 19).

For each size: a fresh database, one place with one room holding N accepted bookings (one a day, a morning
each, half of them before today and half from today on), then 30 requests for coming evenings are accepted
one by one through `services.accept` (the locked overlap check, the status move, the outbox row with its
.ics). The evenings lie among the coming mornings' bookings, so the overlap check has to find its few rows
inside the room's history and future, not at its end. Reports the median and p95 per accept (wall time,
and this process's CPU time, which other programs on the machine do not inflate; on PostgreSQL the server's
share is in the wall time only), the SQL of the overlap check with its query plan (EXPLAIN), and appends
the table to benchmarks/RESULTS.md unless --no-save.

    .venv/bin/python benchmarks/rooms_accept.py [--sizes 10 10000] [--database-url postgres://...]
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ACCEPTS = 30


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 10_000])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-save", action="store_true")
    return parser.parse_args()


def setup(args):
    sys.path.insert(0, str(ROOT))
    os.environ["ONTMOET_DATA_DIR"] = tempfile.mkdtemp(prefix="ontmoet-rooms-bench-")
    if args.database_url:
        sys.path.insert(0, str(HERE))
        from run import fresh_postgres_database

        os.environ["DATABASE_URL"] = fresh_postgres_database(args.database_url, "rooms")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    call_command("migrate", verbosity=0)


def room_with(size: int):
    from decimal import Decimal

    from django.utils import timezone

    from ontmoet.places.models import Place
    from ontmoet.regions.models import Municipality, Province
    from ontmoet.rooms.models import Booking, BookingRequest, BookingState, Rate, RequestStatus, Room, TenantKind

    province, _ = Province.objects.get_or_create(code="PV23", defaults={"name": "Overijssel"})
    municipality, _ = Municipality.objects.get_or_create(code="GM0177", defaults={"name": "Raalte",
                                                                                   "province": province})
    place = Place.objects.create(code=f"BENCH-{size}", name=f"Dorpshuis {size}", municipality=municipality,
                                 kind="dorpshuis", city="Raalte")
    room = Room.objects.create(place=place, name="Grote zaal", capacity=100,
                               hours={str(day): ["00:00", "23:59"] for day in range(7)})
    kind = TenantKind.objects.get(code="bewonersinitiatief")
    Rate.objects.create(room=room, tenant_kind=kind, unit="uur", amount=Decimal("10"))
    old = BookingRequest.objects.create(room=room, status=RequestStatus.ACCEPTED, tenant_kind=kind, people=10,
                                        first_date=timezone.localdate(), last_date=timezone.localdate(),
                                        starts=datetime.min.time(), ends=datetime.min.time(), email="x@example.org")
    # Mornings (08:00-10:00 UTC), so that they never clash with the evenings accepted in `measure`.
    morning = timezone.now().replace(hour=8, minute=0, second=0, microsecond=0)
    Booking.objects.bulk_create([
        Booking(request=old, room=room, starts_at=morning + timedelta(days=day),
                ends_at=morning + timedelta(days=day, hours=2), state=BookingState.ACCEPTED,
                price=Decimal("20")) for day in range(-(size // 2), size - size // 2)], batch_size=2000)
    return room


def measure(room) -> tuple[list[float], list[float]]:
    from datetime import time as clock

    from ontmoet.rooms import pricing, services
    from ontmoet.rooms.models import TenantKind

    kind = TenantKind.objects.get(code="bewonersinitiatief")
    today = datetime.now(UTC).date()
    timings, cpu = [], []
    for day in range(1, ACCEPTS + 1):
        starts, ends = clock(19), clock(22)
        data = {"name": "Bench", "email": "bench@example.org", "phone": "", "organisation": "", "purpose": "x",
                "tenant_kind": kind, "people": 10, "series": False, "starts": starts, "ends": ends}
        made = services.submit_request(room, data, pricing.slots([today + timedelta(days=day)], starts, ends, 30), "")
        began, began_cpu = time.perf_counter(), time.process_time()
        services.accept(made, by=None)
        timings.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return timings, cpu


def plan(room) -> tuple[str, str]:
    from django.db import connection
    from django.utils import timezone

    from ontmoet.rooms.services import overlapping

    start = timezone.now() + timedelta(days=1)
    query = overlapping(room, start, start + timedelta(hours=3)).values_list("starts_at", "ends_at", "request_id")
    sql, params = query.query.sql_with_params()
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(explain + sql, params)
        rows = cursor.fetchall()
    return sql, "\n".join(" | ".join(str(cell) for cell in row) for row in rows)


def main() -> int:
    args = parse_args()
    setup(args)
    from django.db import connection

    lines = []
    plans = []
    for size in args.sizes:
        room = room_with(size)
        timings, cpu = (sorted(values) for values in measure(room))
        p95 = -(-len(timings) * 95 // 100) - 1  # nearest rank
        lines.append(f"| {size:,} | {ACCEPTS} | {statistics.median(timings):.1f} | {timings[p95]:.1f} | "
                     f"{timings[-1]:.1f} | {statistics.median(cpu):.1f} | {cpu[p95]:.1f} |")
        plans.append((size, *plan(room)))
    vendor = f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}"
    report = [f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — rooms: accepting a booking ({vendor.strip()})", "",
              f"- Command: `.venv/bin/python benchmarks/rooms_accept.py {' '.join(sys.argv[1:])}`".rstrip(),
              f"- Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}; in-process, no HTTP; "
              f"load average (1, 5, 15 min) at the end: {', '.join(f'{value:.2f}' for value in os.getloadavg())}",
              "- Each accept: the room's lock, the overlap check, the status move with history, the outbox row "
              "with the .ics", "",
              "| accepted bookings in the room | accepts | median ms | p95 ms | max ms | median CPU ms | p95 CPU ms |",
              "|---:|---:|---:|---:|---:|---:|---:|", *lines, ""]
    size, sql, explained = plans[-1]
    report += [f"The overlap check at {size:,} bookings, and its plan:", "", "```sql", sql, "```", "", "```",
               explained, "```", ""]
    text = "\n".join(report)
    print(text)
    if not args.no_save:
        with open(HERE / "RESULTS.md", "a") as results:
            results.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
