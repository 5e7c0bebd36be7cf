"""Core's tables: stamps that tell the page cache whether what it keeps is still current, and the
abstract shape of every workflow's history."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContentStamp(models.Model):
    """A random stamp per kind of public content ("directory"), replaced by every write to that content.

    Cached pages are keyed on the stamp (core.pagecache), so a change shows at once in every web
    process, whatever cache each process keeps. Random rather than counting: a database restored from
    a backup or rolled back by a test never brings back a stamp that meant other content.
    """

    name = models.CharField(_("naam"), max_length=50, unique=True)
    stamp = models.CharField(_("stempel"), max_length=32)

    class Meta:
        verbose_name = _("inhoudsstempel")
        verbose_name_plural = _("inhoudsstempels")

    def __str__(self) -> str:
        return f"{self.name}: {self.stamp}"


class FormSubmission(models.Model):
    """One row per form that created something, keyed on the form's one-time token (core.submissions).

    Written in the same transaction as what the form created, so a second post of the same form (a
    double click, a resend after a timeout) finds it and is sent to the first result instead.
    """

    token = models.CharField(_("formuliersleutel"), max_length=64, unique=True)
    url = models.CharField(_("resultaat"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("verstuurd op"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("verstuurd formulier")
        verbose_name_plural = _("verstuurde formulieren")

    def __str__(self) -> str:
        return self.token


class HistoryIsAppendOnly(Exception):
    """History rows are written once: never changed, never deleted one by one."""


class StatusHistoryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise HistoryIsAppendOnly(f"{self.model.__name__} is append-only")

    def delete(self):
        raise HistoryIsAppendOnly(f"{self.model.__name__} is append-only")

    def backdate_demo(self, at) -> int:
        """Demo data only: fictitious history is spread over the past after it was written."""
        return super().update(at=at)

    def forget_people(self) -> int:
        """Privacy: forget who made the moves (after the retention period); the moves stay."""
        return super().update(by=None)


class StatusHistory(models.Model):
    """The one shape of workflow history: who, when, from, to, why (core.workflow, ADR 0014).

    Abstract: each workflow keeps its own table with a foreign key to its subject, so the rows go with
    their subject and each app's queries stay simple. Rows are appended and never changed; deleting the
    subject deletes its history (a cascade), nothing else does.
    """

    from_status = models.CharField(_("van"), max_length=20, blank=True)
    to_status = models.CharField(_("naar"), max_length=20, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                           related_name="+", verbose_name=_("door"))
    at = models.DateTimeField(_("op"), default=timezone.now)
    reason = models.TextField(_("toelichting"), blank=True)

    objects = StatusHistoryQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} -> {self.to_status}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise HistoryIsAppendOnly(f"{type(self).__name__} is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsAppendOnly(f"{type(self).__name__} is append-only")

    def get_from_status_display(self) -> str:
        return self._state_label(self.from_status)

    def get_to_status_display(self) -> str:
        return self._state_label(self.to_status)

    def _state_label(self, value: str) -> str:
        # The labels live in the workflow's table (its TextChoices), not in choices on these columns.
        from .workflow import for_history

        workflow = for_history(self._meta.label_lower)
        return workflow.label(value) if value and workflow else value


class OutboundMail(models.Model):
    """One e-mail that follows a write, rendered at once and delivered after the commit (core.mail).

    The row is written in the same transaction as the change it reports, so a commit always leaves a
    row and a rollback never does; the worker delivers it, and `send_pending_mail` retries what failed
    or was cut off by a crash, with growing pauses. Delivered rows are removed after a retention period.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("wacht")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")
        FAILED = "failed", _("mislukt")

    key = models.CharField(_("sleutel"), max_length=200, unique=True, null=True, blank=True,
                           help_text=_("Eén bericht per sleutel: een tweede klik verstuurt niets opnieuw."))
    subject = models.CharField(_("onderwerp"), max_length=300)
    body = models.TextField(_("tekst"))
    to = models.JSONField(_("aan"), default=list)
    headers = models.JSONField(_("kopregels"), default=dict)
    attachments = models.JSONField(_("bijlagen"), default=list)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    next_attempt_at = models.DateTimeField(_("volgende poging"), default=timezone.now)
    last_error = models.TextField(_("laatste fout"), blank=True)
    created = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.subject} ({self.status})"


