"""Forms that create something create it once, however often the same form is posted.

Every creating form carries a one-time token (OnceFormMixin: a signed random value in a hidden
field, new each time the form is shown). submit_once records the token in the same transaction as
what the form creates (core.models.FormSubmission, unique on the token): a second post of the same
form, a double click or a resend after a timeout, even at the same moment, creates nothing and is
sent to the first result. On PostgreSQL the second INSERT waits for the first transaction and then
fails on the unique constraint; on SQLite writers take turns.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from .models import FormSubmission

SALT = "core.submissions"
FIELD = "verzendsleutel"


class OnceFormMixin:
    """Adds the hidden one-time token; `submission_token` is the checked value (empty when absent or forged)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[FIELD] = forms.CharField(widget=forms.HiddenInput, required=False,
                                             initial=signing.dumps(uuid.uuid4().hex, salt=SALT))

    @property
    def submission_token(self) -> str:
        # A missing, altered or expired token is no reason to refuse a form (a page from before a
        # deploy, a script, a tab left open for weeks); such a post is simply not protected against
        # being repeated. Expired tokens are forgotten by forget_old, so they must not count.
        try:
            return signing.loads(self.data.get(FIELD, ""), salt=SALT, max_age=token_age())
        except signing.BadSignature:  # includes SignatureExpired
            return ""


class OnceForm(OnceFormMixin, forms.Form):
    """Only the token: for forms that are a button (register, start a sending round), render `form.verzendsleutel`."""


def token_age() -> timedelta:
    return timedelta(days=settings.ONTMOET_FORM_TOKEN_DAYS)


def forget_old(now) -> int:
    """Remove the records of tokens that can no longer be accepted (daily, through `privacy_purge`)."""
    # A day's margin: a token signed just before its record was written is still valid a little longer.
    return FormSubmission.objects.filter(created_at__lt=now - token_age() - timedelta(days=1)).delete()[0]


@dataclass
class Outcome:
    result: object  # what create() returned; None when repeated
    url: str  # where the result is shown
    repeated: bool  # this form was posted before: nothing was created now


def _first(token: str) -> Outcome | None:
    url = FormSubmission.objects.filter(token=token).values_list("url", flat=True).first()
    return None if url is None else Outcome(None, url, True)


def submit_once(token: str, create: Callable[[], object], url_of: Callable[[object], str]) -> Outcome:
    """Run `create` (a service call) unless a form with this token already did; in one transaction."""
    if token and (first := _first(token)):
        return first
    try:
        with transaction.atomic():
            if token:
                FormSubmission.objects.create(token=token)
            result = create()
            url = url_of(result)
            if token:
                FormSubmission.objects.filter(token=token).update(url=url)
    except IntegrityError:
        if token and (first := _first(token)):
            return first
        raise
    return Outcome(result, url, False)


def posted_before(request, form) -> HttpResponseRedirect | None:
    """The answer to a repeat of a form that was sent before, checked before the form is validated again.

    For forms whose validation would refuse the repeat as a duplicate of what the first post made (a place
    code or category slug that is now taken): the repeat is sent to the first result, not shown an error.
    """
    if request.method == "POST" and (token := form.submission_token) and (first := _first(token)):
        return repeated(request, first)
    return None


def repeated(request, outcome: Outcome) -> HttpResponseRedirect:
    """The answer to a form posted again: to the first result, saying why nothing new was made."""
    messages.info(request, _("Dit formulier was al verstuurd; er is niets dubbel opgeslagen. "
                             "U ziet hier het resultaat van de eerste keer."))
    return HttpResponseRedirect(outcome.url)
