"""The roles of Ontmoet and the Django group (with Dutch name) that carries each role's permissions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROVINCE_ADMIN = "province_admin", _("Provinciebeheerder")
    PROVINCE_STAFF = "province_staff", _("Provinciemedewerker")
    MUNICIPAL_OFFICER = "municipal_officer", _("Gemeentemedewerker")
    BOARD_MEMBER = "board_member", _("Bestuurslid of beheerder van een plek")
    EXPERT = "expert", _("Expert of coach")
    INITIATOR = "initiator", _("Initiatiefnemer of corporatie")


# Which scope field a role needs: a role is always held *for* something.
ROLE_SCOPE_FIELD = {
    Role.PROVINCE_ADMIN: "province",
    Role.PROVINCE_STAFF: "province",
    Role.MUNICIPAL_OFFICER: "municipality",
    Role.BOARD_MEMBER: "place",
    Role.EXPERT: "province",
    Role.INITIATOR: "province",
}

# Group name (Dutch, shown in the admin) and model permissions per role. Object-level scope is
# enforced separately, in accounts.scoping; these only say which kinds of objects a role may touch.
ROLE_GROUPS = {
    Role.PROVINCE_ADMIN: (
        "Provinciebeheerders",
        [
            "places.view_place", "places.add_place", "places.change_place",
            "places.view_facility", "places.add_facility", "places.change_facility", "places.delete_facility",
            "places.view_activity", "places.add_activity", "places.change_activity", "places.delete_activity",
            "places.view_targetgroup", "places.add_targetgroup", "places.change_targetgroup",
            "places.delete_targetgroup",
            "regions.view_province", "regions.view_municipality", "regions.add_municipality",
            "regions.change_municipality",
        ],
    ),
    Role.PROVINCE_STAFF: ("Provinciemedewerkers", ["places.view_place", "places.add_place", "places.change_place"]),
    Role.MUNICIPAL_OFFICER: ("Gemeentemedewerkers", ["places.view_place", "places.add_place", "places.change_place"]),
    Role.BOARD_MEMBER: ("Besturen van plekken", ["places.view_place", "places.change_place"]),
    Role.EXPERT: ("Experts en coaches", []),
    Role.INITIATOR: ("Initiatiefnemers en corporaties", []),
}
