"""The catalogue of funding schemes and funds that province staff keep."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class FundingScheme(models.Model):
    province = models.ForeignKey("regions.Province", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("provincie"))
    name = models.CharField(_("naam"), max_length=200)
    provider = models.CharField(_("verstrekker"), max_length=200, help_text=_("Provincie, gemeente, fonds, ..."))
    purpose = models.TextField(_("waarvoor"), help_text=_("Waarvoor een plek de regeling kan gebruiken."))
    conditions = models.TextField(_("voorwaarden"), blank=True)
    amount_min = models.DecimalField(_("bedrag vanaf (€)"), max_digits=12, decimal_places=2, null=True, blank=True)
    amount_max = models.DecimalField(_("bedrag tot en met (€)"), max_digits=12, decimal_places=2, null=True,
                                     blank=True)
    deadline = models.DateField(_("eerstvolgende deadline"), null=True, blank=True,
                                help_text=_("Leeg laten als aanvragen doorlopend kan."))
    link = models.URLField(_("link naar de regeling"), blank=True)
    # Who may apply. An empty list means: no restriction on that point.
    place_kinds = models.JSONField(_("soorten plekken"), default=list, blank=True)
    legal_forms = models.JSONField(_("rechtsvormen"), default=list, blank=True)
    municipalities = models.ManyToManyField("regions.Municipality", blank=True, related_name="+",
                                            verbose_name=_("alleen in deze gemeenten"))
    required_facilities = models.ManyToManyField("places.Facility", blank=True, related_name="+",
                                                 verbose_name=_("vereiste voorzieningen"))
    is_active = models.BooleanField(_("actief"), default=True)
    is_example = models.BooleanField(_("voorbeeldinhoud"), default=False,
                                     help_text=_("Voorbeeld uit de bronstukken; controleer voordat u het gebruikt."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")
        constraints = [models.CheckConstraint(
            condition=models.Q(amount_min__isnull=True) | models.Q(amount_max__isnull=True)
            | models.Q(amount_max__gte=models.F("amount_min")), name="scheme_amount_range")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:scheme_detail", args=[self.pk])
