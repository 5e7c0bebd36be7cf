"""What every write of the Sociale Hypotheek shares: the refusal type, limits and the status history."""

import calendar
from datetime import date

from ..models import StatusChange
from ..workflow import ApplicationStatus

S = ApplicationStatus
MAX_ATTACHMENTS = 10
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024


class GrantError(Exception):
    """A refused action, with a Dutch message that says what to do instead."""


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _log(application, frm, to, user, reason="", note=""):
    StatusChange.objects.create(application=application, from_status=frm, to_status=to, by=user, reason=reason,
                                note=note)
