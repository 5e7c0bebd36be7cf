"""The yearly monitor: questionnaires (XLSForms), waves, invitations, responses, answers, calls."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import StatusHistory

from .xlsform import FormDefinition


class RespondentKind(models.TextChoices):
    PLACE = "place", _("Ontmoetingsplekken")
    MUNICIPALITY = "municipality", _("Gemeenten")


class Questionnaire(models.Model):
    """One uploaded version of an XLSForm. A new upload of the same form_id is a new version."""

    province = models.ForeignKey("regions.Province", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("provincie"))
    title = models.CharField(_("titel"), max_length=200)
    form_id = models.SlugField(_("formulier-id"), max_length=100)
    version = models.CharField(_("versie"), max_length=50)
    definition = models.JSONField(_("vragen"), editable=False)
    source = models.BinaryField(_("XLSForm-bestand"), editable=False)
    source_name = models.CharField(_("bestandsnaam"), max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("geüpload door"))
    created_at = models.DateTimeField(_("geüpload"), auto_now_add=True)

    class Meta:
        ordering = ["title", "-created_at"]
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        constraints = [models.UniqueConstraint(fields=["province", "form_id", "version"],
                                               name="monitor_questionnaire_version_unique")]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"

    @cached_property
    def form(self) -> FormDefinition:
        return FormDefinition.from_dict(self.definition)


class WaveQuerySet(models.QuerySet):
    def open_on(self, day=None):
        """The waves open on `day` (today by default): what `Wave.is_open` says of one wave."""
        day = day or timezone.localdate()
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class Wave(models.Model):
    """A round of the monitor: one questionnaire sent to one kind of respondent in one year."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="waves",
                                      verbose_name=_("vragenlijst"))
    province = models.ForeignKey("regions.Province", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("provincie"))
    title = models.CharField(_("titel"), max_length=200)
    year = models.PositiveSmallIntegerField(_("jaar"))
    respondent_kind = models.CharField(_("respondenten"), max_length=20, choices=RespondentKind.choices)
    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("sluit na"))
    reminder_max = models.PositiveSmallIntegerField(_("maximaal aantal herinneringen"), default=2)
    reminder_min_days = models.PositiveSmallIntegerField(_("minimaal aantal dagen tussen berichten"), default=7)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False, editable=False)

    objects = WaveQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("uitvraag")
        verbose_name_plural = _("uitvragen")
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")),
                                   name="monitor_wave_closes_after_opening"),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.year}"

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on


class Status(models.TextChoices):
    INVITED = "invited", _("Nog niet geopend")
    OPENED = "opened", _("Geopend")
    PARTIAL = "partial", _("Deels ingevuld")
    COMPLETE = "complete", _("Ingevuld")
    DECLINED = "declined", _("Afgezien")


class Invitation(models.Model):
    """One respondent (a place or a municipality) in a wave, with its personal link."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("uitvraag"))
    place = models.ForeignKey("places.Place", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                              verbose_name=_("plek"))
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("gemeente"))
    email = models.EmailField(_("e-mailadres"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.INVITED)
    sent_at = models.DateTimeField(_("uitnodiging verstuurd"), null=True, blank=True)
    last_mailed_at = models.DateTimeField(_("laatste bericht"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("herinneringen"), default=0)
    bounced = models.BooleanField(_("e-mail kwam terug"), default=False)
    opted_out = models.BooleanField(_("wil geen e-mail"), default=False)
    # Part of the personal link: raising it revokes every link given out before (a leaked link).
    link_version = models.PositiveSmallIntegerField(_("versie van de persoonlijke link"), default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["municipality__name", "place__name"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        constraints = [
            models.UniqueConstraint(fields=["wave", "place"], condition=models.Q(place__isnull=False),
                                    name="monitor_one_invitation_per_place"),
            models.UniqueConstraint(fields=["wave", "municipality"], condition=models.Q(place__isnull=True),
                                    name="monitor_one_invitation_per_municipality"),
        ]
        indexes = [models.Index(fields=["wave", "status"])]

    def __str__(self) -> str:
        return str(self.place or self.municipality)

    @property
    def respondent_code(self) -> str:
        return self.place.code if self.place_id else self.municipality.code

    @property
    def respondent_name(self) -> str:
        return self.place.name if self.place_id else self.municipality.name


class InvitationEvent(StatusHistory):
    """Append-only history of an invitation: status changes, and mails, bounces, opt-outs on a status."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="events")

    class Meta(StatusHistory.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.reason}"


