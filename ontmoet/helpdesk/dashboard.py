from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ontmoet.core.panels import Panel, WorkItem, kept
from ontmoet.places.models import Place

from . import selectors
from .models import Status
from .views import may_ask, uses_helpdesk


def _figures(request, scope):
    """The viewer and every meldpunt count of the overview (panel and work queue), in one aggregate query,
    kept on the request so the panel and the work queue share it."""
    found = getattr(request, "_helpdesk_figures", None)
    if found is None:
        viewer = selectors.viewer_for(request.user)
        wanted = {"open": ("open", ""), "overdue": ("", "overdue"), "nearly_due": ("", "nearly_due")}
        if scope.is_province_staff:
            wanted["triage"] = ("", "triage")
        if viewer.expert is not None:
            wanted[selectors.ASSIGNED] = ("", selectors.ASSIGNED)
        if scope.is_board_member:
            wanted[Status.WAITING] = (Status.WAITING, "")
        found = request._helpdesk_figures = (viewer, {"triage": 0, **selectors.queue_counts(viewer, wanted)})
    return found


def _is_expert(scope) -> bool:
    # An expert's figures are the questions assigned to them: kept per user, everyone else's per scope.
    return "expert" in scope.roles


@kept("helpdesk", "places", per_user=_is_expert)
def panels(request, scope):
    if not uses_helpdesk(scope):
        return []
    viewer, counts = _figures(request, scope)
    return [Panel("helpdesk/panel.html", {
        "counts": counts, "handler": viewer.can_handle_any, "may_ask": may_ask(scope),
        "own_places": Place.objects.filter(pk__in=scope.place_ids).order_by("name"),
    })]


def _questions(**query) -> str:
    return f"{reverse('helpdesk:question_list')}?{urlencode(query)}"


@kept("helpdesk", "places", per_user=_is_expert)
def work_items(request, scope):
    """The meldpunt's queues; each count is the question list's own filter (selectors.listing_q, status_q)."""
    if not uses_helpdesk(scope):
        return []
    viewer, counts = _figures(request, scope)
    items = []

    def add(singular, plural, name, url):
        items.append(WorkItem(ngettext(singular, plural, counts[name]) % {"n": counts[name]}, counts[name], url))

    if viewer.expert is not None:
        add("%(n)s vraag aan u toegewezen", "%(n)s vragen aan u toegewezen", selectors.ASSIGNED,
            _questions(lijst=selectors.ASSIGNED))
    if scope.is_province_staff:
        add("%(n)s nieuwe vraag te beoordelen", "%(n)s nieuwe vragen te beoordelen", "triage",
            _questions(lijst="triage"))
        add("%(n)s vraag over de termijn", "%(n)s vragen over de termijn", "overdue", _questions(lijst="overdue"))
        count = selectors.lapsing_vettings(selectors.experts_for(viewer), timezone.localdate()).count()
        items.append(WorkItem(ngettext("%(n)s screening verloopt binnen 30 dagen",
                                       "%(n)s screeningen verlopen binnen 30 dagen", count) % {"n": count}, count,
                              f"{reverse('helpdesk:expert_list')}?screening={selectors.LAPSING}"))
    if scope.is_board_member:
        add("%(n)s vraag wacht op uw antwoord", "%(n)s vragen wachten op uw antwoord", Status.WAITING,
            _questions(status=Status.WAITING))
    if scope.is_municipal_officer:
        add("%(n)s open vraag van plekken in uw gemeente", "%(n)s open vragen van plekken in uw gemeente", "open",
            _questions(status="open"))
    return items
