"""The activities agenda: what happens in a place, and when.

An `Activity` holds the rule (once, weekly on given weekdays, the n-th weekday of the month); its dates are
computed with dateutil's rrule (recurrence.py) and materialised as `ActivityDate` rows for a horizon ahead,
so that the public agenda is one indexed range query over dates instead of expanding 50,000 rules per visit.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ontmoet.places.models import Activity as ActivityKind
from ontmoet.places.models import Place, TargetGroup


class Recurrence(models.TextChoices):
    ONCE = "eenmalig", _("eenmalig")
    WEEKLY = "wekelijks", _("wekelijks")
    MONTHLY = "maandelijks", _("maandelijks")


class Weekday(models.IntegerChoices):
    # dateutil's numbering (MO = 0), so a stored weekday is an rrule weekday as it is.
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")


class MonthWeek(models.IntegerChoices):
    FIRST = 1, _("eerste")
    SECOND = 2, _("tweede")
    THIRD = 3, _("derde")
    FOURTH = 4, _("vierde")
    LAST = -1, _("laatste")


class Activity(models.Model):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="agenda_activities",
                              verbose_name=_("plek"))
    title = models.CharField(_("naam van de activiteit"), max_length=200)
    kind = models.ForeignKey(ActivityKind, on_delete=models.PROTECT, related_name="+", verbose_name=_("soort"))
    description = models.TextField(_("omschrijving"), blank=True, max_length=2000)
    target_groups = models.ManyToManyField(TargetGroup, blank=True, related_name="+", verbose_name=_("doelgroepen"))
    recurrence = models.CharField(_("hoe vaak"), max_length=20, choices=Recurrence.choices, default=Recurrence.WEEKLY)
    weekdays = models.JSONField(_("dagen"), default=list, blank=True)  # [0..6], for weekly activities
    month_week = models.SmallIntegerField(_("welke week van de maand"), choices=MonthWeek.choices, null=True,
                                          blank=True)
    month_weekday = models.SmallIntegerField(_("welke dag"), choices=Weekday.choices, null=True, blank=True)
    starts_on = models.DateField(_("datum of eerste datum"))
    ends_on = models.DateField(_("laatste datum"), null=True, blank=True)
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    skip_public_holidays = models.BooleanField(_("niet op feestdagen"), default=False)
    cost = models.DecimalField(_("kosten in euro"), max_digits=7, decimal_places=2, default=0,
                               validators=[MinValueValidator(0)])
    walk_in = models.BooleanField(_("open inloop"), default=False)
    second_home = models.BooleanField(_("tweede thuis"), default=False)
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    accessibility = models.CharField(_("toegankelijkheid"), max_length=300, blank=True)
    last_confirmed_at = models.DateTimeField(_("laatst bevestigd"))
    # When the board was mailed that this activity will soon be hidden; a later confirmation makes it due again.
    confirm_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The last date for which ActivityDate rows exist; the nightly `extend_agenda` adds the days after it.
    materialised_until = models.DateField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("activiteit in de agenda")
        verbose_name_plural = _("activiteiten in de agenda")
        indexes = [models.Index(fields=["place", "last_confirmed_at"], name="agenda_activity_confirmed_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agenda:edit", args=[self.place.code, self.pk])

    @property
    def is_free(self) -> bool:
        return not self.cost

    @property
    def schedule(self) -> str:
        """The rule in words: "elke dinsdag en donderdag", "elke laatste vrijdag van de maand"."""
        if self.recurrence == Recurrence.ONCE:
            return str(_("eenmalig"))
        if self.recurrence == Recurrence.WEEKLY:
            days = [str(Weekday(day).label) for day in sorted(self.weekdays or [])]
            joined = " ".join([", ".join(days[:-1]), str(_("en")), days[-1]]) if len(days) > 1 else "".join(days)
            return str(_("elke %(days)s")) % {"days": joined}
        return str(_("elke %(week)s %(day)s van de maand")) % {
            "week": MonthWeek(self.month_week).label, "day": Weekday(self.month_weekday).label}


class CancelledDate(models.Model):
    """A date on which a recurring activity does not take place (holiday closure, illness, the hall is let)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="cancelled_dates")
    date = models.DateField(_("datum"))

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["activity", "date"], name="agenda_cancelled_once")]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.date}"


class ActivityDate(models.Model):
    """One occurrence of an activity, materialised for the public agenda's range queries (see module doc).

    The place's coordinates and grid cell (grid.py) are copied in so that "near a postcode" is a few ranges
    on one index of this table, read without visiting the rows; so is what makes a date public (`listed`: the
    place is public and active; `confirmed_at`: the activity's last confirmation, compared with the cutoff at
    query time), so that the search reads no other table to decide. services.py writes the copies with the
    rows and on confirmation, signals.py when a place is saved, and the nightly extend() re-syncs any that
    disagree.
    """

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="dates")
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    cell = models.IntegerField(null=True)
    listed = models.BooleanField(default=False, editable=False)  # place.is_public and place.status == active
    confirmed_at = models.DateTimeField(editable=False)  # activity.last_confirmed_at

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            # The agenda: a date window, in time order...
            models.Index(fields=["date", "starts_at"], name="agenda_date_time_idx"),
            # ...near the visitor: the grid cells around them, each a date range, of listed places only. The
            # other columns make the index cover the search (the distance, what has ended, the confirmation,
            # the joins a filter needs; `listed` and `id` so that SQLite and PostgreSQL both read it alone),
            # so rows are read only for the page shown.
            models.Index(fields=["cell", "date", "starts_at", "ends_at", "latitude", "longitude", "confirmed_at",
                                 "listed", "place", "activity", "id"], condition=models.Q(listed=True),
                         name="agenda_listed_cell_date_idx"),
            models.Index(fields=["place", "date"], name="agenda_place_date_idx"),
        ]
        constraints = [models.UniqueConstraint(fields=["activity", "date"], name="agenda_one_row_per_date")]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.date}"
