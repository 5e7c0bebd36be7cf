"""Occupancy and income per room per month, as a page with a chart per room and as XLSX.

Read by everyone whose scope holds the place: the figures carry no personal data.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ontmoet.accounts.decorators import any_role, scope_required
from ontmoet.core.charts import vertical_bars
from ontmoet.core.exports import xlsx_response

from . import figures, selectors, services
from .models import QuietRoomNotice


def _year(request) -> int:
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def _place_figures(scope, code, year):
    place = selectors.place_in_scope(scope, code)
    if place is None:
        raise Http404
    rooms = list(selectors.rooms(place))
    return place, figures.year_figures(place, rooms, year)


@require_safe
@scope_required(any_role)
def figures_page(request, code, scope):
    year = _year(request)
    place, found = _place_figures(scope, code, year)
    tenant_kinds = figures.kinds()
    charts = {room.pk: vertical_bars(
        [formats.date_format(month.month, "N") for month in months],
        [float(month.occupancy or 0) for month in months],
        alt=_("Bezetting van %(room)s per maand in %(year)s, in procenten; de tabel eronder geeft dezelfde cijfers.")
        % {"room": room.name, "year": year}, unit="%", maximum=100) for room, months in found}
    today = timezone.localdate()
    numeric = [{"label": label, "numeric": True} for label in
               [_("Geboekt (uur)"), _("Te boeken (uur)"), _("Bezetting"), *[k.label for k in tenant_kinds],
                _("Totaal")]]
    return render(request, "rooms/figures.html", {
        "headers": [_("Maand"), *numeric],
        "place": place, "year": year, "figures": found, "kinds": tenant_kinds, "charts": charts,
        "quiet": figures.quiet_rooms(found, today) if year == today.year else [],
        "notices": (list(selectors.open_quiet_notices([place.pk]).select_related("room"))
                    if selectors.may_manage(scope, place) else []),
        "help_url": reverse(settings.ROOMS_QUIET_ROOM_HELP_URL_NAME),
        "threshold": settings.ROOMS_LOW_OCCUPANCY_PERCENT, "previous": year - 1, "next": year + 1})


@require_safe
@scope_required(any_role)
def figures_xlsx(request, code, scope):
    year = _year(request)
    place, found = _place_figures(scope, code, year)
    tenant_kinds = figures.kinds()
    header = [_("Ruimte"), _("Maand"), _("Geboekte uren"), _("Te boeken uren"), _("Bezetting (%)"),
              *[_("Huur %(kind)s") % {"kind": kind.label.lower()} for kind in tenant_kinds], _("Huur totaal")]
    return xlsx_response(f"ruimtes-{place.code}-{year}.xlsx", _("Bezetting en huur"), header,
                         figures.table_rows(found, tenant_kinds))


@require_POST
@scope_required(any_role)
def quiet_notice_seen(request, code, pk, scope):
    """The board has read a quiet-room notice: it leaves the work queue."""
    place = selectors.place_in_scope(scope, code)
    if place is None:
        raise Http404
    if not selectors.may_manage(scope, place):
        raise PermissionDenied(_("Alleen het bestuur van de plek beheert de ruimtes en aanvragen."))
    notice = get_object_or_404(QuietRoomNotice, pk=pk, room__place=place)
    services.mark_quiet_notice_seen(notice)
    return redirect(reverse("rooms_board:figures", args=[place.code]) + f"?jaar={notice.season_start.year}")
