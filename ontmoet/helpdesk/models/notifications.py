"""How and when people hear of new activity: preferences and the pending batch."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .questions import Question


# --- notifications ---------------------------------------------------------------------------------
class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Direct per e-mail")
    WEEKLY = "weekly", _("Eén keer per week een overzicht")


class NotificationPreference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="helpdesk_preference")
    delivery = models.CharField(_("niet-dringende meldingen"), max_length=10, choices=Delivery.choices,
                                default=Delivery.IMMEDIATE)

    def __str__(self) -> str:
        return f"{self.user}: {self.delivery}"


class PendingNotification(models.Model):
    """A non-urgent notification saved for the weekly digest; `sent_at` makes the digest idempotent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.text
