"""Dashboard panels, assembled from each app's `dashboard.py`.

An app contributes `def panels(request, scope) -> list[Panel]`; the personal overview page shows
them in INSTALLED_APPS order (the register, `places`, first), so every module can put what a
role needs to do next on the first page without editing the core template. In the same way an app
may contribute `def place_panels(request, scope, place) -> list[Panel]` to a place's page (for
example who the place's aanspreekpunt is), `def public_place_panels(request, place) -> list[Panel]` to the
place's public page on the sociale kaart (its coming activities, vacancies, rooms and rates), and
`def home_panels(request) -> list[Panel]` to the public start page (the search form, the coming
activities). A home panel must look the same to every anonymous visitor:
the start page is kept in the page cache (core.pagecache).

Above the panels the overview shows the user's work queue: an app contributes
`def work_items(request, scope) -> list[WorkItem]`, one per kind of thing waiting for this user, each a
count (from one indexed COUNT query, never a Python loop) and the link to a list filtered to exactly
those items, where each can be handled.
"""

from dataclasses import dataclass, field

from ontmoet.core.discovery import app_functions


@dataclass(frozen=True)
class Panel:
    template: str  # included with `panel` = this object
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class WorkItem:
    label: str  # what waits, with the count in it ("3 urenboekingen te beoordelen")
    count: int
    url: str  # the list of exactly these items


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
