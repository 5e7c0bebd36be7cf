"""What every write of the Sociale Hypotheek shares: the refusal type, limits and the status history."""

import calendar
from datetime import date

from ..workflows import APPLICATION, ApplicationStatus, GrantError  # noqa: F401 - the package's refusal

S = ApplicationStatus
MAX_ATTACHMENTS = 10
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _log(application, frm, to, user, reason="", note=""):
    """A history row without a move: the start of an application, or the first of two approvals."""
    APPLICATION.record(application, frm, to, by=user, reason=reason, note=note)