class Response(models.Model):
    """The answers of one respondent; a draft until submitted. One per invitation (DB constraint)."""

    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="response")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    data = models.JSONField(_("antwoorden"), default=dict)  # question name -> value (list for select_multiple)
    submitted_at = models.DateTimeField(_("ingeleverd"), null=True, blank=True)
    taken_by_phone = models.BooleanField(_("telefonisch afgenomen"), default=False)
    imported = models.BooleanField(_("geïmporteerd"), default=False)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("ingevoerd door"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["wave", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.invitation_id}: {len(self.data)}"


class ResponseRevision(models.Model):
    """Append-only: the answers of a submitted response as they were before the respondent or staff changed them."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="revisions")
    data = models.JSONField(_("antwoorden"), default=dict)
    submitted_at = models.DateTimeField(_("ingeleverd"), null=True, blank=True)
    replaced_at = models.DateTimeField(_("vervangen op"), auto_now_add=True)
    replaced_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("vervangen door"))

    class Meta:
        ordering = ["-replaced_at", "-pk"]
        verbose_name = _("eerdere versie van de antwoorden")
        verbose_name_plural = _("eerdere versies van de antwoorden")

    def __str__(self) -> str:
        return f"{self.response_id}: {self.replaced_at:%Y-%m-%d %H:%M}"


class Answer(models.Model):
    """One answer (or one chosen option) of a submitted response, for database aggregates (ADR 0020)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    # No index of its own: the (wave, question, choice) index below serves every lookup by wave, and one
    # index less makes each of an import's tens of thousands of answer rows cheaper to insert.
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="+", db_index=False)
    question = models.CharField(max_length=100)
    choice = models.CharField(max_length=100, blank=True)
    number = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["wave", "question", "choice"])]

    def __str__(self) -> str:
        return f"{self.question}={self.choice or self.number or self.text[:20]}"


class CallOutcome(models.TextChoices):
    REACHED = "reached", _("Gesproken")
    NO_ANSWER = "no_answer", _("Geen gehoor")
    VOICEMAIL = "voicemail", _("Voicemail ingesproken")
    CALL_BACK = "call_back", _("Terugbellen")
    WRONG_NUMBER = "wrong_number", _("Verkeerd nummer")
    DECLINED = "declined", _("Wil niet meedoen")


class CallLog(models.Model):
    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="calls")
    at = models.DateTimeField(_("gebeld op"), default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                           verbose_name=_("door"))
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=CallOutcome.choices)
    note = models.TextField(_("notitie"), blank=True)
    call_back_on = models.DateField(_("terugbellen op"), null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        # The overview's call-backs due: the few calls with a date, not every call of the wave.
        indexes = [models.Index(fields=["call_back_on"], condition=models.Q(call_back_on__isnull=False),
                                name="monitor_call_back_due_idx")]
        verbose_name = _("telefoongesprek")
        verbose_name_plural = _("telefoongesprekken")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.get_outcome_display()}"


class MailJob(models.Model):
    """A background run that sends invitations or reminders, for the progress view."""

    class Kind(models.TextChoices):
        INVITE = "invite", _("Uitnodigingen")
        REMIND = "remind", _("Herinneringen")

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="mail_jobs")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    # Reminders: how many got none and why ({reminders.Reason: count}), the not-asked included.
    skip_reasons = models.JSONField(default=dict, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)
