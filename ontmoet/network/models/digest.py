"""The calm digest: a period preference per user, one recorded send per user per period, and runs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    WEEKLY = "week", _("Eens per week")
    MONTHLY = "maand", _("Eens per maand")
    NEVER = "nooit", _("Nooit")


class DigestPreference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_preference")
    frequency = models.CharField(_("hoe vaak"), max_length=10, choices=Frequency.choices,
                                 default=Frequency.MONTHLY)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.frequency}"


class DigestSend(models.Model):
    """One digest for one user for one period. The unique constraint makes sending at most once.

    The row is committed ("claimed") before the mail goes out and marked "sent" after; a crash between
    the two leaves a claimed row that a resumed run never sends again (at most once, never twice).
    """

    class State(models.TextChoices):
        CLAIMED = "geclaimd", _("Bezig")
        SENT = "verstuurd", _("Verstuurd")
        EMPTY = "leeg", _("Niets te melden")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=12)  # "2026-W47" or "2026-11"
    state = models.CharField(max_length=10, choices=State.choices, default=State.CLAIMED)
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "period"], name="one_digest_per_user_per_period")]

    def __str__(self) -> str:
        return f"{self.user} {self.period} {self.state}"


class DigestRun(models.Model):
    """One sending round, for progress. `province` empty: every user (the periodic command)."""

    province = models.ForeignKey("regions.Province", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="+")
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    period = models.CharField(max_length=12)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.period} ({self.processed}/{self.total})"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.processed / self.total)
