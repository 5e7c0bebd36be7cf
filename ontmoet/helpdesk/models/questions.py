"""Questions of places, their history, messages, attachments and ratings."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import StatusHistory
from ontmoet.core.uploads import private_upload_to

from .categories import Category, Tag
from .experts import Expert, Team


# --- questions -------------------------------------------------------------------------------------
class Status(models.TextChoices):
    NEW = "new", _("Nieuw")
    TRIAGED = "triaged", _("Beoordeeld")
    IN_PROGRESS = "in_progress", _("In behandeling")
    WAITING = "waiting_on_place", _("Wacht op de plek")
    RESOLVED = "resolved", _("Opgelost")
    CLOSED = "closed", _("Gesloten")
    REOPENED = "reopened", _("Heropend")
    DUPLICATE = "duplicate", _("Dubbel")


OPEN_STATUSES = [Status.NEW, Status.TRIAGED, Status.IN_PROGRESS, Status.WAITING, Status.REOPENED]


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Gewoon")
    URGENT = "urgent", _("Spoed (bijvoorbeeld lekkage of geen verwarming)")


class Channel(models.TextChoices):
    WEB = "web", _("Online door de plek")
    PHONE = "phone", _("Telefonisch")
    EMAIL = "email", _("Per e-mail")


class Question(models.Model):
    place = models.ForeignKey("places.Place", on_delete=models.PROTECT, related_name="questions",
                              verbose_name=_("plek"))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="questions",
                                 verbose_name=_("categorie"))
    title = models.CharField(_("onderwerp"), max_length=150)
    description = models.TextField(_("omschrijving"), max_length=5000)
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    channel = models.CharField(_("binnengekomen via"), max_length=10, choices=Channel.choices, default=Channel.WEB)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                 related_name="+", verbose_name=_("gesteld door"))
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="+", verbose_name=_("geregistreerd door"))
    expert = models.ForeignKey(Expert, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions",
                               verbose_name=_("expert"))
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions",
                             verbose_name=_("team"))
    duplicate_of = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="duplicates", verbose_name=_("dubbel van"))
    solution_summary = models.TextField(_("samenvatting van de oplossing"), blank=True, max_length=2000)
    tags = models.ManyToManyField(Tag, blank=True, related_name="questions", verbose_name=_("trefwoorden"))
    created_at = models.DateTimeField(_("gesteld op"), default=timezone.now)
    first_response_at = models.DateTimeField(_("eerste reactie"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("opgelost op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    # Service level: due dates move when the clock stops (waiting on the place); see servicelevels.py.
    first_response_due = models.DateField(_("eerste reactie uiterlijk"), null=True, blank=True)
    resolution_due = models.DateField(_("oplossen uiterlijk"), null=True, blank=True)
    paused_days = models.PositiveIntegerField(default=0, editable=False)
    waiting_since = models.DateField(null=True, blank=True, editable=False)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    # Kept for the dashboard, so that medians and monthly counts are plain indexed queries.
    created_month = models.DateField(null=True, blank=True, editable=False)
    first_response_minutes = models.PositiveIntegerField(null=True, blank=True, editable=False)
    resolution_minutes = models.PositiveIntegerField(null=True, blank=True, editable=False)
    resolved_within_due = models.BooleanField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        indexes = [
            models.Index(fields=["status", "resolution_due"]),
            models.Index(fields=["category", "status"]),
            models.Index(fields=["place", "created_at"]),
            models.Index(fields=["created_at"]),
            models.Index(fields=["created_month"]),
            models.Index(fields=["first_response_minutes"]),
            models.Index(fields=["resolution_minutes"]),
            # The overview's meldpunt figures (selectors.queue_counts): every column they read, so the open
            # questions of a province are counted from this index alone, without reading the questions.
            models.Index(fields=["status", "place", "resolution_due", "expert", "team"], name="helpdesk_q_open_counts"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"

    def save(self, *args, **kwargs):
        self.created_month = timezone.localdate(self.created_at).replace(day=1)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "created_month"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("helpdesk:question_detail", args=[self.pk])

    def record_durations(self) -> None:
        """Derive the dashboard's durations from the timestamps (call before saving)."""
        def minutes(later):
            return max(0, int((later - self.created_at).total_seconds() // 60)) if later else None

        self.first_response_minutes = minutes(self.first_response_at)
        self.resolution_minutes = minutes(self.resolved_at)
        self.resolved_within_due = (None if self.resolved_at is None or self.resolution_due is None
                                    else timezone.localdate(self.resolved_at) <= self.resolution_due)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class StatusChange(StatusHistory):
    """Append-only: one row per transition, never updated (core.workflow)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(StatusHistory.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.question_id}: {self.from_status} -> {self.to_status}"


class AssignmentChange(models.Model):
    """Append-only history of who a question was assigned to, and why (rule, triage, reassignment)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="assignments")
    expert = models.ForeignKey(Expert, on_delete=models.SET_NULL, null=True, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.expert or self.team or '-'}"


class Message(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("bericht"), max_length=10000)
    is_internal = models.BooleanField(_("interne notitie"), default=False,
                                      help_text=_("Alleen zichtbaar voor de provincie en de experts."))
    from_place = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.body[:40]}"


def attachment_upload_to(instance, filename):
    # A module-level function (not the closure itself) so that migrations can refer to it.
    return private_upload_to("helpdesk")(instance, filename)


class Attachment(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="attachments")
    file = models.FileField(upload_to=attachment_upload_to)
    kind = models.CharField(max_length=10)
    original_name = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_internal(self) -> bool:
        return self.message_id is not None and self.message.is_internal


class Rating(models.Model):
    """The one satisfaction question the place is asked after resolution."""

    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="rating")
    score = models.PositiveSmallIntegerField(_("cijfer"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    solved = models.BooleanField(_("is uw vraag opgelost?"), default=True)
    comment = models.TextField(_("toelichting"), blank=True, max_length=2000)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5),
                                              name="rating_score_1_to_5")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.score}"
