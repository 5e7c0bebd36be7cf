"""The public directory's own tables: the search index and reports of outdated information.

The index lives here, not in the places tables: one row per public place with its searchable text
already normalised in Python (lowercase, no accents, Dutch stems). The database's full-text index
over that column (FTS5 on SQLite, a tsvector on PostgreSQL) is created in this app's migrations.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality


class SearchEntry(models.Model):
    """One public, active place as the search page needs it: narrow, so that filtering, counting and
    sorting 100,000 rows stays cheap; the page then loads only its 20 places in full."""

    place = models.OneToOneField(Place, on_delete=models.CASCADE, primary_key=True, related_name="search_entry")
    # The place's rank in alphabetical order, with gaps so that a new place fits in between (see
    # services.assign_positions). It is also the full-text index's row id, so the database walks the
    # matches of a word in alphabetical order and stops after a page instead of sorting them all.
    position = models.BigIntegerField(_("volgorde"), unique=True)
    # The name folded for sorting ("t anker"): decides `position`.
    sort_name = models.CharField(_("sorteernaam"), max_length=200, default="")
    document = models.TextField(_("zoektekst"))
    # The stems of the name alone, space-padded (" dorpshuis linde "): a match here ranks first.
    name_terms = models.CharField(_("naam (stammen)"), max_length=400, default="")
    name = models.CharField(_("naam"), max_length=200, default="")
    kind = models.CharField(_("soort"), max_length=20, default="")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+", null=True)
    wheelchair_accessible = models.BooleanField(null=True)
    open_days = models.CharField(_("open op"), max_length=30, default="", help_text=" ma di ... ")
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zoekregel")
        verbose_name_plural = _("zoekregels")
        indexes = [
            models.Index(fields=["sort_name", "place"]),
            models.Index(fields=["municipality", "position"]),
            models.Index(fields=["kind", "position"]),
            # Covers a "near me" count and a distance sort: the map area is read from this index alone.
            models.Index(fields=["latitude", "longitude", "wheelchair_accessible", "position", "place"]),
        ]

    def __str__(self) -> str:
        return str(self.place_id)


class SearchTerm(models.Model):
    """The vocabulary of names and villages, for 'bedoelde u…?' suggestions after a typo."""

    term = models.CharField(_("term"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("zoekterm")
        verbose_name_plural = _("zoektermen")

    def __str__(self) -> str:
        return self.term


class OutdatedReport(models.Model):
    """A visitor's 'klopt er iets niet?' message. Who sent it is never shown on the public side."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="outdated_reports",
                              verbose_name=_("plek"))
    message = models.TextField(_("wat klopt er niet"))
    reporter_email = models.EmailField(_("e-mailadres melder"), blank=True)
    # A keyed hash of the sender's IP address: enough to rate-limit across web processes,
    # without keeping the address itself.
    sender_hash = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(_("ontvangen"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("melding verouderde gegevens")
        verbose_name_plural = _("meldingen verouderde gegevens")

    def __str__(self) -> str:
        return f"{self.place} ({self.created_at:%Y-%m-%d})"
