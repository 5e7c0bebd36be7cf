from ontmoet.core.panels import Panel
from ontmoet.places.models import Place

from . import selectors
from .views import may_ask, uses_helpdesk


def panels(request, scope):
    if not uses_helpdesk(scope):
        return []
    viewer = selectors.viewer_for(request.user)
    return [Panel("helpdesk/panel.html", {
        "counts": selectors.counts_for(viewer), "handler": viewer.can_handle_any, "may_ask": may_ask(scope),
        "own_places": Place.objects.filter(pk__in=scope.place_ids).order_by("name"),
    })]
