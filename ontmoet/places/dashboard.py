"""The register's own sections of the personal overview: the places in an officer's area and a board's own place.

Places comes first among the apps in INSTALLED_APPS, so these panels stay at the top of the overview.
"""

from ontmoet.core.panels import Panel

from . import selectors


def panels(request, scope):
    found = []
    if scope.is_officer:
        found.append(Panel("places/includes/dashboard_summary.html", {
            "summary": selectors.summary(scope), "is_province_staff": scope.is_province_staff}))
    if scope.is_board_member:
        own_places = list(selectors.own_places(scope))
        if own_places:
            found.append(Panel("places/includes/dashboard_own_places.html", {"own_places": own_places}))
    return found
