"""Every write of the monitor, each inside a transaction. Views, commands and imports call these."""

import datetime

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.accounts.models import RoleAssignment
from ontmoet.accounts.roles import Role
from ontmoet.core.mail import send_templated_mail
from ontmoet.places.choices import Status as PlaceStatus
from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality

from .. import answers as answer_rules
from .. import reminders
from ..models import (
    Answer,
    CallLog,
    CallOutcome,
    Invitation,
    InvitationEvent,
    MailJob,
    Questionnaire,
    RespondentKind,
    Response,
    ResponseRevision,
    Status,
    Wave,
)
from ..workflows import INVITATION, RESPONDENT, STAFF, TransitionError  # noqa: F401 - callers import it here
from ..xlsform import FormError, parse_xlsform, version_clash  # noqa: F401 - FormError is part of this API

TOKEN_SALT = "ontmoet.monitor.invitation"  # noqa: S105 - a signing namespace, not a secret

class AlreadySubmitted(Exception):
    """The respondent already handed in; a second tab or a double click changes nothing."""


# -- questionnaires --------------------------------------------------------------------------------
@transaction.atomic
def import_questionnaire(province, data: bytes, filename: str, user=None, *,
                         skip_unsupported: bool = False) -> Questionnaire:
    """Parse and store an XLSForm as a new questionnaire version (FormError if it is not valid).

    With `skip_unsupported`, rows the monitor cannot ask are left out; the result's `skipped` lists them.
    """
    form = parse_xlsform(data, filename, skip_unsupported=skip_unsupported)
    if Questionnaire.objects.filter(province=province, form_id=form.form_id, version=form.version).exists():
        raise version_clash(form)
    questionnaire = Questionnaire.objects.create(
        province=province, title=form.title, form_id=form.form_id, version=form.version,
        definition=form.to_dict(), source=data, source_name=filename[:200], uploaded_by=user)
    questionnaire.skipped = form.skipped
    return questionnaire


# -- waves and invitations ------------------------------------------------------------------------
def _municipality_emails(municipality_ids) -> dict:
    emails = {}
    for municipality_id, email in RoleAssignment.objects.filter(
            role=Role.MUNICIPAL_OFFICER, municipality_id__in=municipality_ids).order_by("pk").values_list(
            "municipality_id", "user__email"):
        emails.setdefault(municipality_id, email)
    return emails


@transaction.atomic
def create_wave(*, questionnaire: Questionnaire, title: str, year: int, respondent_kind: str,
                opens_on: datetime.date, closes_on: datetime.date, population=None, user=None,
                reminder_max: int = 2, reminder_min_days: int = 7, is_demo: bool = False) -> Wave:
    """A wave with one invitation per respondent.

    `population` is a queryset of places (or municipalities); by default all active places (or all
    municipalities) of the questionnaire's province.
    """
    province = questionnaire.province
    if closes_on < opens_on:
        raise ValueError(_("De sluitdatum ligt voor de openingsdatum."))
    wave = Wave.objects.create(questionnaire=questionnaire, province=province, title=title, year=year,
                               respondent_kind=respondent_kind, opens_on=opens_on, closes_on=closes_on,
                               reminder_max=reminder_max, reminder_min_days=reminder_min_days, created_by=user,
                               is_demo=is_demo)
    if respondent_kind == RespondentKind.PLACE:
        if population is None:
            population = Place.objects.filter(municipality__province=province, status=PlaceStatus.ACTIVE)
        population = population.filter(municipality__province=province)
        invitations = [Invitation(wave=wave, place_id=pk, municipality_id=municipality_id, email=email)
                       for pk, municipality_id, email in population.values_list("pk", "municipality_id", "email")]
    else:
        if population is None:
            population = Municipality.objects.filter(province=province)
        ids = list(population.filter(province=province).values_list("pk", flat=True))
        emails = _municipality_emails(ids)
        invitations = [Invitation(wave=wave, municipality_id=pk, email=emails.get(pk, "")) for pk in ids]
    Invitation.objects.bulk_create(invitations, batch_size=1000)
    created = list(Invitation.objects.filter(wave=wave).values_list("pk", flat=True))
    now = timezone.now()
    InvitationEvent.objects.bulk_create(
        [INVITATION.history_row(pk, "", Status.INVITED, by=user, reason=_("uitvraag aangemaakt"), at=now)
         for pk in created], batch_size=1000)
    return wave


