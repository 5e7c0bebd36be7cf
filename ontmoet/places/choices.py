"""Vocabularies for describing a place, taken from the seeds (001 monitor, 004 handreiking)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    KULTURHUS = "kulturhus", _("Kulturhus")
    DORPSHUIS = "dorpshuis", _("Dorpshuis")
    BUURTHUIS = "buurthuis", _("Buurthuis")
    WIJKCENTRUM = "wijkcentrum", _("Wijkcentrum")
    MFA = "mfa", _("MFA (multifunctionele accommodatie)")
    GEMEENSCHAPSHUIS = "gemeenschapshuis", _("Gemeenschapshuis")
    BUURTKAMER = "buurtkamer", _("Buurtkamer / huiskamer van de wijk")
    WOONCOMPLEX = "wooncomplex", _("Ontmoetingsruimte in een wooncomplex")
    OTHER = "anders", _("Anders")


class Typology(models.TextChoices):
    """The five types of the Handreiking ontmoetingsruimten (seed 004)."""

    MULTIFUNCTIONAL = "multifunctioneel", _("Multifunctionele ontmoetingsplek")
    KOFFIEHONK = "koffiehonk", _("'t Koffiehonk")
    WOONVORMEN = "woonvormen", _("Ontmoetingsruimte bij de woonvormen")
    BUURTHUIS = "buurthuis", _("Het buurthuis")
    SENIOR_COMPLEX = "55plus", _("Ontmoetingsruimte in 55+-complex")


class LegalForm(models.TextChoices):
    STICHTING = "stichting", _("Stichting")
    VERENIGING = "vereniging", _("Vereniging")
    KERKELIJK = "kerkelijk", _("Kerkelijke organisatie")
    VOF = "vof", _("Vof")
    OTHER = "anders", _("Anders")


class BuildingOwner(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    CORPORATIE = "corporatie", _("Woningcorporatie")
    BEWONERS = "bewoners", _("Bewoners / eigen stichting")
    KERK = "kerk", _("Kerk")
    PRIVATE = "particulier", _("Particulier / commercieel")
    OTHER = "anders", _("Anders")


class Staffing(models.TextChoices):
    """The staffing categories of the 2024 monitor (seed 001)."""

    VOLUNTEERS_ONLY = "vrijwilligers", _("Alleen vrijwilligers (sommigen met vrijwilligersvergoeding)")
    PAID_MANAGERS = "beheerders", _("1 of 2 betaalde beheerders, aangevuld met vrijwilligers")
    PAID_STAFF = "welzijn", _("Betaalde medewerkers van welzijnsorganisatie of woningcorporatie, met vrijwilligers")
    PAID_ONLY = "betaald", _("Alleen betaalde krachten")
    UNKNOWN = "onbekend", _("Niet bekend")


class Status(models.TextChoices):
    ACTIVE = "actief", _("Actief")
    TEMPORARILY_CLOSED = "tijdelijk_dicht", _("Tijdelijk gesloten")
    CLOSED = "gesloten", _("Gesloten")


WEEKDAYS = [
    ("ma", _("maandag")),
    ("di", _("dinsdag")),
    ("wo", _("woensdag")),
    ("do", _("donderdag")),
    ("vr", _("vrijdag")),
    ("za", _("zaterdag")),
    ("zo", _("zondag")),
]
