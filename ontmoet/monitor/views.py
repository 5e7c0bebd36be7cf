"""Pages of the monitor. Reads through selectors (scoped), writes through services."""

import contextlib

from django.contrib import messages
from django.db.models import Count
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import officer, province_staff, scope_required
from ontmoet.core import documents, submissions
from ontmoet.core.exports import XLSX_CONTENT_TYPE, csv_response
from ontmoet.regions.models import Province

from . import answers as answer_rules
from . import documents as monitor_documents
from . import outputs, selectors, services
from .forms import BreakdownForm, CallForm, WaveForm
from .models import Invitation, RespondentKind, Status
from .prefill import prefill
from .questionform import language, raw_from_post, read_back, sections
from .report import build_comparison, build_report, comparable_waves


def _wave_or_404(scope, pk):
    wave = selectors.wave_for(scope, pk)
    if wave is None:
        raise Http404
    return wave


def _managed_wave_or_404(scope, pk):
    wave = _wave_or_404(scope, pk)
    if not selectors.can_manage(scope, wave):
        raise Http404
    return wave


# -- overview and questionnaires -------------------------------------------------------------------
@require_safe
@scope_required(officer)
def index(request, scope):
    waves = selectors.waves_with_response(scope)
    return render(request, "monitor/index.html", {
        "waves": waves, "open_waves": [wave for wave in waves if wave.open_now], "can_manage": scope.is_province_staff,
        "questionnaires": selectors.visible_questionnaires(scope)[:10] if scope.is_province_staff else [],
    })


@require_safe
@scope_required(province_staff)
def questionnaire(request, pk, scope):
    item = selectors.questionnaire_for(scope, pk)
    if item is None:
        raise Http404
    return render(request, "monitor/questionnaire.html", {
        "questionnaire": item, "sections": sections(item.form, {}), "waves": item.waves.all()})


