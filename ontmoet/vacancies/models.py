"""Volunteer and board vacancies of a place, the responses to them, and general offers of help (ADR 0066).

A vacancy belongs to one place and is kept by its board; its status moves through core.workflow
(workflows.py). A response is from someone without an account: name, e-mail, phone and message are
personal data, never shown publicly, blanked a set time after the vacancy closes (privacy.py). A help
offer ("ik wil helpen in mijn dorp/wijk") is for the boards of one municipality and lapses after a year
unless renewed through the personal link in its mail.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import StatusHistory
from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality


class VacancyRole(models.TextChoices):
    BOARD_MEMBER = "bestuurslid", _("Bestuurslid")
    TREASURER = "penningmeester", _("Penningmeester")
    SECRETARY = "secretaris", _("Secretaris")
    HOST = "gastvrouw", _("Gastvrouw of gastheer")
    BAR = "bar", _("Barvrijwilliger")
    HANDYPERSON = "klusser", _("Klusser")
    ACTIVITY_LEADER = "activiteiten", _("Activiteitenbegeleider")
    OTHER = "anders", _("Anders")


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    FILLED = "filled", _("Vervuld")
    EXPIRED = "expired", _("Verlopen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


CLOSED_STATUSES = (Status.FILLED, Status.EXPIRED, Status.WITHDRAWN)


class Vacancy(models.Model):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="vacancies", verbose_name=_("plek"))
    role = models.CharField(_("rol"), max_length=20, choices=VacancyRole.choices)
    role_other = models.CharField(_("naam van de rol"), max_length=100, blank=True,
                                  help_text=_("Alleen bij 'Anders': bijvoorbeeld 'fotograaf' of 'tuinier'."))
    description = models.TextField(_("wat houdt het in?"), max_length=3000)
    skills = models.TextField(_("wat vragen we?"), max_length=2000, blank=True,
                              help_text=_("Vaardigheden of ervaring die helpen; niet verplicht."))
    hours_per_month = models.IntegerField(_("uren per maand"), null=True, blank=True,
                                          help_text=_("Ongeveer; leeg laten als het wisselt."))
    starts_on = models.DateField(_("vanaf"), null=True, blank=True, help_text=_("Leeg: zo snel mogelijk."))
    ends_on = models.DateField(_("open tot en met"), help_text=_("Na deze datum verloopt de vacature vanzelf."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("geplaatst door"))
    created_at = models.DateTimeField(_("geplaatst"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")
        ordering = ["ends_on", "pk"]
        indexes = [models.Index(fields=["status", "ends_on"], name="vacancy_status_end"),
                   models.Index(fields=["place", "status"], name="vacancy_place_status")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("vacancies:detail", args=[self.place.code, self.pk])

    @property
    def title(self) -> str:
        if self.role == VacancyRole.OTHER and self.role_other:
            return self.role_other
        return str(self.get_role_display())

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    def get_public_url(self) -> str:
        return reverse("vacancies:public_detail", args=[self.pk])


class VacancyStatusChange(StatusHistory):
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="history",
                                verbose_name=_("vacature"))

    class Meta(StatusHistory.Meta):
        verbose_name = _("statuswijziging van een vacature")


class ResponseStatus(models.TextChoices):
    NEW = "new", _("Wacht op antwoord")
    ANSWERED = "answered", _("Beantwoord")


class Response(models.Model):
    """Someone's reaction to a vacancy. Personal data: seen by the place's board only (docs/privacy.md)."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="responses",
                                verbose_name=_("vacature"))
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    message = models.TextField(_("bericht"), max_length=3000)
    status = models.CharField(_("status"), max_length=20, choices=ResponseStatus.choices, blank=True)
    answer = models.TextField(_("antwoord"), max_length=5000, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("beantwoord door"))
    reminded_at = models.DateTimeField(_("herinnering verstuurd"), null=True, blank=True)
    sender_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    blanked_at = models.DateTimeField(_("persoonsgegevens gewist"), null=True, blank=True)
    created_at = models.DateTimeField(_("ontvangen"), default=timezone.now)

    class Meta:
        verbose_name = _("reactie op een vacature")
        verbose_name_plural = _("reacties op vacatures")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="response_status_created")]

    def __str__(self) -> str:
        return f"{self.vacancy} – {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("vacancies:response", args=[self.pk])


class ResponseStatusChange(StatusHistory):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="history",
                                 verbose_name=_("reactie"))

    class Meta(StatusHistory.Meta):
        verbose_name = _("statuswijziging van een reactie")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class HelpOffer(models.Model):
    """'Ik wil helpen in mijn dorp of wijk': for the boards of one municipality, for a year at a time."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="help_offers",
                                     verbose_name=_("gemeente"))
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    interests = models.TextField(_("wat doet u graag?"), max_length=2000)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sender_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(_("aangemeld"), default=timezone.now)
    renewed_at = models.DateTimeField(_("verlengd"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("hulpaanbod")
        verbose_name_plural = _("hulpaanbod")
        ordering = ["-renewed_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "renewed_at"], name="helpoffer_municipality")]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.created_at:%Y-%m-%d}"

    @property
    def expires_at(self):
        return self.renewed_at + timedelta(days=settings.VACANCIES_HELP_OFFER_DAYS)

    def get_renew_url(self) -> str:
        return reverse("vacancies:help_renew", args=[self.token])
