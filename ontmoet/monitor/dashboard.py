"""The monitor on the personal overview: open waves for officers, open questionnaires for boards."""

from django.utils import timezone

from ontmoet.core.panels import Panel

from . import selectors, services
from .models import Status


def panels(request, scope):
    today = timezone.localdate()
    result = []
    if scope.is_officer:
        waves = list(selectors.visible_waves(scope).open_on(today)[:5])
        rows = []
        for wave in waves:
            progress = selectors.progress(scope, wave)
            rows.append({"wave": wave, "rate": progress["rate"], "complete": progress["overall"][Status.COMPLETE],
                         "total": progress["total"]})
        if rows:
            result.append(Panel("monitor/panels/officer.html", {"rows": rows}))
    if scope.is_board_member:
        items = [(item, services.invitation_token(item)) for item in selectors.own_invitations(scope)
                 if item.status not in {Status.COMPLETE, Status.DECLINED}]
        if items:
            result.append(Panel("monitor/panels/board.html", {"items": items}))
    return result
