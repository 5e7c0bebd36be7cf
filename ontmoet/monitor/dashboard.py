"""The monitor on the personal overview: open waves for officers, open questionnaires for boards."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ontmoet.core.panels import Panel, WorkItem, kept

from . import selectors, services


@kept("monitor", "places")
def panels(request, scope):
    today = timezone.localdate()
    result = []
    if scope.is_officer:
        waves = list(selectors.visible_waves(scope).open_on(today)[:5])
        rows = []
        for wave in waves:
            rows.append({"wave": wave, **selectors.response_rate(scope, wave)})
        if rows:
            result.append(Panel("monitor/panels/officer.html", {"rows": rows}))
    if scope.is_board_member:
        items = [(item, services.invitation_token(item)) for item in selectors.invitations_to_answer(scope)]
        if items:
            result.append(Panel("monitor/panels/board.html", {"items": items}))
    return result


@kept("monitor", "places")
def work_items(request, scope):
    """Call-backs due per open wave for province staff; the questionnaires still to answer for boards."""
    items = []
    if scope.is_province_staff:
        for wave in selectors.visible_waves(scope).open_on(timezone.localdate()).filter(
                province_id__in=scope.province_ids).order_by("closes_on", "pk"):
            count = selectors.call_backs_due(scope, wave).count()
            items.append(WorkItem(ngettext("%(n)s terugbelafspraak voor vandaag (%(wave)s)",
                                           "%(n)s terugbelafspraken voor vandaag (%(wave)s)", count)
                                  % {"n": count, "wave": f"{wave.title} {wave.year}"}, count,
                                  f"{reverse('monitor:phone_list', args=[wave.pk])}?toon={selectors.CALL_BACK}"))
    if scope.is_municipal_officer and not scope.is_province_staff:
        for wave in selectors.visible_waves(scope).open_on(timezone.localdate()).order_by("closes_on", "pk"):
            count = selectors.not_answered(scope, wave).count()
            items.append(WorkItem(ngettext("%(n)s plek heeft de monitor nog niet ingevuld (%(wave)s)",
                                           "%(n)s plekken hebben de monitor nog niet ingevuld (%(wave)s)", count)
                                  % {"n": count, "wave": f"{wave.title} {wave.year}"}, count,
                                  f"{reverse('monitor:wave', args=[wave.pk])}?toon=open"))
    if scope.is_board_member:
        count = selectors.invitations_to_answer(scope).count()
        # One questionnaire waiting: straight to it (pre-filled), so a board that changes nothing is done in 3 clicks.
        url = reverse("monitor:respond", args=[services.invitation_token(
            selectors.invitations_to_answer(scope).get())]) if count == 1 else reverse("monitor:mine")
        items.append(WorkItem(ngettext("%(n)s vragenlijst van de monitor in te vullen",
                                       "%(n)s vragenlijsten van de monitor in te vullen", count) % {"n": count},
                              count, url))
    return items
