"""Digest preferences, one-click unsubscribe, and sending runs with progress."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import any_role, scope_required
from ontmoet.accounts.models import User
from ontmoet.core import submissions
from ontmoet.regions.models import Province

from .. import providers, tokens
from ..forms import DigestPreferenceForm
from ..models import DigestPreference, DigestRun, DigestSend, Frequency
from ..services import digest as services
from ..tasks import send_digest
from .common import form_error_message, status_for


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def digest_preferences(request, scope):
    instance = DigestPreference.objects.filter(user=request.user).first() or DigestPreference(
        user=request.user, frequency=services.DEFAULT_FREQUENCY)
    form = DigestPreferenceForm(request.POST or None, instance=instance)
    if request.method == "POST":
        if form.is_valid():
            services.set_frequency(request.user, form.cleaned_data["frequency"])
            messages.success(request, _("Uw voorkeur is opgeslagen."))
            return redirect("network:digest_preferences")
        form_error_message(request)
    return render(request, "network/digest/preferences.html", {
        "form": form, "knowledge_available": providers.knowledge_available()}, status=status_for(form))


@csrf_exempt  # RFC 8058 one-click: mail programs POST without a CSRF token; the signed link is the proof
@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request, token):
    user_id = tokens.read(tokens.UNSUBSCRIBE_SALT, token)
    user = User.objects.filter(pk=user_id).first() if user_id is not None else None
    if user is None:
        return render(request, "network/events/token_invalid.html", status=404)
    if request.method == "POST":
        services.set_frequency(user, Frequency.NEVER)
        return render(request, "network/digest/unsubscribed.html", {"done": True})
    return render(request, "network/digest/unsubscribed.html", {"done": False, "email": user.email})


def _can_run(scope) -> bool:
    return scope.is_province_admin


def _runs_for(scope):
    runs = DigestRun.objects.select_related("province", "started_by")
    return runs if scope.superuser else runs.filter(province_id__in=scope.admin_province_ids)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def digest_runs(request, scope):
    if not _can_run(scope):
        raise PermissionDenied
    provinces = Province.objects.all() if scope.superuser else Province.objects.filter(
        pk__in=scope.admin_province_ids)
    if request.method == "POST":
        frequency = request.POST.get("frequency")
        province = provinces.filter(pk=request.POST.get("province") or 0).first()
        if frequency not in (Frequency.WEEKLY, Frequency.MONTHLY) or province is None:
            messages.error(request, _("Kies week of maand en een provincie."))
        else:
            return _start(request, frequency, province)
    return render(request, "network/digest/runs.html", {"runs": _runs_for(scope)[:20], "provinces": provinces,
                                                         "form": submissions.OnceForm(),
                                                         "frequencies": [Frequency.WEEKLY, Frequency.MONTHLY]},
                  status=400 if request.method == "POST" else 200)


@require_safe
@scope_required(any_role)
def digest_run(request, pk, scope):
    if not _can_run(scope):
        raise PermissionDenied
    run = get_object_or_404(_runs_for(scope), pk=pk)
    unsure = DigestSend.objects.filter(period=run.period, state=DigestSend.State.CLAIMED).count()
    return render(request, "network/digest/run.html", {"run": run, "unsure": unsure,
                                                       "form": submissions.OnceForm()})


@require_POST
@scope_required(any_role)
def digest_run_resume(request, pk, scope):
    """Start the same period again after an interruption: everyone already done is skipped."""
    if not _can_run(scope):
        raise PermissionDenied
    run = get_object_or_404(_runs_for(scope), pk=pk)
    return _start(request, run.frequency, run.province)


def _start(request, frequency, province):
    """One run per form shown: a double click starts one sending round, not two (each would count and
    show progress of its own)."""
    token = submissions.OnceForm(request.POST).submission_token
    outcome = submissions.submit_once(token, lambda: services.start_run(frequency, province, by=request.user),
                                      lambda run: reverse("network:digest_run", args=[run.pk]))
    if outcome.repeated:
        return submissions.repeated(request, outcome)
    send_digest.enqueue(outcome.result.pk)
    return redirect(outcome.url)