def invitation_token(invitation: Invitation) -> str:
    # The first version signs as before, so links mailed before versions existed keep working.
    payload = {"i": invitation.pk}
    if invitation.link_version > 1:
        payload["v"] = invitation.link_version
    return signing.Signer(salt=TOKEN_SALT).sign_object(payload)


def _from_token(token: str):
    """(invitation, whether this link is its current one), or (None, False) for a tampered or unknown link."""
    try:
        payload = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
    except signing.BadSignature:
        return None, False
    if not isinstance(payload, dict) or not isinstance(payload.get("i"), int):
        return None, False
    invitation = Invitation.objects.select_related("wave__questionnaire", "place", "municipality").filter(
        pk=payload["i"]).first()
    return invitation, invitation is not None and payload.get("v", 1) == invitation.link_version


def invitation_from_token(token: str):
    """The invitation for a personal link, or None for a tampered, unknown or revoked link."""
    invitation, current = _from_token(token)
    return invitation if current else None


def link_was_revoked(token: str) -> bool:
    """A genuine personal link that staff have replaced by a new one."""
    invitation, current = _from_token(token)
    return invitation is not None and not current


@transaction.atomic
def reissue_link(invitation: Invitation, *, by, send: bool = False) -> Invitation:
    """Revoke the invitation's personal link at once and give out a new one, mailed if asked (after the
    commit, core.mail). Recorded in the invitation's history like every other change."""
    invitation = _locked(invitation)
    invitation.link_version += 1
    invitation.save(update_fields=["link_version", "updated_at"])
    mailed = send and can_mail(invitation) and _mail(
        invitation, "new_link", key=f"monitor.new_link:{invitation.pk}:{invitation.link_version}")
    _event(invitation, _("persoonlijke link ingetrokken; nieuwe link verstuurd") if mailed
           else _("persoonlijke link ingetrokken; nieuwe link gemaakt"), by)
    return invitation


def invitation_url(invitation: Invitation) -> str:
    return settings.ONTMOET_BASE_URL.rstrip("/") + reverse("monitor:respond", args=[invitation_token(invitation)])


def _transition(invitation: Invitation, to: str, by=None, reason: str = "", actor: str = "") -> None:
    if invitation.status == to:
        return
    INVITATION.move(invitation, to, actor=actor or (STAFF if by else RESPONDENT), by=by, reason=reason[:300])


def _event(invitation: Invitation, reason: str, by=None) -> None:
    """Something that happened without a move (a bounce, a correction): a row on the current status."""
    INVITATION.record(invitation, invitation.status, invitation.status, by=by, reason=reason[:300])


@transaction.atomic
def mark_opened(invitation: Invitation) -> None:
    invitation = Invitation.objects.select_for_update().order_by().get(pk=invitation.pk)
    if invitation.status == Status.INVITED:
        _transition(invitation, Status.OPENED, reason=_("link geopend"), actor=RESPONDENT)


def _locked(invitation: Invitation) -> Invitation:
    # order_by(): the default ordering joins the (nullable) place, and PostgreSQL cannot lock an outer join.
    return Invitation.objects.select_for_update().select_related("wave__questionnaire").order_by().get(pk=invitation.pk)


def _response_for(invitation: Invitation) -> Response:
    try:
        with transaction.atomic():
            response, _created = Response.objects.get_or_create(invitation=invitation,
                                                                 defaults={"wave_id": invitation.wave_id})
    except IntegrityError:  # the other tab created it a moment ago
        response = Response.objects.get(invitation=invitation)
    return response


