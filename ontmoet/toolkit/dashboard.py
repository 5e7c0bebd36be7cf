from ontmoet.core.panels import Panel, kept

from . import selectors


@kept("toolkit", "places", per_user=True)
def panels(request, scope):
    if not scope.authenticated:
        return []
    initiatives = list(selectors.visible_initiatives(request.user, scope)[:5])
    return [Panel("toolkit/includes/panel.html", {"initiatives": initiatives})]
