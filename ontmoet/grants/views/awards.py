"""Awards, payments, the hours ledger and the settlement."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import province_staff, scope_required
from ontmoet.core import submissions
from ontmoet.core.exports import csv_response
from ontmoet.core.uploads import attachment_response

from .. import selectors, services
from ..forms import HourEntryForm, PaymentForm, ReasonForm, SettlementForm
from ..models import HourEntry, Payment
from ..workflows import AwardStatus
from .common import _award_or_404, _require_manager, uses_grants


# -- awards, payments and hours ------------------------------------------------------------------
@require_safe
@scope_required(uses_grants)
def award_list(request, scope):
    awards = selectors.visible_awards(scope).order_by("due_date", "code")
    status = request.GET.get("status")
    if status in AwardStatus.values:
        awards = awards.filter(status=status)
    page = Paginator(awards, 25).get_page(request.GET.get("pagina"))
    today = timezone.localdate()
    rows = [{"award": award, "on_track": services.on_track(award, today)} for award in page.object_list]
    return render(request, "grants/award_list.html", {"page": page, "rows": rows, "statuses": AwardStatus.choices,
                                                      "status": status, "query": urlencode({"status": status or ""})})


@require_safe
@scope_required(province_staff)
def hour_review(request, scope):
    """Every hour entry waiting for a decision, across all awards, oldest first: approve or reject in place."""
    entries = selectors.entries_to_review(scope).select_related("award__place__municipality", "created_by")
    page = Paginator(entries.order_by("date", "pk"), ENTRIES_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(request, "grants/hour_review.html", {"page": page, "back": request.get_full_path()})


ENTRIES_PER_PAGE = 50


@require_safe
@scope_required(uses_grants)
def award_detail(request, pk, scope):
    return _award_page(request, scope, _award_or_404(scope, pk))


def _award_page(request, scope, award, entry_form=None, payment_form=None, status=200):
    """The award's page; a refused payment or hour entry shows it again with the form and its errors."""
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
            data = {name: value for name, value in form.cleaned_data.items() if name != submissions.FIELD}
            # A payment registered twice would count twice against the award: the same form pays once.
            outcome = submissions.submit_once(form.submission_token, lambda: services.register_payment(
                award.pk, user=request.user, **data), lambda _payment: award.get_absolute_url())
        except services.GrantError as error:
            form.add_error("amount", str(error))
        else:
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            messages.success(request, _("De betaling is geregistreerd."))
            return redirect(award)
    messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    return _award_page(request, scope, award, payment_form=form, status=400)


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
                outcome = submissions.submit_once(form.submission_token,
                                                  lambda: services.log_hours(award.pk, data, request.user),
                                                  lambda _entry: award.get_absolute_url())
            except services.GrantError as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                form.add_error("evidence", error)
            else:
                if outcome.repeated:
                    return submissions.repeated(request, outcome)
                messages.success(request, _("De uren zijn ingevoerd en wachten op beoordeling door de provincie."))
                return redirect(award)
    messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    return _award_page(request, scope, award, entry_form=form, status=400)


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
    # Back to the list the decision was made on (the review list across awards), else to the award.
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                                require_https=request.is_secure()):
        return redirect(back)
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
            created = services.settle(award.pk, user=request.user)
            if created is None:
                messages.error(request, _("Een afrekening kan pas op of na de einddatum (%(date)s).")
                               % {"date": date_format(award.due_date)} if current is None
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