@transaction.atomic
def save_draft(invitation: Invitation, answers: dict, *, by=None, by_phone: bool = False) -> Response:
    """Keep answers so far on the server; the link shows them again, also after a restart."""
    invitation = _locked(invitation)
    if invitation.status == Status.COMPLETE and not by_phone:
        raise AlreadySubmitted
    response = _response_for(invitation)
    response.data = answers
    response.taken_by_phone = response.taken_by_phone or by_phone
    response.entered_by = by or response.entered_by
    response.save()
    if invitation.status != Status.PARTIAL:
        _transition(invitation, Status.PARTIAL, by, _("telefonisch deels ingevuld") if by_phone
                    else _("antwoorden tussentijds opgeslagen"), actor=STAFF if by_phone else RESPONDENT)
    return response


def _write_answer_rows(response: Response, form) -> None:
    Answer.objects.filter(response=response).delete()
    Answer.objects.bulk_create([
        Answer(response=response, wave_id=response.wave_id, question=question, choice=choice, number=number,
               text=text)
        for question, choice, number, text in answer_rules.answer_rows(form, response.data)
    ])


@transaction.atomic
def submit(invitation: Invitation, answers: dict, *, by=None, by_phone: bool = False,
           imported: bool = False, amend: bool = False) -> Response:
    """Hand in a complete response (answers already validated with `final=True`).

    `amend`: the respondent changes answers already handed in (the wave is still open); the answers
    they replace are kept as a ResponseRevision, and the history names the questions that changed.
    """
    invitation = _locked(invitation)
    if invitation.status == Status.COMPLETE and not (by_phone or imported or amend):
        raise AlreadySubmitted
    response = _response_for(invitation)
    if response.submitted_at and response.data != answers:
        ResponseRevision.objects.create(response=response, data=response.data, submitted_at=response.submitted_at,
                                        replaced_by=by)
        if amend:
            before = response.data
            changed = sorted(name for name in {*before, *answers} if before.get(name) != answers.get(name))
            _event(invitation, _("antwoorden gewijzigd: %(names)s") % {"names": ", ".join(changed)}, by)
    response.data = answers
    response.submitted_at = timezone.now()
    response.taken_by_phone = response.taken_by_phone or by_phone
    response.imported = imported
    response.entered_by = by or response.entered_by
    response.save()
    _write_answer_rows(response, invitation.wave.questionnaire.form)
    if invitation.status != Status.COMPLETE:
        reason = _("geïmporteerd") if imported else _("telefonisch afgenomen") if by_phone else _("ingeleverd")
        _transition(invitation, Status.COMPLETE, by, reason, actor=STAFF if by_phone or imported else RESPONDENT)
    elif by_phone or imported:
        _event(invitation, _("antwoorden gecorrigeerd"), by)
    return response


