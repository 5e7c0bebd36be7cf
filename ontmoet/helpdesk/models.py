"""The meldpunt: questions of places, the experts who answer them, the knowledge that remains.

Statuses and their transitions live in `workflow.py`, service-level arithmetic in `servicelevels.py`,
routing in `routing.py`; this module only describes what is stored.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.uploads import private_upload_to
from ontmoet.places.choices import Kind


class DayKind(models.TextChoices):
    WORKING = "working", _("werkdagen")
    CALENDAR = "calendar", _("kalenderdagen")


class Category(models.Model):
    """A node in the question tree, with its service level (first response and resolution)."""

    name = models.CharField(_("naam"), max_length=100)
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
        return f"{self.parent.name} – {self.name}" if self.parent_id and self.parent else self.name

    def root(self) -> "Category":
        return self.parent if self.parent_id else self


class Tag(models.Model):
    name = models.CharField(_("naam"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trefwoord")
        verbose_name_plural = _("trefwoorden")

    def __str__(self) -> str:
        return self.name


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


class StatusChange(models.Model):
    """Append-only: one row per transition, never updated."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]

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


# --- knowledge base --------------------------------------------------------------------------------
class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")
    ARCHIVED = "archived", _("Gearchiveerd")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Openbaar")
    MEMBERS = "members", _("Alleen voor ingelogde gebruikers")


class Article(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    summary = models.CharField(_("samenvatting"), max_length=300, blank=True)
    body = models.TextField(_("tekst"), max_length=50000,
                            help_text=_("Platte tekst of eenvoudige Markdown (kopjes, lijsten, vet, links)."))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="articles",
                                 verbose_name=_("categorie"))
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("trefwoorden"))
    status = models.CharField(_("status"), max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT)
    visibility = models.CharField(_("zichtbaarheid"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.MEMBERS)
    source_questions = models.ManyToManyField(Question, blank=True, related_name="articles",
                                              verbose_name=_("afkomstig van vragen"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")
        indexes = [models.Index(fields=["status", "visibility"]), models.Index(fields=["view_count"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("helpdesk:article_detail", args=[self.pk])


class ArticleStatusChange(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=10, choices=ArticleStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=ArticleStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.to_status}"


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
