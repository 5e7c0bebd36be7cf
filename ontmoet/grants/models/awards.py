"""The Sociale Hypotheek after the decision: awards, payments, the hours ledger, quarters, settlements, reminders.

Money is Decimal with cents; hours are Decimal with two decimals (a volunteer can work 1,5 hours).
An award keeps the rates of the round it came from.
"""

import math
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import StatusHistory
from ontmoet.core.uploads import private_upload_to

from ..workflows import AwardStatus, EntryStatus, SettlementOutcome
from .applications import HOURS, MONEY, Application, PlannedActivity, Round


# Module-level (not the closure itself) so that migrations can refer to it.
def evidence_upload_to(instance, filename):
    return private_upload_to("grants/evidence")(instance, filename)


class Award(models.Model):
    """A granted Sociale Hypotheek. Totals of the hours ledger are kept here (ADR 0030)."""

    code = models.CharField(_("kenmerk"), max_length=40, unique=True)
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="awards", verbose_name=_("ronde"))
    place = models.ForeignKey("places.Place", on_delete=models.PROTECT, related_name="grant_awards",
                              verbose_name=_("plek"))
    application = models.OneToOneField(Application, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="award", verbose_name=_("aanvraag"))
    amount = models.DecimalField(_("bedrag (€)"), **MONEY)
    hours_due = models.PositiveIntegerField(_("uren verschuldigd"))
    awarded_on = models.DateField(_("toegekend op"))
    due_date = models.DateField(_("uren gedaan vóór"))
    status = models.CharField(_("status"), max_length=20, choices=AwardStatus.choices, default=AwardStatus.ACTIVE)
    hours_approved = models.DecimalField(_("uren goedgekeurd"), **HOURS, default=0, editable=False)
    hours_pending = models.DecimalField(_("uren in behandeling"), **HOURS, default=0, editable=False)
    # None: unknown (a historic award imported without it), shown as "onbekend", never as € 0.
    amount_paid = models.DecimalField(_("uitbetaald (€)"), **MONEY, default=0, null=True, editable=False)
    is_historic = models.BooleanField(_("geïmporteerd"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-awarded_on", "code"]
        verbose_name = _("toekenning")
        verbose_name_plural = _("toekenningen")
        indexes = [models.Index(fields=["round", "place"]), models.Index(fields=["due_date"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_paid__lte=models.F("amount")),
                                   name="grant_award_paid_le_amount"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="grant_award_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.place}"

    def get_absolute_url(self) -> str:
        return reverse("grants:award_detail", args=[self.pk])

    @staticmethod
    def hours_for(amount: Decimal, rate: Decimal) -> int:
        """Hours due: the amount divided by the repayment rate, rounded up."""
        return math.ceil(Decimal(amount) / Decimal(rate))

    @property
    def hours_remaining(self) -> Decimal:
        return max(Decimal(self.hours_due) - self.hours_approved, Decimal(0))

    @property
    def amount_unpaid(self) -> Decimal | None:
        return None if self.amount_paid is None else self.amount - self.amount_paid


class Payment(models.Model):
    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="payments",
                              verbose_name=_("toekenning"))
    paid_on = models.DateField(_("datum"))
    amount = models.DecimalField(_("bedrag (€)"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    reference = models.CharField(_("kenmerk betaling"), max_length=100)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["paid_on", "pk"]
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="grant_payment_positive")]

    def __str__(self) -> str:
        return f"{self.award.code} {self.paid_on} € {self.amount}"


class HourEntry(models.Model):
    """One logged volunteer effort. Never edited after approval: a correction is a reversing entry."""

    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="entries",
                              verbose_name=_("toekenning"))
    activity = models.ForeignKey(PlannedActivity, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="entries", verbose_name=_("activiteit"))
    activity_title = models.CharField(_("activiteit"), max_length=150)
    date = models.DateField(_("datum"))
    quarter = models.CharField(_("kwartaal"), max_length=7, editable=False)  # "2024-Q3", for grouping fast
    volunteers = models.PositiveIntegerField(_("aantal vrijwilligers"))
    hours = models.DecimalField(_("uren (totaal)"), **HOURS)
    description = models.CharField(_("korte omschrijving"), max_length=300, blank=True)
    evidence = models.FileField(_("bewijs"), upload_to=evidence_upload_to, blank=True)
    evidence_kind = models.CharField(max_length=10, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=EntryStatus.choices,
                              default=EntryStatus.PENDING)
    reason = models.TextField(_("reden"), blank=True)
    reverses = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="reversed_by", verbose_name=_("corrigeert"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+", verbose_name=_("ingevoerd door"))
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("beoordeeld door"))
    decided_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("vrijwilligersuur")
        verbose_name_plural = _("vrijwilligersuren")
        indexes = [
            # The recount after each decision groups one award's approved hours by quarter: no index may
            # tempt the planner to walk all approved entries of every award (ADR 0030).
            models.Index(fields=["award", "status", "quarter"]),
            models.Index(fields=["award", "-date", "-id"]),
            # The work queue: the few entries still to review, out of a million (a partial index stays small).
            models.Index(fields=["award", "date"], condition=models.Q(status="pending"),
                         name="grants_entry_pending_idx"),
        ]
        constraints = [
            # A normal entry is positive and at most 24 hours per volunteer; only a reversal is negative.
            models.CheckConstraint(
                condition=(models.Q(reverses__isnull=True, hours__gt=0,
                                    hours__lte=models.F("volunteers") * 24)
                           | models.Q(reverses__isnull=False, hours__lt=0)),
                name="grant_hour_entry_hours_possible"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.activity_title} {self.hours} u"

    def save(self, *args, **kwargs):
        self.quarter = self.quarter_of(self.date)
        super().save(*args, **kwargs)

    @staticmethod
    def quarter_of(day) -> str:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


class HourEntryChange(StatusHistory):
    """Append-only history of an hour entry (core.workflow). `decided_by/decided_at` on the entry stay as
    the award page's quick read of the decision; this table is the record of every move."""

    entry = models.ForeignKey(HourEntry, on_delete=models.CASCADE, related_name="history",
                              verbose_name=_("vrijwilligersuur"))

    class Meta(StatusHistory.Meta):
        verbose_name = _("statuswijziging van uren")
        verbose_name_plural = _("statuswijzigingen van uren")


class AwardChange(StatusHistory):
    """Append-only history of an award (core.workflow); the settlement's outcome stays on `Settlement`."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="history",
                              verbose_name=_("toekenning"))

    class Meta(StatusHistory.Meta):
        verbose_name = _("statuswijziging van een toekenning")
        verbose_name_plural = _("statuswijzigingen van toekenningen")


class AwardQuarter(models.Model):
    """Approved hours of one award in one quarter, kept by the services (ADR 0030) for the quarterly chart."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="quarters")
    quarter = models.CharField(max_length=7)
    hours = models.DecimalField(**HOURS)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["award", "quarter"], name="grant_award_quarter_once")]

    def __str__(self) -> str:
        return f"{self.award_id} {self.quarter}: {self.hours}"


class Settlement(models.Model):
    """What happens at the due date: settled, or a proposal for the unrepaid part an officer decides on."""

    award = models.OneToOneField(Award, on_delete=models.PROTECT, related_name="settlement",
                                 verbose_name=_("toekenning"))
    remaining_hours = models.DecimalField(_("uren niet gedaan"), **HOURS)
    proposed_amount = models.DecimalField(_("voorgesteld terug te betalen (€)"), **MONEY)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=SettlementOutcome.choices,
                               default=SettlementOutcome.PROPOSED)
    final_amount = models.DecimalField(_("terug te betalen (€)"), **MONEY, null=True, blank=True)
    reason = models.TextField(_("reden"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("besloten door"))
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("afrekening")
        verbose_name_plural = _("afrekeningen")

    def __str__(self) -> str:
        return f"{self.award.code}: {self.get_outcome_display()}"


class Reminder(models.Model):
    """A reminder sent for an award; unique per kind and period so the command is idempotent."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20)  # "behind" (once per month) or "due_soon" (once)
    period = models.CharField(max_length=7)  # "2025-03" for monthly reminders, "-" for one-off ones
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["award", "kind", "period"], name="grant_reminder_once")]

    def __str__(self) -> str:
        return f"{self.award_id} {self.kind} {self.period}"
