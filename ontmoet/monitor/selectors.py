"""Reads for the monitor, always through the user's scope (ADR 0004: out of scope is 404).

Province staff manage the waves of their province. Municipal officers see the progress and the
results of their own municipality only (read-only). Board members see the invitations of their own
places. Respondents reach their one invitation by its signed link, without logging in.
"""

from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.formats import number_format

from ontmoet.accounts.scoping import Scope

from .models import CallLog, Invitation, MailJob, Questionnaire, RespondentKind, Response, Status, Wave
from .questionform import language


def visible_questionnaires(scope: Scope):
    queryset = Questionnaire.objects.defer("source").select_related("province")
    if scope.superuser:
        return queryset
    return queryset.filter(province_id__in=scope.province_ids)


def questionnaire_for(scope: Scope, pk: int):
    return visible_questionnaires(scope).filter(pk=pk).first()


def _municipality_province_ids(scope: Scope) -> set:
    from ontmoet.regions.models import Municipality

    return set(Municipality.objects.filter(pk__in=scope.municipality_ids).values_list("province_id", flat=True))


def visible_waves(scope: Scope):
    queryset = Wave.objects.select_related("questionnaire", "province")
    if scope.superuser:
        return queryset
    province_ids = set(scope.province_ids) | _municipality_province_ids(scope)
    return queryset.filter(province_id__in=province_ids)


def waves_with_response(scope: Scope):
    """The visible waves with `invited`, `answered` and `rate` (% answered; None without invitations), counted
    over what this user may see of each (an officer: the own municipalities), and `open_now`."""
    waves = visible_waves(scope).order_by("-opens_on", "-pk")
    own = None if scope.superuser or scope.is_province_staff else set(scope.municipality_ids)
    mine = Q(invitations__municipality_id__in=own) if own is not None else Q()
    waves = waves.annotate(invited=Count("invitations", filter=mine),
                           answered=Count("invitations", filter=mine & Q(invitations__status=Status.COMPLETE)))
    today = timezone.localdate()
    result = list(waves)
    for wave in result:
        wave.rate = round(100 * wave.answered / wave.invited, 1) if wave.invited else None
        wave.open_now = wave.is_open(today)
    return result


def wave_for(scope: Scope, pk: int):
    return visible_waves(scope).filter(pk=pk).first()


def can_manage(scope: Scope, wave: Wave) -> bool:
    return scope.superuser or wave.province_id in scope.province_ids


def result_municipalities(scope: Scope, wave: Wave):
    """None for managers (everything); otherwise the municipalities whose results this user may see."""
    if can_manage(scope, wave):
        return None
    return set(scope.municipality_ids)


def wave_invitations(scope: Scope, wave: Wave):
    invitations = wave.invitations.select_related("place", "municipality")
    limit = result_municipalities(scope, wave)
    if limit is not None:
        invitations = invitations.filter(municipality_id__in=limit)
    return invitations


NOT_ANSWERED = [Status.INVITED, Status.OPENED, Status.PARTIAL]


def not_answered(scope: Scope, wave: Wave):
    """The invitations this user sees that were neither completed nor declined."""
    return wave_invitations(scope, wave).filter(status__in=NOT_ANSWERED).order_by("place__name", "municipality__name",
                                                                                  "pk")


def response_rate(scope: Scope, wave: Wave) -> dict:
    """Complete and total invitations this user sees, in one query (the overview's panel)."""
    counts = wave_invitations(scope, wave).aggregate(total=Count("pk"),
                                                     complete=Count("pk", filter=Q(status=Status.COMPLETE)))
    counts["rate"] = round(100 * counts["complete"] / counts["total"], 1) if counts["total"] else None
    return counts


def progress(scope: Scope, wave: Wave) -> dict:
    """Counts per status, overall and per municipality and per kind of place, with response rates."""
    invitations = wave_invitations(scope, wave)

    def rows(key):
        table = {}
        for value, status, n in invitations.values_list(key, "status").annotate(n=Count("id")).values_list(
                key, "status", "n"):
            table.setdefault(value, {s.value: 0 for s in Status})[status] = n
        result = []
        for value, counts in table.items():
            total = sum(counts.values())
            result.append({"key": value, "counts": counts, "total": total,
                           "rate": round(100 * counts[Status.COMPLETE] / total, 1) if total else None})
        return result

    overall = {s.value: 0 for s in Status}
    for status, n in invitations.values_list("status").annotate(n=Count("id")).values_list("status", "n"):
        overall[status] = n
    total = sum(overall.values())
    return {
        "overall": overall, "total": total,
        "rate": round(100 * overall[Status.COMPLETE] / total, 1) if total else None,
        "by_municipality": sorted(rows("municipality__name"), key=lambda r: r["key"] or ""),
        "by_kind": sorted(rows("place__kind"), key=lambda r: r["key"] or "") if wave.respondent_kind == "place"
        else [],
        "not_sent": invitations.filter(sent_at__isnull=True).count(),
        "no_email": invitations.filter(Q(email="") | Q(bounced=True) | Q(opted_out=True)).count(),
    }


