"""Pages of the Sociale Hypotheek. Reads go through selectors (scoped), writes through services.

Out of scope is 404; in scope but not allowed to act (a municipal officer is read-only) is 403.
"""

import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import province_staff, scope_required
from ontmoet.core.charts import horizontal_bars, vertical_bars
from ontmoet.core.exports import csv_response, xlsx_bytes, xlsx_response
from ontmoet.core.pdf import pdf_response, render_pdf
from ontmoet.core.uploads import attachment_response
from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality

from . import impact, importing, selectors, services
from .forms import (
    ActivityFormSet,
    ApplicationForm,
    AttachmentForm,
    DecisionForm,
    HourEntryForm,
    ImpactFilterForm,
    ImportForm,
    PaymentForm,
    ReasonForm,
    RoundForm,
    SettlementForm,
    SubmitForm,
)
from .models import Application, Award, HourEntry, Payment, Round
from .workflow import OFFICER, ApplicationStatus, EntryStatus, allowed_moves

S = ApplicationStatus


def uses_grants(scope) -> bool:
    return selectors.can_use(scope)


def _round_or_404(scope, pk) -> Round:
    return get_object_or_404(selectors.visible_rounds(scope), pk=pk)


def _application_or_404(scope, pk) -> Application:
    return get_object_or_404(selectors.visible_applications(scope), pk=pk)


def _own_application_or_404(scope, pk) -> Application:
    application = _application_or_404(scope, pk)
    if application.place_id not in scope.place_ids:
        raise Http404
    return application


def _award_or_404(scope, pk) -> Award:
    return get_object_or_404(selectors.visible_awards(scope), pk=pk)


def _require_manager(scope, round_) -> None:
    if not selectors.can_manage(scope, round_.province_id, province=True):
        raise PermissionDenied(_("Alleen de provincie kan dit doen."))


