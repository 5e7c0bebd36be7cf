"""A data subject's request (AVG art. 15 and 17): find, export and erase what Ontmoet holds for one e-mail address.

Each app contributes `<app>/privacy.py` with two functions, discovered like navigation.py providers
so that core imports no domain app:

    find(email)  -> [(kind label, [row as {column: text}, ...]), ...]
    erase(email) -> [(kind label, number of rows erased or anonymised), ...]
    purge(now)   -> [(kind label, number of rows removed)]   (optional: retention, `ontmoet privacy_purge`)

Plain tuples and dicts, so that accounts (below core) can contribute too. Erasing runs every app's
eraser in one transaction, the accounts app last (the others may find rows through the user), and
appends a `PrivacyRequest` row: who did it, when, why, and a keyed hash of the address, never the
address itself (the log must not keep what was erased).
"""

import hashlib
import hmac
from functools import cache

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from ontmoet.core.discovery import app_modules

from . import stamps, submissions
from .models import PrivacyRequest


@cache
def _providers() -> tuple:
    modules = [module for module in app_modules("privacy") if module.__name__ != __name__]
    # The accounts app anonymises the user; the others may still need the user's address to find theirs.
    return tuple(sorted(modules, key=lambda module: module.__name__ == "ontmoet.accounts.privacy"))


def normalise(email: str) -> str:
    return email.strip().lower()


def email_hash(email: str) -> str:
    """The same address gives the same hash, so the log can answer "was this address handled?"."""
    return hmac.new(settings.SECRET_KEY.encode(), normalise(email).encode(), hashlib.sha256).hexdigest()


def find(email: str) -> list[tuple[str, list[dict]]]:
    """Every kind of data held for the address, with its rows, in app order; kinds without rows are left out."""
    email = normalise(email)
    found = []
    for module in _providers():
        found.extend((label, rows) for label, rows in module.find(email) if rows)
    return found


def log(action: str, email: str, by, reason: str = "", counts: dict | None = None) -> PrivacyRequest:
    return PrivacyRequest.objects.create(action=action, email_hash=email_hash(email), by=by, reason=reason.strip(),
                                         counts=counts or {})


def export(email: str, by) -> list[tuple[str, list[dict]]]:
    found = find(email)
    log(PrivacyRequest.Action.EXPORT, email, by, counts={label: len(rows) for label, rows in found})
    return found


@transaction.atomic
def erase(email: str, by, reason: str) -> dict[str, int]:
    """Erase or anonymise everything for the address (what the law obliges us to keep stays, and is listed)."""
    if not reason.strip():
        raise ValueError("reason required")
    email = normalise(email)
    counts: dict[str, int] = {}
    for module in _providers():
        for label, count in module.erase(email):
            counts[str(label)] = counts.get(str(label), 0) + count
    stamps.renew_all()  # the erasers anonymise with UPDATEs: nothing kept may still show the person
    log(PrivacyRequest.Action.ERASE, email, by, reason, counts)
    return counts


def purge(now) -> list[tuple[str, int]]:
    """Remove what has passed its retention period, app by app (idempotent: a second run removes nothing)."""
    removed = []
    for module in _providers():
        if hasattr(module, "purge"):
            with transaction.atomic():
                removed.extend((str(label), count) for label, count in module.purge(now))
    # Not personal data, but kept no longer than needed either: the one-time tokens of sent forms.
    removed.append((str(_("Sleutels van verstuurde formulieren")), submissions.forget_old(now)))
    stamps.renew_all()  # as after an erasure: what is kept was made from what is now gone
    return removed
