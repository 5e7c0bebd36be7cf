"""The Sociale Hypotheek: rounds and applications (with planned activities, attachments, history).

Money is Decimal with cents; hours are Decimal with two decimals (a volunteer can work 1,5 hours).
Rates live on the round, so an award keeps the rates of the round it came from.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import StatusHistory
from ontmoet.core.uploads import private_upload_to

from ..workflows import ApplicationStatus

MONEY = {"max_digits": 12, "decimal_places": 2}
HOURS = {"max_digits": 10, "decimal_places": 2}


# Module-level (not the closure itself) so that migrations can refer to it.
def application_upload_to(instance, filename):
    return private_upload_to("grants/applications")(instance, filename)


class Round(models.Model):
    """One call for applications, with its own rates and limits (fixed once awards exist)."""

    province = models.ForeignKey("regions.Province", on_delete=models.PROTECT, related_name="grant_rounds",
                                 verbose_name=_("provincie"))
    name = models.CharField(_("naam"), max_length=120)
    year = models.PositiveSmallIntegerField(_("jaar"))
    budget = models.DecimalField(_("budget (€)"), **MONEY, validators=[MinValueValidator(0)])
    min_amount = models.DecimalField(_("minimumbedrag (€)"), **MONEY, default=Decimal("1000"),
                                     validators=[MinValueValidator(0)])
    max_amount = models.DecimalField(_("maximumbedrag (€)"), **MONEY, default=Decimal("15000"),
                                     validators=[MinValueValidator(0)])
    repayment_rate = models.DecimalField(_("aflossing per vrijwilligersuur (€)"), **MONEY, default=Decimal("15"),
                                         validators=[MinValueValidator(Decimal("0.01"))])
    societal_rate = models.DecimalField(_("maatschappelijke waarde per uur (€)"), **MONEY, default=Decimal("30"),
                                        validators=[MinValueValidator(Decimal("0.01"))],
                                        help_text=_("Wat een uur zou kosten als betaalde arbeid."))
    repayment_months = models.PositiveSmallIntegerField(_("aflostermijn (maanden)"), default=24,
                                                        validators=[MinValueValidator(1)])
    opens_on = models.DateField(_("aanvragen vanaf"))
    closes_on = models.DateField(_("aanvragen tot en met"))
    eligibility_questions = models.TextField(
        _("voorwaarden om te bevestigen"), blank=True,
        help_text=_("Eén vraag per regel; de aanvrager moet elke vraag met ja beantwoorden."))
    first_timer_priority = models.BooleanField(_("voorrang voor plekken die nog niet eerder aanvroegen"),
                                               default=False)
    four_eyes_threshold = models.DecimalField(
        _("tweede akkoord boven (€)"), **MONEY, default=Decimal("10000"), validators=[MinValueValidator(0)],
        help_text=_("Boven dit bedrag moet een tweede medewerker de toekenning goedkeuren."))
    is_historic = models.BooleanField(_("historische ronde (geïmporteerd)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        constraints = [
            models.CheckConstraint(condition=models.Q(min_amount__lte=models.F("max_amount")),
                                   name="grant_round_min_le_max"),
            models.CheckConstraint(condition=models.Q(opens_on__lte=models.F("closes_on")),
                                   name="grant_round_period_ordered"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("grants:round_detail", args=[self.pk])

    def questions(self) -> list[str]:
        return [line.strip() for line in self.eligibility_questions.splitlines() if line.strip()]

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class Application(models.Model):
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="applications",
                              verbose_name=_("ronde"))
    place = models.ForeignKey("places.Place", on_delete=models.PROTECT, related_name="grant_applications",
                              verbose_name=_("plek"))
    status = models.CharField(_("status"), max_length=20, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.DRAFT)
    motivation = models.TextField(_("motivatie"), blank=True,
                                  help_text=_("Waarom deze extra activiteiten, en wat levert het de buurt op?"))
    eligibility_answers = models.JSONField(_("antwoorden op de voorwaarden"), default=dict, blank=True)
    declaration = models.BooleanField(_("verklaring"), default=False)
    planned_hours = models.PositiveIntegerField(_("geplande vrijwilligersuren"), default=0, editable=False)
    amount = models.DecimalField(_("aangevraagd bedrag (€)"), **MONEY, default=0, editable=False)
    first_timer = models.BooleanField(_("eerste aanvraag van deze plek"), default=True, editable=False)
    first_approval_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                          blank=True, related_name="+", verbose_name=_("eerste akkoord door"))
    first_approval_at = models.DateTimeField(_("eerste akkoord op"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+", verbose_name=_("aangemaakt door"))
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)
    submitted_at = models.DateTimeField(_("ingediend"), null=True, blank=True)
    decided_at = models.DateTimeField(_("besloten"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        indexes = [models.Index(fields=["round", "status"])]
        # One open application per place per round, also when "start" is posted twice at the same moment.
        constraints = [models.UniqueConstraint(fields=["round", "place"], condition=~models.Q(status="withdrawn"),
                                               name="grant_application_open_once")]

    def __str__(self) -> str:
        return _("Aanvraag %(number)s – %(place)s") % {"number": self.number, "place": self.place}

    def get_absolute_url(self) -> str:
        return reverse("grants:application_detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"SH-{self.round.year}-{self.pk:04d}"

    @property
    def is_editable(self) -> bool:
        return self.status in (ApplicationStatus.DRAFT, ApplicationStatus.INFO_REQUESTED)

    @property
    def needs_second_approval(self) -> bool:
        return self.amount > self.round.four_eyes_threshold


class PlannedActivity(models.Model):
    """An extra activity the place will organise; its planned hours repay the award."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="activities",
                                    verbose_name=_("aanvraag"))
    title = models.CharField(_("titel"), max_length=150)
    description = models.TextField(_("omschrijving"), blank=True)
    target_group = models.CharField(_("doelgroep"), max_length=150, blank=True)
    starts_on = models.DateField(_("van"), null=True, blank=True)
    ends_on = models.DateField(_("tot en met"), null=True, blank=True)
    planned_volunteers = models.PositiveIntegerField(_("aantal vrijwilligers"), default=1)
    planned_hours = models.PositiveIntegerField(_("geplande uren (totaal)"), default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    def __str__(self) -> str:
        return self.title


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments",
                                    verbose_name=_("aanvraag"))
    file = models.FileField(_("bestand"), upload_to=application_upload_to)
    kind = models.CharField(_("soort"), max_length=10, editable=False)
    original_name = models.CharField(_("bestandsnaam"), max_length=200)
    size = models.PositiveIntegerField(_("grootte"), default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return self.original_name


class StatusChange(StatusHistory):
    """Append-only history of an application: who moved it, when, and why (core.workflow)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history",
                                    verbose_name=_("aanvraag"))
    note = models.CharField(_("soort"), max_length=40, blank=True)  # e.g. "first_approval"

    class Meta(StatusHistory.Meta):
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("De geschiedenis van een aanvraag wordt nooit gewijzigd.")
        super().save(*args, **kwargs)
