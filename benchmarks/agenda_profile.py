"""Where one uncached search of `/kaart/agenda/` ("this week near a postcode") spends its CPU.

On a copy of a database seeded by benchmarks/agenda.py (`--database`), with the same settings. Per search:
CPU time (time.process_time) of the request as a whole and of its parts (the form and the geocoder, building
the querysets, the SQL, the cards and JSON-LD, rendering), then the rendering split into its pieces (the page
shell, the filter form, the twenty result cards), each rendered on its own with the page's own context, and
the fragment cache emptied before each search ("not cached"). Requests go through Django's handler and
middleware (no test client: it copies the context of every template rendered). With `--cprofile` it also
prints the functions that cost most.

    .venv/bin/python benchmarks/agenda_profile.py --database /tmp/…/bench.sqlite3 [--requests 100] [--cprofile]
"""

import argparse
import cProfile
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


class Clock:
    """CPU milliseconds per named part, summed over the requests, for functions wrapped with `wrap`."""

    def __init__(self):
        self.total = defaultdict(float)

    def wrap(self, module, name: str, label: str):
        original = getattr(module, name)

        def timed(*args, **kwargs):
            before = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.total[label] += (time.process_time() - before) * 1000

        setattr(module, name, timed)

    def sql(self, execute, sql, params, many, context):
        before = time.process_time()
        try:
            return execute(sql, params, many, context)
        finally:
            self.total["SQL (execution and fetching)"] += (time.process_time() - before) * 1000
            self.total["SQL queries"] += 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--horizon-days", type=int, default=60)
    parser.add_argument("--cached", action="store_true", help="keep the fragment cache between searches")
    parser.add_argument("--cprofile", action="store_true")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="ontmoet-agenda-profile-")
    shutil.copyfile(args.database, f"{folder}/bench.sqlite3")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["ONTMOET_DATA_DIR"] = folder
    os.environ["AGENDA_HORIZON_DAYS"] = str(args.horizon_days)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    sys.path[:0] = [str(ROOT)]
    import django

    django.setup()
    from django.core.cache import caches
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection
    from django.template import RequestContext, Template
    from django.test import RequestFactory

    from ontmoet.agenda import public, selectors, views_public
    from ontmoet.places.models import Place

    call_command("migrate", verbosity=0)
    postcodes = sorted({code[:4] for code in Place.objects.exclude(postcode="").values_list("postcode", flat=True)})
    rng = random.Random(20261206)
    paths = [f"/kaart/agenda/?wanneer=week&near={rng.choice(postcodes)}&radius=10" for _ in range(args.requests)]
    handler, factory, fragments = WSGIHandler(), RequestFactory(), caches["template_fragments"]

    def get(path):
        response = handler.get_response(factory.get(path))
        assert response.status_code == 200, (path, response.status_code)
        return response

    for path in ["/gezondheid/"] * 20 + paths[-10:]:  # warm up (imports, templates, the geocoder's centres)
        get(path)
    trivial = []
    for _ in range(args.requests):
        before = time.process_time()
        get("/gezondheid/")
        trivial.append((time.process_time() - before) * 1000)

    clock = Clock()
    clock.wrap(views_public, "run_search", "form, geocoder and querysets (run_search)")
    clock.wrap(views_public.AgendaSearchForm, "filters", "  of which: the form (filters)")
    clock.wrap(views_public, "geocode", "  of which: the geocoder")
    clock.wrap(selectors, "search", "  of which: the search queryset (selectors.search)")
    clock.wrap(selectors, "page", "the page: count, narrow page, its rows (selectors.page)")
    for name in ("card", "cards"):
        if hasattr(public, name):
            clock.wrap(public, name, f"the cards' data (public.{name})")
    for name in ("events_jsonld", "cards_jsonld"):
        if hasattr(public, name):
            clock.wrap(public, name, f"JSON-LD (public.{name})")
    clock.wrap(public, "script_content", "JSON-LD as text (public.script_content)")
    if hasattr(views_public, "current_stamp"):  # since the page cache, its one read of the stamps serves the view
        clock.wrap(views_public, "current_stamp", "the vocabulary stamp")
    clock.wrap(views_public, "render", "rendering (django.shortcuts.render)")
    totals = []
    profiler = cProfile.Profile() if args.cprofile else None
    with connection.execute_wrapper(clock.sql):
        for path in paths:
            if not args.cached:
                fragments.clear()
            before = time.process_time()
            if profiler:
                profiler.enable()
            get(path)
            if profiler:
                profiler.disable()
            totals.append((time.process_time() - before) * 1000)
    count = len(paths)
    print(f"trivial /gezondheid/: mean {statistics.mean(trivial):.2f} ms CPU")
    print(f"agenda ({'fragment cache kept' if args.cached else 'fragment cache emptied before each'}): "
          f"mean {statistics.mean(totals):.2f} ms CPU, p95 {statistics.quantiles(totals, n=20)[-1]:.2f} ms, "
          f"{statistics.mean(totals) / statistics.mean(trivial):.1f}× trivial\n")
    print("| part | mean CPU ms per search |\n|---|---:|")
    for label, total in clock.total.items():
        print(f"| {label} | {total / count:.2f} |")
    accounted = sum(total for label, total in clock.total.items() if not label.startswith(("  ", "SQL")))
    print(f"| rest: middleware, request and response, view glue | {statistics.mean(totals) - accounted / count:.2f} |")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)

    # The rendering in pieces: each with the context the view gave the page (the test client's context).
    request = factory.get(paths[0])
    request.user = __import__("django.contrib.auth.models", fromlist=["AnonymousUser"]).AnonymousUser()
    captured = {}
    original_render = views_public.render

    def capture(request_, template_name, context=None, *rest, **kwargs):
        captured.update(context or {})
        return original_render(request_, template_name, context, *rest, **kwargs)

    views_public.render = capture
    get(paths[0])
    views_public.render = original_render
    pieces = {
        "page shell (base.html, empty content)": '{% extends "base.html" %}',
        "filter form (search_fields_* + near + button)": (
            '{% load cache components i18n %}{% include "agenda/includes/search_fields_when.html" %}'
            '{% include "components/form_field.html" with field=form.near only %}'
            '{% include "agenda/includes/search_fields_what.html" %}'),
        "20 result cards": None,
        "whole page": '{% include "agenda/search.html" %}',
    }
    if (ROOT / "ontmoet/agenda/jinja2/agenda/results.html").exists():  # session 11: the cards in Jinja2
        pieces["20 result cards"] = '{% load jinja %}{% jinja "agenda/results.html" cards=cards show_place=True %}'
    else:
        pieces["20 result cards"] = ('{% for card in cards %}{% include "agenda/includes/result.html" with '
                                     'card=card show_place=True only %}{% endfor %}')
    print("\n| rendered on its own | cold ms | kept ms |\n|---|---:|---:|")
    for label, source in pieces.items():
        template = Template(source)
        cold, kept = [], []
        for _ in range(30):
            fragments.clear()
            before = time.process_time()
            template.render(RequestContext(request, captured))
            cold.append((time.process_time() - before) * 1000)
            before = time.process_time()
            template.render(RequestContext(request, captured))
            kept.append((time.process_time() - before) * 1000)
        print(f"| {label} | {statistics.median(cold):.2f} | {statistics.median(kept):.2f} |")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
