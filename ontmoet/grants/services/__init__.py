"""Every write of the Sociale Hypotheek, each inside one transaction; mail goes out after it.

Decisions lock the row they change (select_for_update) and check the status the user saw, so two
officers deciding at once cannot both win, and a double click does nothing the second time.

The package is split by area; callers use `services.<name>` from here.
"""

from .applying import (
    ROUND_PROBLEMS,
    ActivityData,
    Problem,
    add_attachment,
    application_pdf,
    delete_attachment,
    eligibility_problems,
    is_first_timer,
    save_draft,
    start_application,
    submission_problems,
    submit,
)
from .awards import (
    EntryData,
    decide_entry,
    decide_settlement,
    entry_problems,
    expected_hours,
    log_hours,
    on_track,
    refresh_totals,
    register_payment,
    reverse_entry,
    send_reminders,
    settle,
    settle_due,
)
from .common import ATTACHMENT_MAX_BYTES, MAX_ATTACHMENTS, GrantError, add_months
from .review import Outcome, awarded_total, decide, decision_letter, waitlist, withdraw
from .rounds import create_round, update_round

__all__ = [
    "ATTACHMENT_MAX_BYTES", "MAX_ATTACHMENTS", "ROUND_PROBLEMS", "ActivityData", "EntryData", "GrantError", "Outcome",
    "Problem", "add_attachment", "add_months", "application_pdf", "awarded_total", "create_round", "decide",
    "decide_entry", "decide_settlement", "decision_letter", "delete_attachment", "eligibility_problems",
    "entry_problems", "expected_hours", "is_first_timer", "log_hours", "on_track", "refresh_totals",
    "register_payment", "reverse_entry", "save_draft", "send_reminders", "settle", "settle_due", "start_application",
    "submission_problems", "submit", "update_round", "waitlist", "withdraw",
]
