from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import ngettext

from ontmoet.core.panels import Panel, WorkItem

from . import selectors
from .models import RequestStatus


def work_items(request, scope):
    """Requests waiting for the board's decision; the count is the request list's own filter."""
    if not scope.is_board_member:
        return []
    count = selectors.waiting_count(scope)
    url = f"{reverse('rooms_board:requests')}?{urlencode({'status': RequestStatus.REQUESTED})}"
    items = [WorkItem(ngettext("%(n)s boekingsaanvraag", "%(n)s boekingsaanvragen", count) % {"n": count}, count, url)]
    # Per place, quiet rooms of the last quarter (notice_quiet_rooms); the figures page lists exactly these.
    quiet = (selectors.open_quiet_notices(scope.place_ids).values("room__place__code", "room__place__name",
                                                                  "season_start")
             .annotate(count=Count("pk")).order_by("room__place__name"))
    for row in quiet:
        items.append(WorkItem(ngettext("%(n)s ruimte van %(place)s stond stil", "%(n)s ruimtes van %(place)s "
                                       "stonden stil", row["count"]) % {"n": row["count"],
                                                                         "place": row["room__place__name"]},
                              row["count"], reverse("rooms_board:figures", args=[row["room__place__code"]])
                              + f"?jaar={row['season_start'].year}#stil"))
    return items


def place_panels(request, scope, place):
    """On the place's register page: a way to its rooms, rates and requests."""
    return [Panel("rooms/panels/place.html", {"place": place, "count": selectors.rooms(place).count()})]


def public_place_panels(request, place):
    """On the sociale kaart: the rooms and their rates per kind of tenant (huurdifferentiatie in the open)."""
    rooms = list(selectors.rooms(place))
    if not rooms:
        return []
    return [Panel("rooms/panels/public_place.html", {"place": place, "rooms": rooms})]
