"""The register's own sections of the personal overview: the places in an officer's area and a board's own place.

Places comes first among the apps in INSTALLED_APPS, so these panels stay at the top of the overview.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Min
from django.urls import reverse
from django.utils.translation import ngettext

from ontmoet.core.panels import Panel, WorkItem, kept

from . import selectors
from .choices import Status

# The officers' list filtered to the places a reminder is for (selectors.needs_verification_q).
STALE_FILTER = {"verified": "verouderd", "status": Status.ACTIVE}


def _summary(request, scope) -> dict:
    """The officer's figures, once per request: the panel and the work queue share them."""
    if not hasattr(request, "_places_summary"):
        request._places_summary = selectors.summary(scope)
    return request._places_summary


def _next_lapse(request, scope):
    """When the next visible active place passes 12 months without confirmation: the counts change then, by
    time alone, so what is kept goes at that moment (core.panels.kept)."""
    oldest = selectors.visible_places(scope).filter(
        status=Status.ACTIVE, last_verified_at__gte=selectors.verification_cutoff()).aggregate(
        oldest=Min("last_verified_at"))["oldest"]
    return oldest + timedelta(days=settings.ONTMOET_VERIFY_AFTER_DAYS) if oldest else None


@kept("places", until=_next_lapse)
def panels(request, scope):
    found = []
    if scope.is_officer:
        found.append(Panel("places/includes/dashboard_summary.html", {
            "summary": _summary(request, scope), "is_province_staff": scope.is_province_staff,
            "active_query": urlencode({"status": Status.ACTIVE}), "stale_query": urlencode(STALE_FILTER)}))
    if scope.is_board_member:
        own_places = list(selectors.own_places(scope))
        if own_places:
            found.append(Panel("places/includes/dashboard_own_places.html", {"own_places": own_places}))
    return found


@kept("places", until=_next_lapse)
def work_items(request, scope):
    """Places whose details were not confirmed for 12 months: for the province the reminder list, for a
    municipality its own list filtered, for a board its place's page (where it confirms them)."""
    if scope.is_officer:
        count = _summary(request, scope)["stale"]  # visible places matching needs_verification_q()
        url = (reverse("places:verification") if scope.is_province_staff
               else f"{reverse('places:list')}?{urlencode(STALE_FILTER)}")
        return [WorkItem(ngettext("%(n)s plek waarvan de gegevens al 12 maanden niet zijn bevestigd",
                                  "%(n)s plekken waarvan de gegevens al 12 maanden niet zijn bevestigd", count)
                         % {"n": count}, count, url)]
    if scope.is_board_member:
        stale = selectors.own_places(scope).filter(selectors.needs_verification_q())
        first = stale.first()
        if first is not None:
            count = stale.count()
            return [WorkItem(ngettext("Bevestig de gegevens van %(name)s", "Bevestig de gegevens van uw %(n)s plekken",
                                      count) % {"name": first.name, "n": count}, count, first.get_absolute_url())]
    return []
