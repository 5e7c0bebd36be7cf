"""The question tree with its service levels, and the tags."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.core.translated import localized


class DayKind(models.TextChoices):
    WORKING = "working", _("werkdagen")
    CALENDAR = "calendar", _("kalenderdagen")


class Category(models.Model):
    """A node in the question tree, with its service level (first response and resolution)."""

    name = models.CharField(_("naam"), max_length=100)
    name_en = models.CharField(_("naam in het Engels"), max_length=100, blank=True,
                               help_text=_("Getoond waar de interface Engels is. Leeg: de Nederlandse naam."))
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
                               verbose_name=_("valt onder"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("in gebruik"), default=True)
    first_response_days = models.PositiveSmallIntegerField(_("eerste reactie binnen (dagen)"), default=2,
                                                           validators=[MaxValueValidator(365)])
    resolution_days = models.PositiveSmallIntegerField(_("opgelost binnen (dagen)"), default=10,
                                                       validators=[MaxValueValidator(365)])
    day_kind = models.CharField(_("soort dagen"), max_length=10, choices=DayKind.choices, default=DayKind.WORKING)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")

    def __str__(self) -> str:
        return f"{self.parent.label} – {self.label}" if self.parent_id and self.parent else self.label

    @property
    def label(self) -> str:
        """The name in the interface's language (core.translated)."""
        return localized(self.name, self.name_en)

    def root(self) -> "Category":
        return self.parent if self.parent_id else self


class ServiceLevel(models.Model):
    """One province's own terms for a category; without one the category's national default holds.

    Kept apart from the shared tree so that one province's administrators cannot change the terms
    another province promised its places (ADR 0040).
    """

    province = models.ForeignKey("regions.Province", on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("provincie"))
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="service_levels",
                                 verbose_name=_("categorie"))
    first_response_days = models.PositiveSmallIntegerField(_("eerste reactie binnen (dagen)"),
                                                           validators=[MaxValueValidator(365)])
    resolution_days = models.PositiveSmallIntegerField(_("opgelost binnen (dagen)"),
                                                       validators=[MaxValueValidator(365)])
    day_kind = models.CharField(_("soort dagen"), max_length=10, choices=DayKind.choices, default=DayKind.WORKING)

    class Meta:
        verbose_name = _("termijn van een provincie")
        verbose_name_plural = _("termijnen van provincies")
        constraints = [models.UniqueConstraint(fields=["province", "category"], name="helpdesk_one_level_per_province")]

    def __str__(self) -> str:
        return f"{self.category} ({self.province_id})"


class Tag(models.Model):
    name = models.CharField(_("naam"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trefwoord")
        verbose_name_plural = _("trefwoorden")

    def __str__(self) -> str:
        return self.name
