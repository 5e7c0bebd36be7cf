from django.urls import reverse
from django.utils.translation import ngettext

from ontmoet.core.panels import Panel, WorkItem, kept

from . import selectors


@kept("toolkit", "places", per_user=True)
def panels(request, scope):
    if not scope.authenticated:
        return []
    initiatives = list(selectors.visible_initiatives(request.user, scope)[:5])
    return [Panel("toolkit/includes/panel.html", {"initiatives": initiatives})]


@kept("toolkit", per_user=True)
def work_items(request, scope):
    """An initiator's (or any owner's) initiatives with a toolkit step still to do; the count is the list's filter."""
    if not scope.authenticated:
        return []
    count = selectors.with_open_steps(request.user).count()
    return [WorkItem(ngettext("%(n)s initiatief met stappen nog te doen", "%(n)s initiatieven met stappen nog te doen",
                              count) % {"n": count}, count, f"{reverse('toolkit:list')}?lijst={selectors.OPEN_STEPS}")]
