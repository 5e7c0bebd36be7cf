"""Peers: places that offer to help other places."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .categories import Category
from .questions import Question


# --- peers -----------------------------------------------------------------------------------------
class PeerProfile(models.Model):
    """A place's choice to be findable by other places, and what it is good at."""

    place = models.OneToOneField("places.Place", on_delete=models.CASCADE, related_name="peer_profile")
    opted_in = models.BooleanField(_("andere plekken mogen ons vinden en benaderen"), default=False)
    strengths = models.ManyToManyField(Category, blank=True, related_name="+", verbose_name=_("waar wij goed in zijn"))
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    share_email = models.BooleanField(_("toon ons e-mailadres aan plekken die contact zoeken"), default=False)

    class Meta:
        verbose_name = _("kennisdelen")

    def __str__(self) -> str:
        return str(self.place)


class PeerContact(models.Model):
    """A message from one place to another, sent through Ontmoet."""

    from_place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    to_place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.SET_NULL, null=True, related_name="+")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(max_length=3000)
    at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.from_place} -> {self.to_place}"
