"""Initiatives for a meeting room and the work the toolkit's tools save on them."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import StatusHistory
from ontmoet.places.choices import Typology


class Initiative(models.Model):
    class Stage(models.TextChoices):
        PLANNED = "gepland", _("Geplande ruimte")
        EXISTING = "bestaand", _("Bestaande ruimte")

    name = models.CharField(_("naam"), max_length=200)
    stage = models.CharField(_("soort initiatief"), max_length=10, choices=Stage.choices, default=Stage.PLANNED)
    description = models.TextField(_("omschrijving"), blank=True)
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.PROTECT, related_name="initiatives",
                                     verbose_name=_("gemeente"))
    place = models.ForeignKey("places.Place", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="initiatives", verbose_name=_("geregistreerde plek"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_initiatives",
                              verbose_name=_("eigenaar"))
    typology = models.CharField(_("gekozen type"), max_length=20, choices=Typology.choices, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("toolkit:detail", args=[self.pk])


def _token():
    return secrets.token_urlsafe(24)


class Partner(models.Model):
    """A partner invited to an initiative: an existing user at once, or an e-mail with an invitation link."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="partners")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="initiative_partnerships")
    email = models.EmailField(_("e-mailadres"))
    organisation = models.CharField(_("organisatie of rol"), max_length=200, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint(fields=["initiative", "email"], name="toolkit_partner_once")]

    def __str__(self):
        return self.email


class Event(models.Model):
    """Append-only history of an initiative: who did what, when and why."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=200)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d} {self.action}"



class Quickscan(models.Model):
    class Decision(models.TextChoices):
        GO = "go", _("Go: we gaan door")
        NO_GO = "no_go", _("No-go: we stoppen of kiezen een andere vorm")

    class Status(models.TextChoices):
        DRAFT = "concept", _("Concept")
        DECIDED = "besloten", _("Besloten")

    initiative = models.OneToOneField(Initiative, on_delete=models.CASCADE, related_name="quickscan")
    goal = models.TextField(_("doel"), blank=True)
    target_groups = models.TextField(_("doelgroepen"), blank=True)
    needs = models.TextField(_("behoeften van bewoners"), blank=True)
    neighbourhood_task = models.TextField(_("opgave van de buurt"), blank=True)
    test_outcome = models.TextField(_("toets op het doel"), blank=True)
    decision = models.CharField(_("besluit"), max_length=10, choices=Decision.choices, blank=True)
    decision_reasons = models.TextField(_("redenen van het besluit"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # [{"who": ..., "role": ..., "commitment": ...}]
    partner_talks = models.JSONField(default=list, blank=True)
    # [{"name": ..., "notes": ...}]
    location_candidates = models.JSONField(default=list, blank=True)
    location_criteria = models.TextField(_("criteria voor de locatie"), blank=True)
    location_choice = models.CharField(_("gekozen locatie"), max_length=200, blank=True)
    no_suitable_room = models.BooleanField(_("geen geschikte ruimte gevonden"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Quickscan {self.initiative}"


class QuickscanStatusChange(StatusHistory):
    """Append-only history of a Quickscan's decisions (core.workflow)."""

    quickscan = models.ForeignKey(Quickscan, on_delete=models.CASCADE, related_name="history")

    class Meta(StatusHistory.Meta):
        pass



class TypologyAdvice(models.Model):
    initiative = models.OneToOneField(Initiative, on_delete=models.CASCADE, related_name="typology_advice")
    answers = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Typologie {self.initiative}"



class SocialManagement(models.Model):
    """The gespreksplaat: who does what, agreed by whom."""

    initiative = models.OneToOneField(Initiative, on_delete=models.CASCADE, related_name="social_management")
    # [{"stakeholder": key, "who": ..., "tasks": ..., "agreed_by": ...}]
    rows = models.JSONField(default=list, blank=True)
    ingredients_done = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Sociaal beheer {self.initiative}"



