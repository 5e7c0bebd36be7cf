"""Signed links for people without an account: confirm or cancel a registration, unsubscribe from the digest.

Nothing is stored: the link carries the object's id, signed with SECRET_KEY and a purpose-specific salt,
so a link for one purpose or one registration never works for another.
"""

from django.core import signing

CONFIRM_SALT = "ontmoet.network.registration.confirm"
CANCEL_SALT = "ontmoet.network.registration.cancel"
UNSUBSCRIBE_SALT = "ontmoet.network.digest.unsubscribe"
FORM_SALT = "ontmoet.network.public-form"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def make(salt: str, value) -> str:
    return signing.dumps(value, salt=salt, compress=True)


def read(salt: str, token: str, max_age: int | None = None):
    """The signed value, or None for a broken, tampered or expired link."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
