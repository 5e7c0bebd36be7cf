"""The province's aanspreekpunt per municipality, the municipality's own contacts, and the contact log."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Aanspreekpunt(models.Model):
    """The province officer a municipality and its places can call."""

    municipality = models.OneToOneField("regions.Municipality", on_delete=models.CASCADE,
                                        related_name="aanspreekpunt", verbose_name=_("gemeente"))
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("aanspreekpunt van de provincie"))
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    note = models.CharField(_("bereikbaarheid"), max_length=200, blank=True,
                            help_text=_("Bijvoorbeeld: bereikbaar op maandag en donderdag."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aanspreekpunt")
        verbose_name_plural = _("aanspreekpunten")

    def __str__(self) -> str:
        return f"{self.officer} ({self.municipality})"

    @property
    def reach_phone(self) -> str:
        return self.phone or self.officer.phone


class MunicipalContact(models.Model):
    """Someone at the municipality who handles meeting places."""

    municipality = models.ForeignKey("regions.Municipality", on_delete=models.CASCADE,
                                     related_name="network_contacts", verbose_name=_("gemeente"))
    name = models.CharField(_("naam"), max_length=200)
    function = models.CharField(_("functie"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contactpersoon gemeente")
        verbose_name_plural = _("contactpersonen gemeente")

    def __str__(self) -> str:
        return self.name


class ContactKind(models.TextChoices):
    VISIT = "bezoek", _("Bezoek")
    CALL = "telefoon", _("Telefoongesprek")
    MEETING = "overleg", _("Overleg")
    WORKDAY = "werkdag", _("Werkdag bij de gemeente")


class ContactMoment(models.Model):
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.CASCADE,
                                     related_name="contact_moments", verbose_name=_("gemeente"))
    kind = models.CharField(_("soort contact"), max_length=20, choices=ContactKind.choices)
    date = models.DateField(_("datum"))
    with_whom = models.CharField(_("met wie"), max_length=300, help_text=_("Namen of functies van wie er waren."))
    notes = models.TextField(_("aantekeningen"), blank=True)
    follow_up_on = models.DateField(_("vervolgafspraak of opvolgen op"), null=True, blank=True)
    follow_up_done = models.BooleanField(_("opvolging gedaan"), default=False)
    follow_up_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+", verbose_name=_("vastgelegd door"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        indexes = [models.Index(fields=["municipality", "-date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.municipality} {self.date}"
