"""Every write of the monitor, each inside a transaction. Views, commands and imports call these.

The package is split by subject; callers use `services.<name>` from here.
"""

from ..workflows import TransitionError
from ..xlsform import FormError
from .common import TOKEN_SALT, invitation_from_token, invitation_token, invitation_url, link_was_revoked
from .mailing import (
    can_mail,
    needs_reminder,
    reissue_link,
    run_mail_job_now,
    send_invitation,
    send_reminder,
    start_mail_job_record,
)
from .responses import (
    AlreadySubmitted,
    decline,
    log_call,
    mark_opened,
    record_bounce,
    record_opt_out,
    reopen,
    save_draft,
    submit,
    submit_many,
)
from .waves import create_wave, import_questionnaire

__all__ = [
    "TOKEN_SALT", "AlreadySubmitted", "FormError", "TransitionError", "can_mail", "create_wave", "decline",
    "import_questionnaire", "invitation_from_token", "invitation_token", "invitation_url", "link_was_revoked",
    "log_call", "mark_opened", "needs_reminder", "record_bounce", "record_opt_out", "reissue_link", "reopen",
    "run_mail_job_now", "save_draft", "send_invitation", "send_reminder", "start_mail_job_record", "submit",
    "submit_many",
]