@require_safe
@scope_required(province_staff)
def questionnaire_download(request, pk, scope):
    item = selectors.questionnaire_for(scope, pk)
    if item is None:
        raise Http404
    response = HttpResponse(bytes(item.source), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{item.form_id}-{item.version}.xlsx"'
    return response


# -- waves ---------------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def wave_create(request, scope):
    available = selectors.visible_questionnaires(scope)
    province_ids = scope.province_ids if not scope.superuser else set(Province.objects.values_list("pk", flat=True))
    form = WaveForm(request.POST or None, questionnaires=available, province_ids=province_ids)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = data["municipalities"]
        population = None
        if chosen:
            from ontmoet.places.choices import Status as PlaceStatus
            from ontmoet.places.models import Place

            population = (Place.objects.filter(municipality__in=chosen, status=PlaceStatus.ACTIVE)
                          if data["respondent_kind"] == RespondentKind.PLACE else chosen)
        # A wave made twice would invite (and mail) every respondent twice.
        outcome = submissions.submit_once(form.submission_token, lambda: services.create_wave(
            questionnaire=data["questionnaire"], title=data["title"], year=data["year"],
            respondent_kind=data["respondent_kind"], opens_on=data["opens_on"], closes_on=data["closes_on"],
            population=population, user=request.user, reminder_max=data["reminder_max"],
            reminder_min_days=data["reminder_min_days"]), lambda made: reverse("monitor:wave", args=[made.pk]))
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        wave = outcome.result
        messages.success(request, _("Uitvraag aangemaakt met %(n)s respondenten.") % {
            "n": wave.invitations.count()})
        return redirect("monitor:wave", pk=wave.pk)
    return render(request, "monitor/wave_form.html", {"form": form, "has_questionnaires": available.exists()})


@require_safe
@scope_required(officer)
def wave(request, pk, scope):
    item = _wave_or_404(scope, pk)
    manage = selectors.can_manage(scope, item)
    progress = selectors.progress(scope, item)
    return render(request, "monitor/wave.html", {
        "wave": item, "progress": progress, "can_manage": manage, "chart": outputs.progress_chart(progress),
        "jobs": item.mail_jobs.all()[:5] if manage else [], "statuses": Status,
        "limited": selectors.result_municipalities(scope, item) is not None,
        # ?toon=open: who has not answered yet (the municipal officer's work queue links here).
        "not_answered": selectors.not_answered(scope, item) if request.GET.get("toon") == "open" else None,
    })


def _answers_name(item, extension):
    return f"antwoorden-{item.questionnaire.form_id}-{item.year}.{extension}"


INVITATION_HEADER = ["respondent", "naam", "gemeente", "e_mail", "status", "uitnodiging_verstuurd", "herinneringen",
                     "e_mail_kwam_terug", "afgemeld", "telefonisch", "gesprekken"]


@require_safe
@scope_required(officer)
def invitations_csv(request, pk, scope):
    """Who was invited and where each respondent stands (no answers): the progress as a list."""
    item = _wave_or_404(scope, pk)
    rows = (
        [inv.respondent_code, inv.respondent_name, inv.municipality.name, inv.email, inv.get_status_display(),
         inv.sent_at.date().isoformat() if inv.sent_at else "", inv.reminders_sent, inv.bounced, inv.opted_out,
         inv.taken_by_phone, inv.call_count]
        for inv in selectors.wave_invitations(scope, item).annotate(
            call_count=Count("calls"), taken_by_phone=Coalesce("response__taken_by_phone", False)).order_by(
            "municipality__name", "place__name")
    )
    return csv_response(f"uitnodigingen-{item.questionnaire.form_id}-{item.year}.csv", INVITATION_HEADER, rows)


@require_safe
@scope_required(officer)
def export_csv(request, pk, scope):
    """Streams: no document needed."""
    item = _wave_or_404(scope, pk)
    header, rows = monitor_documents.answers(scope, item)
    return csv_response(_answers_name(item, "csv"), header, rows)


@require_safe
@scope_required(officer)
def export_xlsx(request, pk, scope):
    """Made by the worker (monitor.documents); this URL leads to the document's progress page."""
    item = _wave_or_404(scope, pk)
    document = documents.start(
        request.user, maker="ontmoet.monitor.documents.answers_xlsx_document", params={"wave": item.pk},
        title=_("Antwoorden %(wave)s (spreadsheet)") % {"wave": f"{item.title} {item.year}"},
        filename=_answers_name(item, "xlsx"), content_type=XLSX_CONTENT_TYPE,
        back_url=reverse("monitor:wave", args=[item.pk]))
    return redirect("core:document", pk=document.pk)


# -- the report ----------------------------------------------------------------------------------
def _report(request, scope, pk):
    item = _wave_or_404(scope, pk)
    form = BreakdownForm(request.GET or None, wave=item, language=language())
    breakdown = form.cleaned_data["uitsplitsing"] if form.is_valid() else ""
    data = build_report(item, municipality_ids=selectors.result_municipalities(scope, item), breakdown=breakdown,
                        language=language())
    return item, form, data


@require_safe
@scope_required(officer)
def report(request, pk, scope):
    item, form, data = _report(request, scope, pk)
    return render(request, "monitor/report.html", {
        "wave": item, "form": form, "report": data, "questions": outputs.with_charts(data),
        "breakdown": data.get("breakdown"), "query": request.GET.urlencode(),
        "limited": data["scope"]["municipality_ids"] is not None,
        "others": comparable_waves(item).exclude(pk=item.pk).exists(),
    })


@require_safe
@scope_required(officer)
def report_json(request, pk, scope):
    _item, _form, data = _report(request, scope, pk)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_safe
@scope_required(officer)
def report_xlsx(request, pk, scope):
    item, _form, data = _report(request, scope, pk)
    response = HttpResponse(outputs.report_workbook(data), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="rapport-{item.questionnaire.form_id}-{item.year}.xlsx"'
    return response


@require_safe
@scope_required(officer)
def report_pdf(request, pk, scope):
    """About ten seconds of work: the worker makes it (monitor.documents); this leads to its progress page."""
    item = _wave_or_404(scope, pk)
    query = request.GET.urlencode()
    document = documents.start(
        request.user, maker="ontmoet.monitor.documents.report_pdf_document", params={"wave": item.pk, "query": query},
        title=_("Rapport %(wave)s (PDF)") % {"wave": f"{item.title} {item.year}"}, content_type="application/pdf",
        filename=f"rapport-{item.questionnaire.form_id}-{item.year}.pdf",
        back_url=reverse("monitor:report", args=[item.pk]) + (f"?{query}" if query else ""))
    return redirect("core:document", pk=document.pk)


@require_safe
@scope_required(officer)
def comparison(request, pk, scope):
    item = _wave_or_404(scope, pk)
    waves = list(comparable_waves(item))
    data = build_comparison(waves, municipality_ids=selectors.result_municipalities(scope, item),
                            language=language())
    if request.GET.get("formaat") == "json":
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    return render(request, "monitor/comparison.html", {
        "wave": item, "comparison": data, "questions": outputs.comparison_charts(data)})


# -- invitations: phone follow-up and answers on behalf ------------------------------------------
def _invitation_or_404(scope, pk):
    invitation = selectors.invitation_for(scope, pk)
    if invitation is None:
        raise Http404
    return invitation


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def invitation(request, pk, scope):
    item = _invitation_or_404(scope, pk)
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != submissions.FIELD}
        outcome = submissions.submit_once(form.submission_token, lambda: services.log_call(
            item, by=request.user, **data), lambda _call: reverse("monitor:invitation", args=[item.pk]))
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        messages.success(request, _("Gesprek vastgelegd."))
        return redirect("monitor:invitation", pk=item.pk)
    response = item.response if _has_response(item) else None
    form_definition = item.wave.questionnaire.form
    return render(request, "monitor/invitation.html", {
        "invitation": item, "form": form, "calls": item.calls.select_related("by"),
        "events": item.events.select_related("by"), "response": response,
        "answers": [(q.label_in(language()), _display(q, response.data.get(q.name)))
                    for q in form_definition.answerable if response and q.name in response.data],
        "link": services.invitation_url(item),
        "revisions": [(revision, read_back(form_definition, revision.data))
                      for revision in response.revisions.select_related("replaced_by")] if response else [],
    })


def _display(question, value):
    if isinstance(value, list):
        return ", ".join(question.choice_label(v, language()) for v in value)
    if question.type == "select_one":
        return question.choice_label(value, language())
    return value


@require_POST
@scope_required(province_staff)
def invitation_action(request, pk, scope):
    item = _invitation_or_404(scope, pk)
    action = request.POST.get("action")
    try:
        if action == "decline":
            services.decline(item, by=request.user, reason=request.POST.get("reason", "")[:300])
        elif action == "bounce":
            services.record_bounce(item, by=request.user)
        elif action == "opt_out":
            services.record_opt_out(item, by=request.user)
        elif action == "reopen":
            services.reopen(item, by=request.user, reason=_("heropend voor correctie"))
        elif action in ("new_link", "new_link_mail"):
            services.reissue_link(item, by=request.user, send=action == "new_link_mail")
        else:
            raise Http404
    except services.TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Vastgelegd."))
    return redirect("monitor:invitation", pk=item.pk)


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def enter_answers(request, pk, scope):
    """Staff enter or complete answers given by phone; the response is marked as taken by phone."""
    item = _invitation_or_404(scope, pk)
    return _questionnaire_page(request, item, by_phone=True)


# -- respondents -----------------------------------------------------------------------------------
def _questionnaire_page(request, item: Invitation, *, by_phone: bool, token: str = "", amend: bool = False):
    """The questionnaire, pre-filled where nothing was saved yet (prefill.py); `amend`: changing handed-in answers."""
    form = item.wave.questionnaire.form
    response = item.response if _has_response(item) else None
    known = prefill(item)
    saved = bool(response and response.data)
    values, errors = (response.data if saved else known.values), {}
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "decline" and not by_phone and not amend:
            with contextlib.suppress(services.TransitionError):
                services.decline(item, reason=_("respondent ziet af via de link"))
            return redirect(request.path)
        raw = raw_from_post(form, request.POST)
        final = action == "submit" or amend  # a handed-in response is changed as a whole, never back to a draft
        cleaned, errors = answer_rules.validate(form, raw, final=final, language=language())
        try:
            if final and not errors:
                services.submit(item, cleaned, by=request.user if by_phone else None, by_phone=by_phone, amend=amend)
                if by_phone:
                    messages.success(request, _("Antwoorden opgeslagen als telefonisch afgenomen."))
                    return redirect("monitor:invitation", pk=item.pk)
                if amend:
                    messages.success(request, _("Uw wijzigingen zijn opgeslagen."))
                return redirect(request.path)
            if not amend:
                services.save_draft(item, cleaned, by=request.user if by_phone else None, by_phone=by_phone)
        except services.AlreadySubmitted:
            return render(request, "monitor/respond_done.html", {"invitation": item, "again": True})
        if not errors:
            messages.success(request, _("Uw antwoorden zijn bewaard. U kunt later verder via dezelfde link."))
            return redirect(request.path)
        values, saved = raw, True
        shown = cleaned
    else:
        shown = values
    origins = {name: origin for name in known.origins if (origin := known.origin_of(name, shown.get(name)))}
    return render(request, "monitor/respond.html", {
        "invitation": item, "wave": item.wave, "errors": errors, "by_phone": by_phone, "token": token, "amend": amend,
        "sections": sections(form, values, errors, fresh=not saved, origins=origins, dropped=known.dropped),
        "prefilled": {origin: sum(1 for o in origins.values() if o == origin) for origin in set(origins.values())},
    }, status=422 if errors else 200)


def _has_response(item) -> bool:
    try:
        item.response  # noqa: B018
    except Invitation.response.RelatedObjectDoesNotExist:
        return False
    return True


@require_safe
@scope_required(lambda scope: scope.is_board_member)
def mine(request, scope):
    items = [(item, reverse("monitor:respond", args=[services.invitation_token(item)]))
             for item in selectors.own_invitations(scope)]
    done = [pair for pair in items if pair[0].status in (Status.COMPLETE, Status.DECLINED)]
    return render(request, "monitor/mine.html", {"to_answer": [p for p in items if p not in done], "done": done})
