from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ontmoet.core.panels import Panel, WorkItem
from ontmoet.places.models import Place

from . import selectors
from .models import Status
from .views import may_ask, uses_helpdesk


def panels(request, scope):
    if not uses_helpdesk(scope):
        return []
    viewer = selectors.viewer_for(request.user)
    return [Panel("helpdesk/panel.html", {
        "counts": selectors.counts_for(viewer), "handler": viewer.can_handle_any, "may_ask": may_ask(scope),
        "own_places": Place.objects.filter(pk__in=scope.place_ids).order_by("name"),
    })]


def _questions(**query) -> str:
    return f"{reverse('helpdesk:question_list')}?{urlencode(query)}"


def work_items(request, scope):
    """The meldpunt's queues; each count is the question list's own filter (selectors.filter_questions)."""
    if not uses_helpdesk(scope):
        return []
    viewer = selectors.viewer_for(request.user)
    base = selectors.visible_questions(viewer)
    items = []

    def add(singular, plural, url, **filters):
        count = selectors.filter_questions(base, expert=viewer.expert, **filters).count()
        items.append(WorkItem(ngettext(singular, plural, count) % {"n": count}, count, url))

    if viewer.expert is not None:
        add("%(n)s vraag aan u toegewezen", "%(n)s vragen aan u toegewezen", _questions(lijst=selectors.ASSIGNED),
            listing=selectors.ASSIGNED)
    if scope.is_province_staff:
        add("%(n)s nieuwe vraag te beoordelen", "%(n)s nieuwe vragen te beoordelen", _questions(lijst="triage"),
            listing="triage")
        add("%(n)s vraag over de termijn", "%(n)s vragen over de termijn", _questions(lijst="overdue"),
            listing="overdue")
        count = selectors.lapsing_vettings(selectors.experts_for(viewer), timezone.localdate()).count()
        items.append(WorkItem(ngettext("%(n)s screening verloopt binnen 30 dagen",
                                       "%(n)s screeningen verlopen binnen 30 dagen", count) % {"n": count}, count,
                              f"{reverse('helpdesk:expert_list')}?screening={selectors.LAPSING}"))
    if scope.is_board_member:
        add("%(n)s vraag wacht op uw antwoord", "%(n)s vragen wachten op uw antwoord",
            _questions(status=Status.WAITING), status=Status.WAITING)
    if scope.is_municipal_officer:
        add("%(n)s open vraag van plekken in uw gemeente", "%(n)s open vragen van plekken in uw gemeente",
            _questions(status="open"), status="open")
    return items
