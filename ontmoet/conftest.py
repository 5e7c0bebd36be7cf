"""Shared test fixtures: a small world with two provinces and one user for every role.

`world` holds: Overijssel with Raalte (the main test municipality) and Zwolle, Gelderland with
Apeldoorn, a place in each, and users: province admin and staff of Overijssel, staff of Gelderland,
officers of Raalte and Zwolle, the boards of the Raalte and Zwolle places, an expert and an initiator.
"""

from dataclasses import dataclass

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import assign_role
from ontmoet.accounts.tests.factories import UserFactory
from ontmoet.places.tests.factories import MunicipalityFactory, PlaceFactory
from ontmoet.regions.models import Province

PASSWORD = "correct-horse-battery"


@dataclass
class World:
    overijssel: object
    gelderland: object
    raalte: object
    zwolle: object
    apeldoorn: object
    place: object  # in Raalte, run by `board`
    zwolle_place: object
    gelderland_place: object
    users: dict  # role name -> User


ROLE_NAMES = [
    "anonymous", "province_admin", "province_staff", "other_province_staff", "municipal_officer",
    "other_municipal_officer", "board_member", "other_board_member", "expert", "initiator",
]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is slow on purpose; tests that are not about hashing use a fast hasher.

    That production hashes with Argon2 is asserted in core/tests/test_security.py.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db) -> World:
    overijssel = Province.objects.get(code="PV23")
    gelderland = Province.objects.get(code="PV25")
    raalte = MunicipalityFactory(code="GM0177", name="Raalte", province=overijssel)
    zwolle = MunicipalityFactory(code="GM0193", name="Zwolle", province=overijssel)
    apeldoorn = MunicipalityFactory(code="GM0200", name="Apeldoorn", province=gelderland)
    place = PlaceFactory(code="RAA-001", name="Dorpshuis De Linde", municipality=raalte, city="Heeten")
    zwolle_place = PlaceFactory(code="ZWO-001", name="Wijkcentrum Zwolle-Zuid", kind="wijkcentrum",
                                municipality=zwolle, latitude="52.500000", longitude="6.100000")
    gelderland_place = PlaceFactory(code="APE-001", name="Buurthuis Apeldoorn", kind="buurthuis",
                                    municipality=apeldoorn, latitude="52.210000", longitude="5.960000")
    users = {"anonymous": None}
    assignments = {
        "province_admin": (Role.PROVINCE_ADMIN, overijssel),
        "province_staff": (Role.PROVINCE_STAFF, overijssel),
        "other_province_staff": (Role.PROVINCE_STAFF, gelderland),
        "municipal_officer": (Role.MUNICIPAL_OFFICER, raalte),
        "other_municipal_officer": (Role.MUNICIPAL_OFFICER, zwolle),
        "board_member": (Role.BOARD_MEMBER, place),
        "other_board_member": (Role.BOARD_MEMBER, zwolle_place),
        "expert": (Role.EXPERT, overijssel),
        "initiator": (Role.INITIATOR, overijssel),
    }
    for name, (role, target) in assignments.items():
        user = UserFactory(email=f"{name.replace('_', '.')}@test.example", first_name=name)
        assign_role(user, role, target)
        users[name] = user
    return World(overijssel, gelderland, raalte, zwolle, apeldoorn, place, zwolle_place, gelderland_place, users)


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as that user (or anonymous for None)."""

    def make(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return make
