"""The overview and the rounds of the Sociale Hypotheek."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.accounts.decorators import province_staff, scope_required
from ontmoet.core import submissions
from ontmoet.places.models import Place

from .. import selectors, services
from ..forms import RoundForm
from .common import _round_or_404, uses_grants


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
    if scope.is_board_member:
        context["board"] = selectors.board_actions(scope, today)
    if scope.is_province_staff:
        context["to_review"] = selectors.filter_applications(selectors.visible_applications(scope),
                                                             selectors.TO_HANDLE).count()
        context["to_handle"] = selectors.TO_HANDLE
        context["pending_entries"] = selectors.entries_to_review(scope).count()
    return render(request, "grants/index.html", context)


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def round_create(request, scope):
    province_id = next(iter(sorted(scope.province_ids)), None)
    if province_id is None:
        raise PermissionDenied
    form = RoundForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        outcome = submissions.submit_once(form.submission_token, lambda: services.create_round(
            form.save(commit=False), province_id), lambda created: created.get_absolute_url())
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        round_ = outcome.result
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
        services.update_round(form.save(commit=False))
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