class DesignChecklist(models.Model):
    initiative = models.OneToOneField(Initiative, on_delete=models.CASCADE, related_name="design_checklist")
    checked = models.JSONField(default=list, blank=True)
    notes = models.TextField(_("aantekeningen"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Fysiek ontwerp {self.initiative}"



PERCENT = [MinValueValidator(Decimal("-100")), MaxValueValidator(Decimal("100"))]


class Budget(models.Model):
    initiative = models.OneToOneField(Initiative, on_delete=models.CASCADE, related_name="budget")
    start_year = models.PositiveSmallIntegerField(_("eerste jaar"), validators=[MinValueValidator(2000),
                                                                               MaxValueValidator(2100)])
    indexation = models.DecimalField(_("indexatie per jaar (%)"), max_digits=5, decimal_places=2,
                                     default=Decimal("2.50"), validators=PERCENT)
    energy_change = models.DecimalField(_("verandering energieprijs per jaar (%)"), max_digits=5, decimal_places=2,
                                        default=Decimal("0"), validators=PERCENT)
    opening_hours_per_week = models.DecimalField(_("openingsuren per week"), max_digits=5, decimal_places=1,
                                                 null=True, blank=True,
                                                 validators=[MinValueValidator(0), MaxValueValidator(168)])
    visitors_per_week = models.PositiveIntegerField(_("bezoekers per week"), null=True, blank=True)
    # Maatschappelijk rendement (seed 002): the value of volunteer work, at a rate the user chooses.
    volunteer_hours_per_week = models.DecimalField(_("vrijwilligersuren per week"), max_digits=6, decimal_places=1,
                                                   null=True, blank=True, validators=[MinValueValidator(0)])
    volunteer_hour_value = models.DecimalField(_("waarde van een vrijwilligersuur (€)"), max_digits=6,
                                               decimal_places=2, null=True, blank=True,
                                               validators=[MinValueValidator(0)])
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Begroting {self.initiative}"



class BudgetLine(models.Model):
    class Direction(models.TextChoices):
        COST = "kosten", _("Kosten")
        INCOME = "inkomsten", _("Inkomsten")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="lines")
    direction = models.CharField(max_length=10, choices=Direction.choices)
    category = models.CharField(_("soort"), max_length=30)
    label = models.CharField(_("omschrijving"), max_length=200)
    quantity = models.DecimalField(_("aantal per jaar"), max_digits=10, decimal_places=2, default=Decimal("1"),
                                   validators=[MinValueValidator(0)])
    unit_amount = models.DecimalField(_("bedrag per eenheid (€)"), max_digits=12, decimal_places=2,
                                      validators=[MinValueValidator(0)])
    indexed = models.BooleanField(_("geïndexeerd"), default=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["direction", "position", "pk"]

    def __str__(self):
        return self.label



class TreeVersion(models.Model):
    """An edited version of a decision tree; the newest one per tree is in use."""

    slug = models.CharField(max_length=60, db_index=True)
    number = models.PositiveIntegerField()
    text = models.TextField()
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug", "-number"]
        constraints = [models.UniqueConstraint(fields=["slug", "number"], name="toolkit_tree_version_once")]

    def __str__(self):
        return f"{self.slug} v{self.number}"



class TreeWalk(models.Model):
    """The outcome of a walked tree, saved on the initiative (the text is copied, so later edits do not change it)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="tree_walks")
    slug = models.CharField(max_length=60)
    tree_title = models.CharField(max_length=200)
    version = models.PositiveIntegerField(default=0)  # 0 = the shipped file
    path = models.TextField()  # answer numbers, e.g. '0.1.0'
    steps = models.JSONField(default=list)  # [{"question": ..., "answer": ...}]
    advice = models.TextField()
    examples = models.JSONField(default=list)
    walked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    walked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-walked_at", "-pk"]

    def __str__(self):
        return f"{self.tree_title} ({self.initiative})"
