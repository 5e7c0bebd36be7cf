"""Events and webinars, registrations with a waitlist, and the DB-stored rate limit for the public form."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import StatusHistory


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    MEETING = "bijeenkomst", _("Bijeenkomst")
    WORKSHOP = "werkplaats", _("Werkplaats")
    COURSE_SESSION = "leergang", _("Leergangbijeenkomst")


class Audience(models.TextChoices):
    BOARDS = "besturen", _("Besturen en beheerders van plekken")
    OFFICERS = "ambtenaren", _("Gemeenteambtenaren")
    EVERYONE = "iedereen", _("Iedereen")


class Event(models.Model):
    province = models.ForeignKey("regions.Province", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("provincie"))
    # Set when a municipality organises for its own area; empty for the whole province.
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("gemeente"))
    group = models.ForeignKey("network.LearningGroup", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="events", verbose_name=_("leernetwerk"))
    kind = models.CharField(_("soort"), max_length=20, choices=EventKind.choices, default=EventKind.MEETING)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    location = models.CharField(_("locatie"), max_length=300, blank=True, help_text=_("Adres of naam van de zaal."))
    online_url = models.URLField(_("link voor online deelname"), blank=True)
    audience = models.CharField(_("doelgroep"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    capacity = models.PositiveIntegerField(_("maximum aantal deelnemers"), null=True, blank=True,
                                           help_text=_("Leeg laten voor onbeperkt."))
    is_published = models.BooleanField(_("gepubliceerd"), default=True)
    organiser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                  related_name="+", verbose_name=_("organisator"))
    personal_data_removed_at = models.DateTimeField(_("persoonsgegevens verwijderd"), null=True, blank=True,
                                                    editable=False)
    is_demo = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        indexes = [models.Index(fields=["province", "starts_at"])]
        constraints = [models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                              name="event_ends_after_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:event_detail", args=[self.pk])


class RegistrationStatus(models.TextChoices):
    PENDING = "onbevestigd", _("Wacht op bevestiging")
    CONFIRMED = "aangemeld", _("Aangemeld")
    WAITLISTED = "wachtlijst", _("Op de wachtlijst")
    CANCELLED = "afgemeld", _("Afgemeld")


ACTIVE_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="event_registrations")
    name = models.CharField(_("naam"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)  # stored in lower case
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        constraints = [
            # Registering twice is refused by the database too, not only by the form.
            models.UniqueConstraint(fields=["event", "user"], name="one_active_registration_per_user",
                                    condition=models.Q(user__isnull=False,
                                                       status__in=[s.value for s in ACTIVE_STATUSES])),
            models.UniqueConstraint(fields=["event", "email"], name="one_active_registration_per_email",
                                    condition=models.Q(email__gt="", status__in=[s.value for s in ACTIVE_STATUSES])),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} – {self.event}"

    @property
    def display_name(self) -> str:
        if self.user_id:
            return str(self.user)
        return self.name or _("(verwijderd)")

    @property
    def contact_email(self) -> str:
        return self.user.email if self.user_id else self.email


class RegistrationChange(StatusHistory):
    """Append-only history of a registration's status (who, when, why)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="changes")

    class Meta(StatusHistory.Meta):
        pass


class RegistrationAttempt(models.Model):
    """A public registration attempt, by a hash of the client address: the rate limit lives in the DB."""

    client_hash = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.client_hash[:8]} {self.at}"
