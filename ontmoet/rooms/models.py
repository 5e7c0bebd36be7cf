"""Rooms a place rents out, their rates per kind of tenant, and booking requests with one row per date.

A request (`BookingRequest`) holds who asks and why; its dates are `Booking` rows, so a series of 40
Tuesdays is 40 rows the board accepts or declines one by one, and the overlap check and the occupancy
figures are plain range queries on (room, starts_at) / (room, ends_at). Two accepted bookings of one room
never overlap: on PostgreSQL an exclusion constraint (migration 0002, PostgreSQL only, see ADR 0067),
everywhere a locked check in services.accept.
"""

import secrets
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import StatusHistory
from ontmoet.core.uploads import private_upload_to
from ontmoet.places.choices import WEEKDAYS
from ontmoet.places.models import Place, Vocabulary


class TenantKind(Vocabulary):
    """Bewonersinitiatief, maatschappelijke organisatie, commercieel: who rents, for huurdifferentiatie."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("soort huurder")
        verbose_name_plural = _("soorten huurders")


class Facility(models.TextChoices):
    BEAMER = "beamer", _("Beamer of scherm")
    KITCHEN = "keuken", _("Keuken")
    STAGE = "podium", _("Podium")
    SOUND = "geluid", _("Geluidsinstallatie")
    WIFI = "wifi", _("Wifi")
    PIANO = "piano", _("Piano")
    BAR = "bar", _("Bar")
    FLIPCHART = "flipover", _("Flip-over of whiteboard")


class Room(models.Model):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("plek"))
    name = models.CharField(_("naam"), max_length=100)
    capacity = models.PositiveIntegerField(_("aantal personen"), validators=[MinValueValidator(1)])
    size_m2 = models.PositiveIntegerField(_("oppervlakte (m²)"), null=True, blank=True)
    facilities = models.JSONField(_("voorzieningen"), default=list, blank=True)
    accessibility = models.CharField(_("toegankelijkheid"), max_length=300, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    # Public: shown on the rooms page. Checked by content (core.uploads), stored under a random name.
    photo = models.FileField(_("foto"), upload_to=private_upload_to("rooms"), blank=True)
    photo_kind = models.CharField(max_length=10, blank=True, editable=False)
    # The photo's text alternative (WCAG 1.1.1), written by the board; empty: photo_text's generic one.
    photo_alt = models.CharField(_("beschrijving van de foto"), max_length=200, blank=True)
    # {"0": ["09:00", "22:00"], ...}: one window per weekday (Monday 0) in which the room can be booked;
    # a missing day is not bookable. Used by requests and by the occupancy figures.
    hours = models.JSONField(_("te boeken uren"), default=dict, blank=True)
    # Written first by every accept, so that accepts of one room take turns (see services.accept).
    bookings_changed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["place", "name"]
        constraints = [models.UniqueConstraint(fields=["place", "name"], name="rooms_room_unique_name")]
        verbose_name = _("ruimte")
        verbose_name_plural = _("ruimtes")

    def __str__(self) -> str:
        return self.name

    def photo_text(self) -> str:
        """The photo's alt text: the board's description, or "Foto van <naam>" when it gave none."""
        return self.photo_alt or gettext("Foto van %(name)s") % {"name": self.name}

    def window(self, weekday: int):
        """(opens, closes) as "HH:MM" strings for a weekday, or None when the room cannot be booked then."""
        found = self.hours.get(str(weekday))
        return tuple(found) if found else None

    def windows(self) -> list[tuple[str, str, str]]:
        """(day name, opens, closes) for every bookable weekday, Monday first."""
        return [(str(WEEKDAYS[day][1]), *self.window(day)) for day in range(7) if self.window(day)]

    def facility_labels(self) -> list[str]:
        labels = dict(Facility.choices)
        return [str(labels[code]) for code in self.facilities if code in labels]


class Unit(models.TextChoices):
    HOUR = "uur", _("per uur")
    DAGDEEL = "dagdeel", _("per dagdeel")


# A dagdeel (morning, afternoon, evening) is four hours: a booking of 5 hours is two dagdelen.
DAGDEEL_HOURS = 4


class Rate(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="rates", verbose_name=_("ruimte"))
    tenant_kind = models.ForeignKey(TenantKind, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("soort huurder"))
    unit = models.CharField(_("eenheid"), max_length=10, choices=Unit.choices)
    amount = models.DecimalField(_("bedrag"), max_digits=8, decimal_places=2,
                                 validators=[MinValueValidator(Decimal("0"))])

    class Meta:
        ordering = ["tenant_kind__order", "tenant_kind__name", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["room", "tenant_kind", "unit"], name="rooms_rate_unique"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="rooms_rate_not_negative"),
        ]
        verbose_name = _("tarief")
        verbose_name_plural = _("tarieven")

    def __str__(self) -> str:
        return f"{self.room} {self.tenant_kind} {self.amount} {self.unit}"


class RequestStatus(models.TextChoices):
    REQUESTED = "aangevraagd", _("Aangevraagd")
    ACCEPTED = "geaccepteerd", _("Geaccepteerd")
    PARTLY = "deels", _("Deels geaccepteerd")
    DECLINED = "afgewezen", _("Afgewezen")
    CANCELLED = "geannuleerd", _("Geannuleerd")


OPEN_STATUSES = (RequestStatus.ACCEPTED, RequestStatus.PARTLY)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class BookingRequest(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="requests", verbose_name=_("ruimte"))
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices,
                              default=RequestStatus.REQUESTED)
    # Personal data: blanked by privacy.purge a while after the last date (ROOMS_PERSONAL_DATA_DAYS).
    name = models.CharField(_("naam"), max_length=150, blank=True)
    email = models.EmailField(_("e-mailadres"), max_length=254, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=150, blank=True)
    purpose = models.TextField(_("waarvoor"), blank=True)
    # Kept for the figures after the personal data are gone.
    tenant_kind = models.ForeignKey(TenantKind, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("soort huurder"))
    people = models.PositiveIntegerField(_("verwacht aantal personen"))
    series = models.BooleanField(_("wekelijkse reeks"), default=False)
    first_date = models.DateField(_("eerste datum"))
    last_date = models.DateField(_("laatste datum"))
    starts = models.TimeField(_("van"))
    ends = models.TimeField(_("tot"))
    total = models.DecimalField(_("prijs"), max_digits=10, decimal_places=2, default=Decimal("0"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sender_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    blanked_at = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "room"], name="rooms_request_status_room"),
                   models.Index(fields=["sender_hash", "created_at"], name="rooms_request_sender")]
        verbose_name = _("boekingsaanvraag")
        verbose_name_plural = _("boekingsaanvragen")

    def __str__(self) -> str:
        return f"{self.room} {self.first_date:%Y-%m-%d}"


class BookingState(models.TextChoices):
    REQUESTED = "aangevraagd", _("Aangevraagd")
    ACCEPTED = "geaccepteerd", _("Geaccepteerd")
    DECLINED = "afgewezen", _("Afgewezen")
    CANCELLED = "geannuleerd", _("Geannuleerd")


class Booking(models.Model):
    """One date of a request. Only accepted rows hold the room; those never overlap within a room."""

    request = models.ForeignKey(BookingRequest, on_delete=models.CASCADE, related_name="bookings")
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="bookings")
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    state = models.CharField(_("status"), max_length=20, choices=BookingState.choices,
                             default=BookingState.REQUESTED)
    price = models.DecimalField(_("prijs"), max_digits=10, decimal_places=2, default=Decimal("0"))

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["room", "starts_at"], name="rooms_booking_room_start"),
                   models.Index(fields=["room", "ends_at"], name="rooms_booking_room_end")]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                              name="rooms_booking_ends_after_start")]

    def __str__(self) -> str:
        return f"{self.room} {self.starts_at:%Y-%m-%d %H:%M}"


class RequestStatusChange(StatusHistory):
    request = models.ForeignKey(BookingRequest, on_delete=models.CASCADE, related_name="history")

    class Meta(StatusHistory.Meta):
        verbose_name = _("statuswijziging boekingsaanvraag")


class QuietRoomNotice(models.Model):
    """A room that stayed below ROOMS_LOW_OCCUPANCY_PERCENT in every month of a season (a calendar quarter),
    pointed out to its board once (work queue and mail; `notice_quiet_rooms`). No personal data."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="quiet_notices")
    season_start = models.DateField(_("eerste dag van het kwartaal"))
    occupancy = models.PositiveSmallIntegerField(_("bezetting in het kwartaal (%)"))
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        ordering = ["-season_start", "room"]
        constraints = [models.UniqueConstraint(fields=["room", "season_start"], name="rooms_quiet_once_per_season")]
        indexes = [models.Index(fields=["season_start", "seen_at"], name="rooms_quiet_open")]
        verbose_name = _("melding stille ruimte")
        verbose_name_plural = _("meldingen stille ruimtes")

    def __str__(self) -> str:
        return f"{self.room} {self.season_start:%Y-%m}"