# -- overview and rounds -------------------------------------------------------------------------
@require_safe
@scope_required(uses_grants)
def index(request, scope):
    today = timezone.localdate()
    rounds = selectors.visible_rounds(scope).filter(is_historic=False)
    context = {
        "open_rounds": rounds.filter(opens_on__lte=today, closes_on__gte=today),
        "rounds": rounds,
        "applications": selectors.visible_applications(scope).order_by("-updated_at")[:10],
        "awards": selectors.visible_awards(scope).order_by("due_date")[:10],
        "can_manage": scope.is_province_staff,
        "scope": scope,
    }
    if scope.is_province_staff:
        context["to_review"] = selectors.visible_applications(scope).filter(
            status__in=[S.SUBMITTED, S.IN_REVIEW]).count()
        context["pending_entries"] = HourEntry.objects.filter(
            award__in=selectors.visible_awards(scope).values("pk"), status=EntryStatus.PENDING).count()
    return render(request, "grants/index.html", context)


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def round_create(request, scope):
    province_id = next(iter(sorted(scope.province_ids)), None)
    if province_id is None:
        raise PermissionDenied
    form = RoundForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        form.instance.province_id = province_id
        round_ = form.save()
        messages.success(request, _("Ronde %(name)s is aangemaakt.") % {"name": round_.name})
        return redirect(round_)
    return render(request, "grants/round_form.html", {"form": form, "round": None},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def round_edit(request, pk, scope):
    round_ = get_object_or_404(selectors.managed_rounds(scope), pk=pk)
    form = RoundForm(request.POST or None, instance=round_)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De ronde is opgeslagen."))
        return redirect(round_)
    return render(request, "grants/round_form.html", {"form": form, "round": round_},
                  status=400 if form.errors else 200)


@require_safe
@scope_required(uses_grants)
def round_detail(request, pk, scope):
    round_ = _round_or_404(scope, pk)
    applications = selectors.visible_applications(scope).filter(round=round_).order_by("status", "-submitted_at")
    awarded = services.awarded_total(round_)
    own_places = Place.objects.filter(pk__in=scope.place_ids).select_related("municipality")
    return render(request, "grants/round_detail.html", {
        "round": round_, "applications": applications, "awarded": awarded, "left": round_.budget - awarded,
        "waitlist": services.waitlist(round_).filter(pk__in=applications.values("pk")),
        "can_manage": selectors.can_manage(scope, round_.province_id, province=True),
        "is_open": round_.is_open_on(timezone.localdate()), "own_places": own_places,
    })


# -- applying ------------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@scope_required(lambda scope: scope.is_board_member)
def application_start(request, pk, scope):
    round_ = _round_or_404(scope, pk)
    places = list(Place.objects.filter(pk__in=scope.place_ids, municipality__province_id=round_.province_id)
                  .select_related("municipality").prefetch_related("facilities", "activities"))
    checks = [(place, services.eligibility_problems(place, round_)) for place in places]
    if request.method == "POST":
        place = next((p for p in places if p.code == request.POST.get("place")), None)
        if place is None:
            raise Http404
        try:
            application = services.start_application(round_, place, request.user)
        except services.GrantError as error:
            messages.error(request, str(error))
        else:
            return redirect("grants:application_edit", pk=application.pk)
    return render(request, "grants/application_start.html", {"round": round_, "checks": checks},
                  status=400 if request.method == "POST" else 200)


def _activity_initial(application):
    return [{"title": a.title, "description": a.description, "target_group": a.target_group,
             "starts_on": a.starts_on, "ends_on": a.ends_on, "planned_volunteers": a.planned_volunteers,
             "planned_hours": a.planned_hours} for a in application.activities.all()]


@require_http_methods(["GET", "POST"])
@scope_required(lambda scope: scope.is_board_member)
def application_edit(request, pk, scope):
    application = _own_application_or_404(scope, pk)
    if not application.is_editable:
        messages.error(request, _("Deze aanvraag is al ingediend en kan niet meer worden gewijzigd."))
        return redirect(application)
    round_ = application.round
    if request.method == "POST":
        form = ApplicationForm(request.POST, round_=round_)
        formset = ActivityFormSet(request.POST, prefix="act")
        if form.is_valid() and formset.is_valid():
            activities = [services.ActivityData(**f.cleaned_data) for f in formset.forms
                          if f.cleaned_data.get("title")]
            try:
                services.save_draft(application.pk, motivation=form.cleaned_data["motivation"],
                                    answers=form.answers(), declaration=form.cleaned_data["declaration"],
                                    activities=activities)
            except services.GrantError as error:
                messages.error(request, str(error))
                return redirect(application)
            if request.headers.get("HX-Request"):
                return render(request, "grants/includes/autosave.html", {"saved_at": timezone.localtime()})
            messages.success(request, _("Uw concept is opgeslagen."))
            if "naar_indienen" in request.POST:
                return redirect(application)
            return redirect("grants:application_edit", pk=application.pk)
        if request.headers.get("HX-Request"):
            return render(request, "grants/includes/autosave.html", {"invalid": True}, status=200)
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
        status = 400
    else:
        form = ApplicationForm(initial=ApplicationForm.initial_for(application), round_=round_)
        formset = ActivityFormSet(initial=_activity_initial(application), prefix="act")
        status = 200
    return render(request, "grants/application_form.html", {
        "application": application, "form": form, "formset": formset, "attachment_form": AttachmentForm(),
    }, status=status)


@require_POST
@scope_required(lambda scope: scope.is_board_member)
def attachment_add(request, pk, scope):
    application = _own_application_or_404(scope, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachment(application.pk, form.cleaned_data["file"], request.user)
        except (services.GrantError, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("De bijlage is toegevoegd."))
    else:
        messages.error(request, _("Kies een bestand om toe te voegen."))
    return redirect("grants:application_edit" if application.is_editable else "grants:application_detail",
                    pk=application.pk)


@require_safe
@scope_required(uses_grants)
def attachment_download(request, pk, attachment_pk, scope):
    application = _application_or_404(scope, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment_pk)
    return attachment_response(attachment.file, attachment.original_name, attachment.kind)


@require_POST
@scope_required(lambda scope: scope.is_board_member)
def attachment_delete(request, pk, attachment_pk, scope):
    application = _own_application_or_404(scope, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment_pk)
    try:
        services.delete_attachment(attachment)
        messages.success(request, _("De bijlage is verwijderd."))
    except services.GrantError as error:
        messages.error(request, str(error))
    return redirect(application)


@require_POST
@scope_required(lambda scope: scope.is_board_member)
def application_submit(request, pk, scope):
    application = _own_application_or_404(scope, pk)
    form = SubmitForm(request.POST)
    form.is_valid()
    try:
        application, done = services.submit(application.pk, request.user, answer=form.cleaned_data.get("answer", ""))
    except services.GrantError as error:
        messages.error(request, str(error))
        return redirect(application)
    if done:
        messages.success(request, _("Uw aanvraag is ingediend. U krijgt een bevestiging per e-mail met een "
                                    "kopie van de aanvraag."))
    else:
        messages.info(request, _("Uw aanvraag was al ingediend; er is niets veranderd."))
    return redirect(application)


@require_POST
@scope_required(lambda scope: scope.is_board_member)
def application_withdraw(request, pk, scope):
    application = _own_application_or_404(scope, pk)
    try:
        services.withdraw(application.pk, request.user, request.POST.get("reason", ""))
        messages.success(request, _("De aanvraag is ingetrokken."))
    except services.GrantError as error:
        messages.error(request, str(error))
    return redirect(application)


@require_safe
@scope_required(uses_grants)
def application_list(request, scope):
    applications = selectors.visible_applications(scope).order_by("-updated_at")
    status = request.GET.get("status")
    if status in S.values:
        applications = applications.filter(status=status)
    page = Paginator(applications, 25).get_page(request.GET.get("pagina"))
    return render(request, "grants/application_list.html", {"page": page, "statuses": S.choices,
                                                            "status": status})


@require_safe
@scope_required(uses_grants)
def application_detail(request, pk, scope):
    application = _application_or_404(scope, pk)
    is_own = application.place_id in scope.place_ids
    can_manage = selectors.can_manage(scope, application.round.province_id, province=True)
    moves = allowed_moves(application.status, OFFICER) if can_manage else []
    context = {
        "application": application, "is_own": is_own, "can_manage": can_manage,
        "activities": application.activities.all(), "attachments": application.attachments.all(),
        "history": application.history.select_related("by"),
        "problems": services.submission_problems(application) if is_own and application.is_editable else [],
        "decision_form": DecisionForm(moves=moves, initial={"expected": application.status}) if moves else None,
        "submit_form": SubmitForm(),
        "question": application.history.filter(to_status=S.INFO_REQUESTED).order_by("-at", "-pk").first(),
        "award": Award.objects.filter(application=application).first(),
    }
    if can_manage or scope.is_municipal_officer:
        context["place_history"] = selectors.place_history(application.place, exclude_application=application,
                                                           scope=scope)
        context["checklist"] = _checklist(application)
    return render(request, "grants/application_detail.html", context)


def _checklist(application) -> list[tuple[str, bool]]:
    round_ = application.round
    place = application.place
    return [
        (_("De plek is actief en heeft minstens twee maatschappelijke functies, waarvan één ontmoeting"),
         not [p for p in services.eligibility_problems(place, round_, application.submitted_at.date()
                                                       if application.submitted_at else None)
              if "ronde" not in p.lower() and "aanvragen kan" not in p.lower()]),
        (_("Het bedrag ligt tussen het minimum en het maximum van de ronde"),
         round_.min_amount <= application.amount <= round_.max_amount),
        (_("Alle voorwaarden zijn met ja beantwoord"),
         all(application.eligibility_answers.get(str(n)) == "ja" for n in range(len(round_.questions())))),
        (_("De verklaring is ondertekend"), application.declaration),
        (_("Er is minstens één bijlage"), application.attachments.exists()),
        (_("Eerste aanvraag van deze plek"), application.first_timer),
    ]


@require_POST
@scope_required(uses_grants)
def application_decide(request, pk, scope):
    application = _application_or_404(scope, pk)
    _require_manager(scope, application.round)
    form = DecisionForm(request.POST, moves=allowed_moves(request.POST.get("expected", ""), OFFICER))
    if not form.is_valid():
        messages.error(request, _("Kies een besluit."))
        return redirect(application)
    try:
        outcome = services.decide(application.pk, form.cleaned_data["to"], request.user,
                                  reason=form.cleaned_data["reason"], expected=form.cleaned_data["expected"])
    except services.GrantError as error:
        messages.error(request, str(error))
        return redirect(application)
    messages.success(request, outcome.message)
    return redirect(application)


@require_safe
@scope_required(uses_grants)
def application_pdf(request, pk, scope):
    application = _application_or_404(scope, pk)
    return pdf_response(services.application_pdf(application), f"aanvraag-{application.number}.pdf")


@require_safe
@scope_required(uses_grants)
def decision_letter(request, pk, scope):
    application = _application_or_404(scope, pk)
    if application.status not in (S.AWARDED, S.REJECTED, S.WAITLISTED):
        raise Http404
    return pdf_response(services.decision_letter(application), f"besluit-{application.number}.pdf", inline=True)


# -- awards, payments and hours ------------------------------------------------------------------
@require_safe
@scope_required(uses_grants)
def award_list(request, scope):
    awards = selectors.visible_awards(scope).order_by("due_date", "code")
    page = Paginator(awards, 25).get_page(request.GET.get("pagina"))
    today = timezone.localdate()
    rows = [{"award": award, "on_track": services.on_track(award, today)} for award in page.object_list]
    return render(request, "grants/award_list.html", {"page": page, "rows": rows})


ENTRIES_PER_PAGE = 50


@require_safe
@scope_required(uses_grants)
def award_detail(request, pk, scope, entry_form=None, payment_form=None, status=200):
    award = _award_or_404(scope, pk)
    today = timezone.localdate()
    can_manage = selectors.can_manage(scope, award.round.province_id, province=True)
    is_own = award.place_id in scope.place_ids
    entries = Paginator(selectors.award_entries(award), ENTRIES_PER_PAGE).get_page(request.GET.get("pagina"))
    expected = services.expected_hours(award, today)
    return render(request, "grants/award_detail.html", {
        "award": award, "today": today, "can_manage": can_manage, "is_own": is_own,
        "entries": entries, "expected": expected, "on_track": services.on_track(award, today),
        "payments": award.payments.all(),
        "entry_form": entry_form or (HourEntryForm(award=award, initial={"date": today}) if is_own else None),
        "payment_form": payment_form or (PaymentForm(initial={"paid_on": today}) if can_manage else None),
        "settlement": getattr(award, "settlement", None),
        "reason_form": ReasonForm(),
        "percent": min(int(award.hours_approved * 100 / award.hours_due), 100) if award.hours_due else 100,
    }, status=status)


@require_POST
@scope_required(uses_grants)
def payment_add(request, pk, scope):
    award = _award_or_404(scope, pk)
    _require_manager(scope, award.round)
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            services.register_payment(award.pk, user=request.user, **form.cleaned_data)
        except services.GrantError as error:
            form.add_error("amount", str(error))
        else:
            messages.success(request, _("De betaling is geregistreerd."))
            return redirect(award)
    messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    request.method = "GET"
    return award_detail(request, pk=pk, payment_form=form, status=400)


@require_POST
@scope_required(uses_grants)
def hour_add(request, pk, scope):
    award = _award_or_404(scope, pk)
    if award.place_id not in scope.place_ids:
        raise PermissionDenied(_("Alleen het bestuur van de plek voert uren in."))
    form = HourEntryForm(request.POST, request.FILES, award=award)
    if form.is_valid():
        data = services.EntryData(
            date=form.cleaned_data["date"], volunteers=form.cleaned_data["volunteers"],
            hours=form.cleaned_data["hours"], activity=form.chosen_activity(),
            description=form.cleaned_data["description"], evidence=form.cleaned_data.get("evidence"))
        problems = services.entry_problems(award, data)
        for field, message in problems.items():
            form.add_error(None if field == "__all__" else field, message)
        if not problems:
            try:
                services.log_hours(award.pk, data, request.user)
            except services.GrantError as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                form.add_error("evidence", error)
            else:
                messages.success(request, _("De uren zijn ingevoerd en wachten op beoordeling door de provincie."))
                return redirect(award)
    messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    request.method = "GET"
    return award_detail(request, pk=pk, entry_form=form, status=400)


def _entry_or_404(scope, pk) -> HourEntry:
    return get_object_or_404(HourEntry.objects.select_related("award__round").filter(
        award__in=selectors.visible_awards(scope).values("pk")), pk=pk)


@require_POST
@scope_required(uses_grants)
def hour_decide(request, pk, scope):
    entry = _entry_or_404(scope, pk)
    _require_manager(scope, entry.award.round)
    approve = request.POST.get("decision") == "approve"
    try:
        services.decide_entry(entry.pk, approve=approve, reason=request.POST.get("reason", ""), user=request.user)
        messages.success(request, _("De uren zijn goedgekeurd.") if approve else _("De uren zijn afgekeurd."))
    except services.GrantError as error:
        messages.error(request, str(error))
    return redirect(entry.award)


@require_POST
@scope_required(uses_grants)
def hour_reverse(request, pk, scope):
    entry = _entry_or_404(scope, pk)
    _require_manager(scope, entry.award.round)
    try:
        services.reverse_entry(entry.pk, reason=request.POST.get("reason", ""), user=request.user)
        messages.success(request, _("Er is een correctieboeking gemaakt; de oorspronkelijke uren blijven zichtbaar."))
    except services.GrantError as error:
        messages.error(request, str(error))
    return redirect(entry.award)


@require_safe
@scope_required(uses_grants)
def hour_evidence(request, pk, scope):
    entry = _entry_or_404(scope, pk)
    if not entry.evidence:
        raise Http404
    return attachment_response(entry.evidence, f"bewijs-{entry.pk}{entry.evidence.name[-4:]}", entry.evidence_kind)


@require_http_methods(["GET", "POST"])
@scope_required(uses_grants)
def settlement(request, pk, scope):
    award = _award_or_404(scope, pk)
    _require_manager(scope, award.round)
    current = getattr(award, "settlement", None)
    form = SettlementForm(request.POST or None)
    if request.method == "POST":
        if "voorstellen" in request.POST:
            created = services.settle(award.pk)
            if created is None:
                messages.error(request, _("Een afrekening kan pas op of na de einddatum (%(date)s).")
                               % {"date": award.due_date.strftime("%d-%m-%Y")} if current is None
                               else _("Er is al een afrekening."))
            return redirect("grants:settlement", pk=award.pk)
        if form.is_valid():
            try:
                services.decide_settlement(award.pk, outcome=form.cleaned_data["outcome"],
                                           amount=form.cleaned_data["amount"], reason=form.cleaned_data["reason"],
                                           user=request.user)
            except services.GrantError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("De afrekening is vastgelegd."))
                return redirect(award)
    return render(request, "grants/settlement.html", {"award": award, "settlement": current, "form": form,
                                                      "due": award.due_date <= timezone.localdate()},
                  status=400 if form.errors else 200)


PAYMENT_HEADERS = ["kenmerk toekenning", "plek", "plekcode", "gemeente", "ronde", "betaaldatum", "bedrag",
                   "kenmerk betaling", "toegekend bedrag", "totaal uitbetaald"]


@require_safe
@scope_required(province_staff)
def payments_csv(request, scope):
    payments = Payment.objects.filter(award__in=selectors.visible_awards(scope).values("pk")).order_by(
        "paid_on", "pk").values_list("award__code", "award__place__name", "award__place__code",
                                     "award__place__municipality__name", "award__round__name", "paid_on",
                                     "amount", "reference", "award__amount", "award__amount_paid")
    return csv_response(f"betalingen-{timezone.localdate():%Y-%m-%d}.csv", PAYMENT_HEADERS,
                        ([*row[:5], row[5].isoformat(), *row[6:]] for row in payments.iterator()))


# -- impact report -------------------------------------------------------------------------------
def _cached_chart(make, labels, values, **kwargs):
    """A chart depends only on its numbers and words: the same ones give the same SVG, so keep it an hour.

    Drawing with matplotlib costs a few hundred milliseconds per chart; the numbers change only when an
    officer approves hours or an award is made.
    """
    key = "grants-chart:" + hashlib.sha256(repr((make.__name__, labels, values, sorted(kwargs.items()),
                                                 translation.get_language())).encode()).hexdigest()
    chart = cache.get(key)
    if chart is None:
        chart = make(labels, values, **kwargs)
        cache.set(key, chart, 3600)
    return chart


def _report(scope, request, public=False):
    awards = selectors.visible_awards(scope) if not public else Award.objects.select_related("round")
    rounds = Round.objects.filter(pk__in=awards.values("round_id"))
    municipalities = Municipality.objects.filter(pk__in=awards.values("place__municipality_id")).order_by("name")
    form = ImpactFilterForm(request.GET or None, rounds=rounds, municipalities=municipalities)
    chosen = impact.filtered(awards, **form.filters())
    municipalities_rows = impact.by_municipality(chosen)
    kinds = impact.by_kind(chosen)
    quarters = impact.hours_per_quarter(chosen)
    charts = {}
    if municipalities_rows:
        charts["municipality"] = _cached_chart(
            horizontal_bars, [r["name"] for r in municipalities_rows[:15]],
            [float(r["value"]) for r in municipalities_rows[:15]],
            unit=" €", alt=_("Waarde van de goedgekeurde uren per gemeente, in euro; de tabel eronder geeft de "
                            "getallen."))
        charts["kind"] = _cached_chart(
            horizontal_bars, [r["name"] for r in kinds], [float(r["awarded"]) for r in kinds], unit=" €",
            alt=_("Toegekend bedrag per soort plek, in euro; de tabel eronder geeft de getallen."))
    if quarters:
        charts["quarter"] = _cached_chart(
            vertical_bars, [impact.quarter_label(q["quarter"]) for q in quarters],
            [float(q["hours"]) for q in quarters],
            unit=_("uren"), alt=_("Goedgekeurde vrijwilligersuren per kwartaal; de tabel eronder geeft de getallen."))
    return {
        "form": form, "figures": impact.figures(chosen), "by_municipality": municipalities_rows, "by_kind": kinds,
        "by_round": impact.by_round(chosen),
        "quarters": [{"label": impact.quarter_label(q["quarter"]), "hours": q["hours"]} for q in quarters],
        "charts": charts, "query": request.GET.urlencode(),
        "labels": {"value": impact.VALUE_RATIO_LABEL, "value_help": impact.VALUE_RATIO_HELP,
                   "total": impact.TOTAL_RATIO_LABEL, "total_help": impact.TOTAL_RATIO_HELP},
    }


def officers(scope) -> bool:
    return scope.is_officer


@require_safe
@scope_required(officers)
def impact_report(request, scope):
    return render(request, "grants/impact.html", _report(scope, request))


@require_safe
def public_summary(request):
    context = _report(None, request, public=True)
    return render(request, "grants/public_summary.html", context)


@require_safe
@scope_required(officers)
def impact_pdf(request, scope):
    context = _report(scope, request)
    context["today"] = timezone.localdate()
    return pdf_response(render_pdf("grants/pdf/impact.html", context),
                        f"impact-sociale-hypotheek-{timezone.localdate():%Y-%m-%d}.pdf")


IMPACT_HEADERS = ["gemeente", "toekenningen", "toegekend (€)", "uitbetaald (€)", "uren verschuldigd",
                  "uren goedgekeurd", "uren open", "waarde van de uren (€)"]


@require_safe
@scope_required(officers)
def impact_xlsx(request, scope):
    context = _report(scope, request)
    figures = context["figures"]
    rows = [[r["name"], r["awards"], r["awarded"], r["paid"], r["hours_due"], r["hours_approved"], r["hours_open"],
             r["value"]] for r in context["by_municipality"]]
    rows.append([_("Totaal"), figures.awards, figures.awarded, figures.paid, figures.hours_due,
                 figures.hours_approved, figures.hours_open, figures.value])
    rows.append([])
    rows.append([str(impact.VALUE_RATIO_LABEL), figures.value_ratio])
    rows.append([str(impact.TOTAL_RATIO_LABEL), figures.total_ratio])
    return xlsx_response(f"impact-sociale-hypotheek-{timezone.localdate():%Y-%m-%d}.xlsx", _("Impact"),
                         IMPACT_HEADERS, rows)


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def import_awards(request, scope):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    province_id = next(iter(sorted(scope.province_ids)), None)
    if request.method == "POST" and form.is_valid() and province_id is not None:
        from ontmoet.regions.models import Province

        upload = form.cleaned_data["file"]
        report = importing.import_awards(upload.name, upload.read(), Province.objects.get(pk=province_id),
                                         request.user)
        if report.ok:
            messages.success(request, _("Import gelukt: %(count)s toekenningen toegevoegd.")
                             % {"count": report.count("created")})
        else:
            messages.error(request, _("Er is niets geïmporteerd: het bestand bevat fouten. Zie het verslag hieronder."))
    status = 400 if (form.errors or (report and not report.ok)) else 200
    return render(request, "grants/import.html", {"form": form, "report": report,
                                                  "columns": importing.EXAMPLE_HEADER}, status=status)


@require_safe
@scope_required(province_staff)
def import_example(request, scope):
    example = [["SH-2021-001", "Sociale Hypotheek 2021", 2021, "DEMO-0001", "10000", "2021-03-15", "700", "10000",
                "15", "30", "24"]]
    return HttpResponse(xlsx_bytes(_("Voorbeeld"), importing.EXAMPLE_HEADER, example),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": 'attachment; filename="voorbeeld-toekenningen.xlsx"'})

