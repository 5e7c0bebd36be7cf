"""The register: meeting places (ontmoetingsplekken) and the vocabularies that describe them."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ontmoet.core.translated import localized
from ontmoet.regions.models import Municipality

from . import choices, validators


class Vocabulary(models.Model):
    """A small reference list that province administrators keep in the admin."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    name_en = models.CharField(_("naam in het Engels"), max_length=100, blank=True,
                               help_text=_("Getoond waar de interface Engels is. Leeg: de Nederlandse naam."))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the interface's language (core.translated)."""
        return localized(self.name, self.name_en)


class Facility(Vocabulary):
    """A service or facility offered in a place (seed 001: sport, bibliotheek, GGD, ...)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")


class Activity(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")


class TargetGroup(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


# What the officers' list filters on (see Place.Meta.indexes).
LIST_FILTER_COLUMNS = ["kind", "typology", "staffing", "status", "last_verified_at", "city", "neighbourhood",
                       "postcode", "code"]


class Place(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[validators.validate_place_code],
                            help_text=_("Vaste code van de plek, gebruikt bij import en export."))
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort plek"), max_length=20, choices=choices.Kind.choices)
    typology = models.CharField(_("typologie (handreiking)"), max_length=20, choices=choices.Typology.choices,
                                blank=True)
    legal_form = models.CharField(_("rechtsvorm"), max_length=20, choices=choices.LegalForm.choices, blank=True)
    building_owner = models.CharField(_("eigenaar gebouw"), max_length=20, choices=choices.BuildingOwner.choices,
                                      blank=True)
    staffing = models.CharField(_("bemensing"), max_length=20, choices=choices.Staffing.choices,
                                default=choices.Staffing.UNKNOWN)
    board_size = models.PositiveSmallIntegerField(_("aantal bestuursleden"), null=True, blank=True,
                                                  validators=[MaxValueValidator(100)])
    volunteer_count = models.PositiveIntegerField(_("aantal vrijwilligers"), null=True, blank=True,
                                                  validators=[MaxValueValidator(100_000)])
    facilities = models.ManyToManyField(Facility, blank=True, verbose_name=_("voorzieningen"))
    activities = models.ManyToManyField(Activity, blank=True, verbose_name=_("activiteiten"))
    target_groups = models.ManyToManyField(TargetGroup, blank=True, verbose_name=_("doelgroepen"))
    # {"ma": ["09:00-12:00", "13:30-17:00"], ...}: only days on which the place is open.
    opening_hours = models.JSONField(_("openingstijden"), default=dict, blank=True)
    opening_hours_note = models.CharField(_("toelichting openingstijden"), max_length=200, blank=True)
    wheelchair_accessible = models.BooleanField(_("rolstoeltoegankelijk"), null=True, blank=True)
    accessible_toilet = models.BooleanField(_("invalidentoilet"), null=True, blank=True)
    hearing_loop = models.BooleanField(_("ringleiding"), null=True, blank=True)
    street = models.CharField(_("straat"), max_length=200, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True, validators=[validators.validate_postcode])
    city = models.CharField(_("plaats"), max_length=100, blank=True, help_text=_("Dorp, kern of stad."))
    neighbourhood = models.CharField(_("wijk of buurt"), max_length=100, blank=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="places",
                                     verbose_name=_("gemeente"))
    latitude = models.DecimalField(_("breedtegraad"), max_digits=8, decimal_places=6, null=True, blank=True,
                                   validators=[validators.validate_latitude])
    longitude = models.DecimalField(_("lengtegraad"), max_digits=8, decimal_places=6, null=True, blank=True,
                                    validators=[validators.validate_longitude])
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=choices.Status.choices,
                              default=choices.Status.ACTIVE)
    is_public = models.BooleanField(_("openbaar in de sociale kaart"), default=True)
    contact_is_public = models.BooleanField(_("contactgegevens openbaar"), default=False,
                                            help_text=_("Toon contactpersoon, e-mail en telefoon op de "
                                                        "openbare kaart."))
    last_verified_at = models.DateTimeField(_("laatst bevestigd"), null=True, blank=True)
    last_verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                         blank=True, related_name="+", verbose_name=_("bevestigd door"))
    verification_reminder_sent_at = models.DateTimeField(_("herinnering verstuurd"), null=True, blank=True,
                                                         editable=False)
    is_demo = models.BooleanField(_("fictieve demodata"), default=False, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[facilities, activities, target_groups],
                                excluded_fields=["updated_at", "verification_reminder_sent_at"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("ontmoetingsplek")
        verbose_name_plural = _("ontmoetingsplekken")
        indexes = [
            # The officers' list (selectors.list_page) counts and finds a page in these narrow indexes,
            # never in the wide rows. Each holds every column the list filters on, so that walking it
            # needs no table lookups. One for an officer's scope (by municipality, in the default order)...
            models.Index(fields=["municipality", "name", "id", *LIST_FILTER_COLUMNS], name="places_list_scope_idx"),
            # ...one for the default order over a whole province...
            models.Index(fields=["name", "id", "municipality", *LIST_FILTER_COLUMNS], name="places_list_name_idx"),
            # ...and one per other sort order, with what decides whether a row is in scope.
            models.Index(fields=["kind", "id", "municipality"], name="places_sort_kind_idx"),
            models.Index(fields=["updated_at", "id", "municipality"], name="places_sort_updated_idx"),
            models.Index(fields=["last_verified_at", "id", "municipality", "status"], name="places_sort_verified_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="place_coordinates_both_or_neither",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("places:detail", args=[self.code])

    @property
    def address_line(self) -> str:
        street = " ".join(part for part in [self.street, self.house_number] if part)
        town = " ".join(part for part in [self.postcode, self.city] if part)
        return ", ".join(part for part in [street, town] if part)