def invitation_for(scope: Scope, pk: int):
    """An invitation that this user may manage (province staff of its wave's province)."""
    invitation = Invitation.objects.select_related("wave__questionnaire", "place", "municipality").filter(
        pk=pk).first()
    if invitation is None or not can_manage(scope, invitation.wave):
        return None
    return invitation


CALL_BACK = "terugbellen"


def call_backs_due(scope: Scope, wave: Wave):
    """Non-responders whose latest planned call-back is today or earlier (the list shows the latest one):
    from the few call logs with a date, no grouping over all invitations."""
    today = timezone.localdate()
    calls = CallLog.objects.filter(invitation__wave=wave)
    return not_answered(scope, wave).filter(
        pk__in=calls.filter(call_back_on__lte=today).values("invitation_id")).exclude(
        pk__in=calls.filter(call_back_on__gt=today).values("invitation_id"))


def phone_list(scope: Scope, wave: Wave, show: str = "open"):
    """Non-responders to call: those not complete or declined, call-backs due first."""
    invitations = not_answered(scope, wave) if show == "open" else (
        call_backs_due(scope, wave) if show == CALL_BACK else wave_invitations(scope, wave))
    invitations = invitations.annotate(call_count=Count("calls"), call_back_on=Max("calls__call_back_on"))
    return invitations.order_by(F("call_back_on").asc(nulls_last=True), "municipality__name", "place__name")


def job_for(wave: Wave, pk: int):
    return MailJob.objects.filter(wave=wave, pk=pk).first()


def own_invitations(scope: Scope):
    """Open invitations of the board member's own places."""
    today = timezone.localdate()
    return Invitation.objects.select_related("wave", "place").filter(
        place_id__in=scope.place_ids, wave__opens_on__lte=today, wave__closes_on__gte=today).order_by(
        "-wave__year", "place__name")


def invitations_to_answer(scope: Scope):
    """The board's open invitations it has not completed or declined: its monitor work."""
    return own_invitations(scope).exclude(status__in=[Status.COMPLETE, Status.DECLINED])


# --- for other modules ---------------------------------------------------------------------------
PLACE_WAVES_SHOWN = 3


def wave_name(wave: Wave) -> str:
    """'Monitor 2025' rather than 'Monitor 2025 2025' when the title already names the year."""
    return wave.title if str(wave.year) in wave.title else f"{wave.title} {wave.year}"


def _answer_text(question, value) -> str:
    if isinstance(value, list):
        return ", ".join(question.choice_label(v, language()) for v in value)
    if question.type == "select_one":
        return question.choice_label(value, language())
    if isinstance(value, float):
        return number_format(value)
    return str(value)


def answers_for_place(place, scope: Scope | None = None, limit: int = PLACE_WAVES_SHOWN) -> list[dict]:
    """A place's answers in its complete responses to the most recent place waves, newest first.

    One entry per wave: {"wave", "title", "submitted_at", "answers": [(question label, answer as text)]}.
    Single responses are for the managers of a wave only (province staff of its province, see
    `invitation_for`): with a scope, only their waves count; without one, the caller has already
    decided that the user is such a reviewer and only waves of the place's own province count.
    """
    responses = Response.objects.select_related("wave__questionnaire").filter(
        invitation__place=place, invitation__status=Status.COMPLETE, submitted_at__isnull=False,
        wave__respondent_kind=RespondentKind.PLACE)
    if scope is None:
        responses = responses.filter(wave__province_id=place.municipality.province_id)
    elif not scope.superuser:
        responses = responses.filter(wave__province_id__in=scope.province_ids)
    result = []
    for response in responses.order_by("-wave__year", "-wave__opens_on", "-submitted_at")[:limit]:
        form = response.wave.questionnaire.form
        answers = [(question.label_in(language()), _answer_text(question, response.data[question.name]))
                   for question in form.answerable if response.data.get(question.name) not in (None, "", [])]
        result.append({"wave": response.wave, "title": wave_name(response.wave),
                       "submitted_at": response.submitted_at, "answers": answers})
    return result
