"""Dashboard panels, assembled from each app's `dashboard.py`.

An app contributes `def panels(request, scope) -> list[Panel]`; the personal overview page shows
them in INSTALLED_APPS order (the register, `places`, first), so every module can put what a
role needs to do next on the first page without editing the core template. In the same way an app
may contribute `def place_panels(request, scope, place) -> list[Panel]` to a place's page (for
example who the place's aanspreekpunt is), `def public_place_panels(request, place) -> list[Panel]` to the
place's public page on the sociale kaart (its coming activities, vacancies, rooms and rates), and
`def home_panels(request) -> list[Panel]` to the public start page (the search form, the coming
activities). A home panel must look the same to every anonymous visitor:
the start page is kept in the page cache (core.pagecache). An app's `def activity_kind_ids(place, public)`
adds to the facts row "Activiteiten" of a place's pages (place_activity_kind_ids).

Above the panels the overview shows the user's work queue: an app contributes
`def work_items(request, scope) -> list[WorkItem]`, one per kind of thing waiting for this user, each a
count (from one indexed COUNT query, never a Python loop) and the link to a list filtered to exactly
those items, where each can be handled.

A provider whose figures take more than a moment is wrapped in `kept(...)`: a repeat overview then reads what
it returned from the cache, until a write to what it counts replaces a stamp (core.stamps, ADR 0017).
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import wraps

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from ontmoet.core.discovery import app_functions
from ontmoet.core.stamps import current_stamps


@dataclass(frozen=True)
class Panel:
    template: str  # included with `panel` = this object
    context: dict = field(default_factory=dict)
    html: str = ""  # the panel as rendered once, for a kept provider (`kept`): shown as it is

    def rendered(self, request) -> "Panel":
        return Panel("", html=render_to_string(self.template, {"panel": self}, request=request))


@dataclass(frozen=True)
class WorkItem:
    label: str  # what waits, with the count in it ("3 urenboekingen te beoordelen")
    count: int
    url: str  # the list of exactly these items


_KEPT_CONTENTS: set[str] = set()  # every content some kept provider depends on: read in one query per request


def _stamps(request) -> dict[str, str]:
    found = getattr(request, "_kept_stamps", None)
    if found is None or not found.keys() >= _KEPT_CONTENTS:
        found = request._kept_stamps = current_stamps(_KEPT_CONTENTS)
    return found


def _viewer_parts(request, scope) -> str:
    """Today's date, the language and the scope: the same for every provider on one request."""
    found = getattr(request, "_kept_viewer", None)
    if found is None or found[0] is not scope:
        parts = "\n".join([timezone.localdate().isoformat(), get_language() or "", scope_key(scope)])
        found = request._kept_viewer = (scope, parts)
    return found[1]


def scope_key(scope) -> str:
    return "|".join([str(int(scope.authenticated)), str(int(scope.superuser)), scope_ids(scope.province_ids),
                     scope_ids(scope.admin_province_ids), scope_ids(scope.municipality_ids),
                     scope_ids(scope.place_ids), ",".join(sorted(scope.roles))])


def scope_ids(ids) -> str:
    return ",".join(map(str, sorted(ids)))


def kept(*contents: str, per_user=False, until=None):
    """Keep what a dashboard provider (`panels` or `work_items`) returns in the default cache.

    The key holds the stamps of `contents` (each replaced by every write to that content), the viewer's scope,
    the language and today's date, since the queues count by date (overdue, due today, 30 days ahead).
    `per_user` (True, or a function of the scope) adds who asks, where the result depends on more than the
    scope (one's own registrations, the questions assigned to an expert). `until(request, scope)` gives the
    moment within the day when the result changes by time alone (None: not before midnight); it is asked on
    a miss. Nothing is kept while a content has no stamp yet (never written since it was loaded).

    Panels are kept as rendered (`Panel.html`): a repeat overview neither reads nor renders them again. So a
    kept panel's template may use only `panel` and what is the same for everyone with the key (no form: a
    panel that renders a CSRF token is shown but not kept).
    """
    _KEPT_CONTENTS.update(contents)

    def decorator(provider):
        @wraps(provider)
        def cached(request, scope):
            stamps = _stamps(request)
            if not all(stamps.get(name) for name in contents):
                return provider(request, scope)
            mine = per_user(scope) if callable(per_user) else per_user
            parts = [provider.__module__, provider.__qualname__, *(stamps[name] for name in contents),
                     _viewer_parts(request, scope), str(request.user.pk) if mine else ""]
            key = "kept:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()
            found = cache.get(key)
            if found is None:
                found = [item.rendered(request) if isinstance(item, Panel) else item
                         for item in provider(request, scope)]
                if any("csrfmiddlewaretoken" in getattr(item, "html", "") for item in found):
                    return found  # a form holds this session's token: never for someone else
                ends = until(request, scope) if until else None
                now = timezone.localtime()  # after counting: what is kept expires at `ends`, not later
                midnight = timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), time()))
                ends = min(ends, midnight) if ends else midnight
                seconds = int((ends - now).total_seconds())
                if seconds > 0:
                    cache.set(key, found, seconds)
            return found

        return cached

    return decorator


def _providers(function: str):
    return app_functions("dashboard", function)


def dashboard_panels(request, scope) -> list[Panel]:
    return [panel for provider in _providers("panels") for panel in provider(request, scope)]


def place_panels(request, scope, place) -> list[Panel]:
    return [panel for provider in _providers("place_panels") for panel in provider(request, scope, place)]


def work_items(request, scope) -> list[WorkItem]:
    """What waits for this user, across modules; empty queues are left out."""
    return [item for provider in _providers("work_items") for item in provider(request, scope) if item.count]
def public_place_panels(request, place) -> list[Panel]:
    return [panel for provider in _providers("public_place_panels") for panel in provider(request, place)]


def home_panels(request) -> list[Panel]:
    return [panel for provider in _providers("home_panels") for panel in provider(request)]


def place_activity_kind_ids(place, public: bool) -> set[int]:
    """The activity kinds (the register's vocabulary) of what other modules hold for the place, from each app's
    `def activity_kind_ids(place, public) -> set[int]` (the agenda's activities): the place's facts row shows
    them with the register's own list. `public`: only what the public pages show."""
    return {pk for provider in _providers("activity_kind_ids") for pk in provider(place, public)}