def _insert(model, columns: tuple, rows: list) -> None:
    """Plain INSERTs in batches: tens of thousands of rows, without building a model instance for each."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(name) for name in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            cursor.executemany(sql, rows[start:start + 5000])


@transaction.atomic
def submit_many(wave: Wave, items: list, *, by=None, progress=None) -> int:
    """Submit many checked responses at once (the import): a few queries, not a few per row.

    `items` are (invitation, answers, taken_by_phone[, submitted_at]): an export's own submission time is
    kept, else it is now. Existing responses are replaced.
    """
    form = wave.questionnaire.form
    now = timezone.now()
    invitation_ids = [invitation.pk for invitation, *_rest in items]
    # Only what the workflow reads (status) and writes (the history's link): a full Invitation per row
    # cost more than the UPDATE itself.
    locked = list(Invitation.objects.select_for_update().filter(pk__in=invitation_ids).only("pk", "status")
                  .order_by("pk"))
    existing = {invitation_id: (pk, phone, entered_by) for invitation_id, pk, phone, entered_by in
                Response.objects.filter(wave=wave).values_list("invitation_id", "pk", "taken_by_phone",
                                                               "entered_by_id")}
    ops, by_id = connection.ops, by.pk if by else None
    stamp = ops.adapt_datetimefield_value(now)
    new, changed = [], []
    for invitation, answers, phone, *submitted_at in items:
        at = submitted_at[0] if submitted_at and submitted_at[0] else now
        if (old := existing.get(invitation.pk)) is None:
            new.append((invitation.pk, wave.pk, ops.adapt_json_value(answers, None), ops.adapt_datetimefield_value(at),
                        phone, True, by_id, stamp))
        else:
            pk, was_phone, entered_by = old
            changed.append(Response(pk=pk, data=answers, submitted_at=at, imported=True,
                                    taken_by_phone=was_phone or phone, entered_by_id=by_id or entered_by,
                                    updated_at=now))
    # Plain INSERTs, as for the answers: bulk_create's per-field preparation was a third of the writing.
    _insert(Response, ("invitation_id", "wave_id", "data", "submitted_at", "taken_by_phone", "imported",
                       "entered_by_id", "updated_at"), new)
    Response.objects.bulk_update(changed, ["data", "submitted_at", "imported", "taken_by_phone", "entered_by",
                                           "updated_at"], batch_size=1000)
    ids = dict(Response.objects.filter(wave=wave).values_list("invitation_id", "pk")) if new else {
        invitation_id: pk for invitation_id, (pk, *_rest) in existing.items()}
    # Only responses that existed before can have answers; filtering on response_id (indexed) avoids
    # a join that PostgreSQL plans badly on freshly filled tables (minutes for the demo's waves).
    if changed:
        Answer.objects.filter(response_id__in=[response.pk for response in changed]).delete()
    answer_rows, rows = answer_rules.row_maker(form), []
    for invitation, answers, *_rest in items:
        rows.extend(answer_rows(ids[invitation.pk], wave.pk, answers))
        if progress:
            progress(1)
    _insert(Answer, ("response_id", "wave_id", "question", "choice", "number", "text"), rows)
    INVITATION.move_many(locked, Status.COMPLETE, actor=STAFF, by=by, reason=_("geïmporteerd"), at=now,
                         updates={"updated_at": now})
    return len(items)


@transaction.atomic
def decline(invitation: Invitation, *, by=None, reason: str = "") -> None:
    invitation = _locked(invitation)
    _transition(invitation, Status.DECLINED, by, reason or _("wil niet meedoen"))


@transaction.atomic
def reopen(invitation: Invitation, *, by, reason: str) -> None:
    invitation = _locked(invitation)
    Response.objects.filter(invitation=invitation).update(submitted_at=None)
    Answer.objects.filter(response__invitation=invitation).delete()
    _transition(invitation, Status.PARTIAL, by, reason, actor=STAFF)


@transaction.atomic
def record_bounce(invitation: Invitation, *, by=None) -> None:
    invitation = _locked(invitation)
    invitation.bounced = True
    invitation.save(update_fields=["bounced", "updated_at"])
    _event(invitation, _("e-mail kwam terug (bounce)"), by)


@transaction.atomic
def record_opt_out(invitation: Invitation, *, by=None) -> None:
    invitation = _locked(invitation)
    invitation.opted_out = True
    invitation.save(update_fields=["opted_out", "updated_at"])
    _event(invitation, _("wil geen e-mail meer"), by)


@transaction.atomic
def log_call(invitation: Invitation, *, by, outcome: str, note: str = "", call_back_on=None) -> CallLog:
    call = CallLog.objects.create(invitation=invitation, by=by, outcome=outcome, note=note,
                                  call_back_on=call_back_on)
    if outcome == CallOutcome.DECLINED and invitation.status != Status.DECLINED:
        decline(invitation, by=by, reason=_("telefonisch afgezien: %(note)s") % {"note": note} if note
                else _("telefonisch afgezien"))
    return call


# -- mail ----------------------------------------------------------------------------------------
def can_mail(invitation: Invitation) -> bool:
    return bool(invitation.email) and not invitation.bounced and not invitation.opted_out


def needs_reminder(invitation: Invitation, now=None) -> bool:
    """Non-responders only, at most `reminder_max` reminders, at least `reminder_min_days` apart (reminders.py)."""
    return reminders.skip_reason(invitation, now) is None


def _mail(invitation: Invitation, template: str, key: str | None = None) -> int:
    wave = invitation.wave
    return send_templated_mail(f"monitor/email/{template}", {
        "invitation": invitation, "wave": wave, "url": invitation_url(invitation),
        "name": invitation.respondent_name, "closes_on": wave.closes_on,
    }, [invitation.email], headers={"List-Unsubscribe": f"<{invitation_url(invitation)}afmelden/>"}, key=key)


@transaction.atomic
def send_invitation(invitation: Invitation) -> bool:
    invitation = _locked(invitation)
    if invitation.sent_at is not None or not can_mail(invitation) or invitation.status in {
            Status.COMPLETE, Status.DECLINED}:
        return False
    _mail(invitation, "invitation")
    invitation.sent_at = invitation.last_mailed_at = timezone.now()
    invitation.save(update_fields=["sent_at", "last_mailed_at", "updated_at"])
    _event(invitation, _("uitnodiging verstuurd naar %(email)s") % {"email": invitation.email})
    return True


@transaction.atomic
def send_reminder(invitation: Invitation, now=None) -> bool:
    invitation = _locked(invitation)
    if not needs_reminder(invitation, now):
        return False
    _mail(invitation, "reminder")
    invitation.reminders_sent += 1
    invitation.last_mailed_at = now or timezone.now()
    invitation.save(update_fields=["reminders_sent", "last_mailed_at", "updated_at"])
    _event(invitation, _("herinnering %(n)s verstuurd") % {"n": invitation.reminders_sent})
    return True


def start_mail_job_record(wave: Wave, kind: str, user=None) -> MailJob:
    """A MailJob for everyone who may get this kind of message now; `job.invitation_ids` lists them."""
    if kind == MailJob.Kind.INVITE:
        candidates = wave.invitations.filter(sent_at__isnull=True).exclude(
            status__in=[Status.COMPLETE, Status.DECLINED])
    else:
        candidates = wave.invitations.filter(sent_at__isnull=False,
                                             status__in=[Status.INVITED, Status.OPENED, Status.PARTIAL])
    ids = list(candidates.values_list("pk", flat=True))
    reasons = {}
    if kind == MailJob.Kind.REMIND:  # why the others get none, for the report afterwards
        for invitation in wave.invitations.exclude(pk__in=ids):
            invitation.wave = wave
            reason = reminders.skip_reason(invitation)
            reasons[reason] = reasons.get(reason, 0) + 1
    job = MailJob.objects.create(wave=wave, kind=kind, total=len(ids), created_by=user, skip_reasons=reasons)
    job.invitation_ids = ids
    return job


def run_mail_job_now(job: MailJob, invitation_ids: list[int], progress=None) -> MailJob:
    """Send one by one, saving progress every few messages so the progress page can follow."""
    send = send_invitation if job.kind == MailJob.Kind.INVITE else send_reminder
    for index, invitation in enumerate(Invitation.objects.filter(pk__in=invitation_ids).select_related(
            "wave", "place", "municipality").order_by("pk"), start=1):
        if send(invitation):
            job.sent += 1
        else:
            job.skipped += 1
            if job.kind == MailJob.Kind.REMIND:
                invitation.refresh_from_db()
                reason = reminders.skip_reason(invitation) or reminders.Reason.TOO_SOON
                job.skip_reasons[reason] = job.skip_reasons.get(reason, 0) + 1
        job.done = index
        if progress:
            progress(1)
        if index % 10 == 0:
            MailJob.objects.filter(pk=job.pk).update(done=job.done, sent=job.sent, skipped=job.skipped,
                                                     skip_reasons=job.skip_reasons)
    job.done = job.total
    job.finished_at = timezone.now()
    job.save()
    return job
