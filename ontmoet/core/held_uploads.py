"""An uploaded file kept for a second try: after a refused import the user fixes what the page asks
(a column, a mapping table) and tries again without choosing the file again.

The file goes through Django's storage API (ADR 0016; MEDIA_ROOT, which no URL serves) under
held/<user id>/<token>/<name>, for HOURS. Only the same user gets it back, with the token the page
carries in a hidden field (random, 128 bits). A successful import releases it at once; the hourly
`purge_documents` removes whatever has expired.
"""

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.text import get_valid_filename

HOURS = 2  # long enough to fix a mapping table, short for a file that may hold personal data
FOLDER = "held"
TOKEN = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class HeldUpload:
    token: str
    filename: str
    data: bytes


def _folder(user, token: str) -> str:
    return f"{FOLDER}/{user.pk}/{token}"


def _listdir(path: str) -> tuple[list, list]:
    try:
        return default_storage.listdir(path)
    except (FileNotFoundError, NotADirectoryError):  # nothing held there (any storage)
        return [], []


def hold(user, filename: str, data: bytes) -> str:
    """Keep `data` for this user; returns the token that fetches it again."""
    token = secrets.token_hex(16)
    name = get_valid_filename(PurePath(filename).name)[-100:] or "upload"
    default_storage.save(f"{_folder(user, token)}/{name}", ContentFile(data))
    return token


def _expired(name: str, now) -> bool:
    return default_storage.get_modified_time(name) <= now - timedelta(hours=HOURS)


def fetch(user, token: str) -> HeldUpload | None:
    """The file this user held under `token`, or None (unknown, someone else's, or expired)."""
    if not getattr(user, "pk", None) or not TOKEN.fullmatch(token or ""):
        return None
    folder = _folder(user, token)
    _dirs, files = _listdir(folder)
    if not files or _expired(f"{folder}/{files[0]}", timezone.now()):
        return None
    with default_storage.open(f"{folder}/{files[0]}", "rb") as handle:
        return HeldUpload(token, files[0], handle.read())


def release(user, token: str) -> None:
    """Remove what this user held under `token` (nothing when there is none)."""
    if not getattr(user, "pk", None) or not TOKEN.fullmatch(token or ""):
        return
    folder = _folder(user, token)
    for name in _listdir(folder)[1]:
        default_storage.delete(f"{folder}/{name}")


def purge_expired(now=None) -> int:
    """Remove every held file older than HOURS; returns how many. Safe to run again."""
    now = now or timezone.now()
    removed = 0
    for user_folder in _listdir(FOLDER)[0]:
        for token in _listdir(f"{FOLDER}/{user_folder}")[0]:
            folder = f"{FOLDER}/{user_folder}/{token}"
            for name in _listdir(folder)[1]:
                if _expired(f"{folder}/{name}", now):
                    default_storage.delete(f"{folder}/{name}")
                    removed += 1
    return removed
