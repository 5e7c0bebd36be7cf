"""What a role has to do next in the Sociale Hypotheek, on the personal overview."""

from django.utils import timezone

from ontmoet.core.panels import Panel

from . import selectors
from .models import HourEntry
from .workflows import ApplicationStatus, AwardStatus, EntryStatus


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
    if scope.is_province_staff:
        context["to_review"] = selectors.visible_applications(scope).filter(
            status__in=[ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW]).count()
        context["pending_entries"] = HourEntry.objects.filter(
            award__in=selectors.visible_awards(scope).values("pk"), status=EntryStatus.PENDING).count()
        context["proposals"] = selectors.visible_awards(scope).filter(status=AwardStatus.SETTLEMENT_PROPOSED).count()
    return [Panel("grants/includes/dashboard_panel.html", context)]
