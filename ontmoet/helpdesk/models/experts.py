"""The expert network: teams, experts and the rules that route questions to them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.places.choices import Kind

from .categories import Category


# --- the expert network ---------------------------------------------------------------------------
class Team(models.Model):
    """A group of experts that shares a queue, e.g. the duurzaamheidscoaches of a province."""

    province = models.ForeignKey("regions.Province", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("provincie"))
    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres van het team"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class ExpertKind(models.TextChoices):
    INITIATIVE_COACH = "initiative_coach", _("Initiatievencoach")
    SUSTAINABILITY_COACH = "sustainability_coach", _("Duurzaamheidscoach")
    ADVISER = "adviser", _("Adviseur")
    SUPPLIER = "supplier", _("Gescreende leverancier")
    VOLUNTEER = "volunteer", _("Vrijwillige expert")
    CONTACT = "contact", _("Aanspreekpunt provincie")


class Expert(models.Model):
    """A person or organisation in the trusted network. Only vetted experts receive routed questions."""

    province = models.ForeignKey("regions.Province", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("provincie"))
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="expert_profile", verbose_name=_("login"))
    name = models.CharField(_("naam"), max_length=200)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    kind = models.CharField(_("soort"), max_length=30, choices=ExpertKind.choices)
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="experts",
                             verbose_name=_("team"))
    categories = models.ManyToManyField(Category, blank=True, related_name="experts",
                                        verbose_name=_("expertise"))
    municipalities = models.ManyToManyField("regions.Municipality", blank=True, related_name="+",
                                            verbose_name=_("werkgebied"),
                                            help_text=_("Leeg: de hele provincie."))
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    availability = models.CharField(_("beschikbaarheid"), max_length=200, blank=True,
                                    help_text=_("Bijvoorbeeld: di en do, of 'tot 1 augustus met verlof'."))
    is_available = models.BooleanField(_("neemt nieuwe vragen aan"), default=True)
    vetted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("gescreend door"))
    vetted_at = models.DateTimeField(_("gescreend op"), null=True, blank=True)
    vetted_until = models.DateField(_("screening geldig tot"), null=True, blank=True)
    vetting_reminder_sent_for = models.DateField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    def get_absolute_url(self) -> str:
        return reverse("helpdesk:expert_detail", args=[self.pk])

    def is_vetted(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.vetted_at is not None and self.vetted_until is not None and self.vetted_until >= on


class RoutingRule(models.Model):
    """One row of the ordered rule table; empty conditions match anything. First match wins."""

    province = models.ForeignKey("regions.Province", on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("provincie"))
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    category = models.ForeignKey(Category, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                 verbose_name=_("categorie"), help_text=_("Geldt ook voor de subcategorieën."))
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="+", verbose_name=_("gemeente"))
    place_kind = models.CharField(_("soort plek"), max_length=20, choices=Kind.choices, blank=True)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                             verbose_name=_("naar team"))
    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                               verbose_name=_("naar expert"))

    class Meta:
        ordering = ["province", "order", "pk"]
        verbose_name = _("routeringsregel")
        verbose_name_plural = _("routeringsregels")
        constraints = [models.CheckConstraint(
            condition=models.Q(team__isnull=False) | models.Q(expert__isnull=False), name="routing_rule_has_target")]

    def __str__(self) -> str:
        return f"{self.order}: {self.category or '*'} / {self.municipality or '*'} / {self.place_kind or '*'}"
