"""What respondents and staff hand in: drafts, responses (one or an import's thousands), declines, calls."""

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import answers as answer_rules
from ..models import (
    Answer,
    CallLog,
    CallOutcome,
    Invitation,
    Response,
    ResponseRevision,
    Status,
    Wave,
)
from ..workflows import INVITATION, RESPONDENT, STAFF
from .common import _event, _locked, _transition


class AlreadySubmitted(Exception):
    """The respondent already handed in; a second tab or a double click changes nothing."""


@transaction.atomic
def mark_opened(invitation: Invitation) -> None:
    invitation = Invitation.objects.select_for_update().order_by().get(pk=invitation.pk)
    if invitation.status == Status.INVITED:
        _transition(invitation, Status.OPENED, reason=_("link geopend"), actor=RESPONDENT)


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