class Document(models.Model):
    """A document made by the worker (core.documents): a slow PDF or a large export, for one user.

    Only the user who asked may fetch it, and only while their scope is the one it was made for; it is
    removed after ONTMOET_DOCUMENT_HOURS. The file goes through Django's storage API.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("in de wachtrij")
        RUNNING = "running", _("wordt gemaakt")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)  # not guessable in a URL
    title = models.CharField(_("titel"), max_length=200)
    maker = models.CharField(_("maker"), max_length=200)  # dotted path: (user, params, progress) -> bytes
    params = models.JSONField(_("keuzes"), default=dict)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("aangevraagd door"))
    scope_key = models.CharField(_("bereik"), max_length=500)
    back_url = models.CharField(_("terug naar"), max_length=500, blank=True)
    filename = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(_("soort bestand"), max_length=100)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(_("voortgang"), default=0)
    file = models.FileField(_("bestand"), upload_to="documenten/", blank=True)
    error = models.TextField(_("fout"), blank=True)
    created = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    expires = models.DateTimeField(_("verloopt"))

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        indexes = [models.Index(fields=["owner", "maker"]), models.Index(fields=["expires"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.status})"
class PrivacyRequestQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise HistoryIsAppendOnly("PrivacyRequest is append-only")

    def delete(self):
        raise HistoryIsAppendOnly("PrivacyRequest is append-only")


class PrivacyRequest(models.Model):
    """Append-only log of data subjects' requests handled by staff (core.privacy).

    Keeps a keyed hash of the e-mail address, not the address: after an erasure the log must not be
    the one place that still names the person.
    """

    class Action(models.TextChoices):
        SEARCH = "search", _("Gezocht")
        EXPORT = "export", _("Geëxporteerd")
        ERASE = "erase", _("Gewist")

    action = models.CharField(_("handeling"), max_length=10, choices=Action.choices)
    email_hash = models.CharField(_("sleutel van het e-mailadres"), max_length=64, db_index=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                           verbose_name=_("door"))
    at = models.DateTimeField(_("op"), default=timezone.now)
    reason = models.TextField(_("reden"), blank=True)
    counts = models.JSONField(_("aantallen per soort"), default=dict)

    objects = PrivacyRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("privacyverzoek")
        verbose_name_plural = _("privacyverzoeken")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise HistoryIsAppendOnly("PrivacyRequest is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsAppendOnly("PrivacyRequest is append-only")


class OpenDataFile(models.Model):
    """The stored copy of one open-data download (core.opendata_store): which object in storage holds it, the
    content stamp it was built from, and whether a rebuild is queued (at most one at a time per file)."""

    name = models.CharField(_("bestand"), max_length=100, unique=True)  # the URL's file name: activiteiten.csv
    stored_name = models.CharField(_("naam in de opslag"), max_length=300, blank=True)
    stamp = models.CharField(_("gemaakt van stempel"), max_length=64, blank=True)
    built_at = models.DateTimeField(_("gemaakt op"), null=True, blank=True)
    build_started = models.DateTimeField(_("begonnen op"), null=True, blank=True)
    size = models.BigIntegerField(_("grootte in bytes"), default=0)
    etag = models.CharField(_("ETag"), max_length=64, blank=True)
    queued_at = models.DateTimeField(_("in de wachtrij sinds"), null=True, blank=True)

    class Meta:
        verbose_name = _("open-databestand")
        verbose_name_plural = _("open-databestanden")

    def __str__(self) -> str:
        return self.name
