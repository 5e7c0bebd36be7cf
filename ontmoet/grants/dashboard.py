"""What a role has to do next in the Sociale Hypotheek, on the personal overview."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ontmoet.core.panels import Panel, WorkItem, kept

from . import selectors
from .workflows import ApplicationStatus, AwardStatus


@kept("grants", "places")
def panels(request, scope):
    if not selectors.can_use(scope):
        return []
    today = timezone.localdate()
    context = {
        "open_rounds": selectors.visible_rounds(scope).filter(opens_on__lte=today, closes_on__gte=today,
                                                             is_historic=False),
        "is_board": scope.is_board_member,
        "is_province": scope.is_province_staff,
    }
    if scope.is_board_member:
        context["own_awards"] = selectors.visible_awards(scope).filter(
            place_id__in=scope.place_ids, status=AwardStatus.ACTIVE)
        context["own_applications"] = selectors.visible_applications(scope).filter(
            place_id__in=scope.place_ids).exclude(status__in=[ApplicationStatus.AWARDED, ApplicationStatus.WITHDRAWN])
    return [Panel("grants/includes/dashboard_panel.html", context)]


def _link(url_name: str, **query) -> str:
    return f"{reverse(url_name)}?{urlencode(query)}" if query else reverse(url_name)


@kept("grants", "places")
def work_items(request, scope):
    """What waits in the Sociale Hypotheek: the counts are the same querysets as the lists they link to."""
    items = []
    if scope.is_province_staff:
        count = selectors.entries_to_review(scope).count()
        items.append(WorkItem(ngettext("%(n)s urenboeking te beoordelen", "%(n)s urenboekingen te beoordelen",
                                       count) % {"n": count}, count, _link("grants:hour_review")))
        count = selectors.filter_applications(selectors.visible_applications(scope), selectors.TO_HANDLE).count()
        items.append(WorkItem(ngettext("%(n)s aanvraag te behandelen", "%(n)s aanvragen te behandelen", count)
                              % {"n": count}, count, _link("grants:application_list", status=selectors.TO_HANDLE)))
        count = selectors.visible_awards(scope).filter(status=AwardStatus.SETTLEMENT_PROPOSED).count()
        items.append(WorkItem(ngettext("%(n)s afrekeningsvoorstel te besluiten", "%(n)s afrekeningsvoorstellen te "
                                       "besluiten", count) % {"n": count}, count,
                              _link("grants:award_list", status=AwardStatus.SETTLEMENT_PROPOSED)))
    if scope.is_board_member:
        own = selectors.visible_applications(scope).filter(place_id__in=scope.place_ids)
        count = own.filter(status=ApplicationStatus.INFO_REQUESTED).count()
        items.append(WorkItem(ngettext("%(n)s aanvraag waarover de provincie iets vraagt",
                                       "%(n)s aanvragen waarover de provincie iets vraagt", count) % {"n": count},
                              count, _link("grants:application_list", status=ApplicationStatus.INFO_REQUESTED)))
        count = selectors.visible_awards(scope).filter(place_id__in=scope.place_ids, status=AwardStatus.ACTIVE).count()
        items.append(WorkItem(ngettext("%(n)s lopende toekenning: uren invoeren",
                                       "%(n)s lopende toekenningen: uren invoeren", count) % {"n": count},
                              count, _link("grants:award_list", status=AwardStatus.ACTIVE)))
    return items
