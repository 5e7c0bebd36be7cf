"""Vocabulary for the permission matrix that every app's `tests/permissions.py` fills in.

Each app declares `MATRIX = {url name: (method, kwargs, expected status per role[, data])}`. A kwargs
value is either a literal, the string "place" (the Raalte place's code), or a callable that receives
the test `world` and returns the value (it may create the object it needs); `data`, the POST body, is
a dict or such a callable. The core test collects all
apps' matrices and fails for any named URL without a rule.
"""

from ontmoet.conftest import ROLE_NAMES

OK, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 302, 403, 404, 405


def expect(default, **overrides):
    """Expected status per role: `default` for every role not named."""
    unknown = set(overrides) - set(ROLE_NAMES)
    assert not unknown, f"onbekende rol in de matrix: {unknown}"
    return {role: overrides.get(role, default) for role in ROLE_NAMES}


def as_post(expected):
    """The same rule for a POST that redirects after success."""
    return {role: (REDIRECT if status == OK else status) for role, status in expected.items()}


PUBLIC = expect(OK)
LOGGED_IN = expect(OK, anonymous=REDIRECT)
OFFICERS_ONLY = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK,
                       other_province_staff=OK, municipal_officer=OK, other_municipal_officer=OK)
PROVINCE_ONLY = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK,
                       other_province_staff=OK)
# The Raalte place: its province, its municipality and its own board; 404 for everyone else.
OWN_PLACE = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=OK, province_staff=OK, municipal_officer=OK,
                   board_member=OK)
OWN_PLACE_POST = as_post(OWN_PLACE)
