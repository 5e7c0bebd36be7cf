"""One demo login per role. Fictional people; the password is printed by `ontmoet demo`.

Here in the demo app, not in accounts: a board member's login needs a demo place, and accounts sits below
places in the layers (docs/adr/0015-boundaries.md).
"""

from django.db import transaction

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import assign_role, create_user
from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality, Province

DEMO_PASSWORD = "ontmoet-demo-2026"  # noqa: S105 - demo only; `ontmoet demo` refuses to run in production

# e-mail, first name, last name, role, how to find the scope object, function
DEMO_USERS = [
    ("provincie@demo.ontmoet.nl", "Petra", "Provincie", Role.PROVINCE_ADMIN, ("province", "PV23"), ""),
    ("beleid@demo.ontmoet.nl", "Bas", "Beleid", Role.PROVINCE_STAFF, ("province", "PV23"), ""),
    ("gemeente@demo.ontmoet.nl", "Gijs", "Gemeente", Role.MUNICIPAL_OFFICER, ("municipality", "GM0177"), ""),
    ("bestuur@demo.ontmoet.nl", "Berber", "Bestuur", Role.BOARD_MEMBER, ("place", "GM0177"), "Penningmeester"),
    ("expert@demo.ontmoet.nl", "Eva", "Expert", Role.EXPERT, ("province", "PV23"), ""),
    ("initiatief@demo.ontmoet.nl", "Ivo", "Initiatief", Role.INITIATOR, ("province", "PV23"), ""),
]


def _scope_object(kind: str, key: str):
    if kind == "province":
        return Province.objects.get(code=key)
    if kind == "municipality":
        return Municipality.objects.get(code=key)
    # The board member runs the first demo dorpshuis in this municipality (Raalte).
    return Place.objects.filter(is_demo=True, municipality__code=key).order_by("code").first()


@transaction.atomic
def load_demo_users() -> list[tuple[str, str]]:
    """Create the demo users (idempotent). Returns (e-mail, role label) for printing."""
    logins = []
    for email, first, last, role, (kind, key), function in DEMO_USERS:
        user = create_user(email, DEMO_PASSWORD, first, last)
        assign_role(user, role, _scope_object(kind, key), function)
        logins.append((email, str(role.label)))
    return logins
