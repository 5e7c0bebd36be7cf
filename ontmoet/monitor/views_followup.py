"""The monitor's follow-up: sending invitations and reminders (with what will happen shown beforehand and
what happened afterwards) and the call list. Reads through selectors, writes through services and tasks."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ontmoet.accounts.decorators import province_staff, scope_required

from . import reminders, selectors, tasks
from .models import MailJob
from .views import _managed_wave_or_404


@require_POST
@scope_required(province_staff)
def wave_send(request, pk, kind, scope):
    item = _managed_wave_or_404(scope, pk)
    if kind not in MailJob.Kind.values:
        raise Http404
    if not item.is_open():
        messages.error(request, _("Deze uitvraag is niet open; er is niets verstuurd."))
        return redirect("monitor:wave", pk=item.pk)
    job = tasks.start_mail_job(item, kind, request.user)
    return redirect("monitor:mail_job", pk=item.pk, job=job.pk)


@require_safe
@scope_required(province_staff)
def remind(request, pk, scope):
    """Before sending reminders: how many go out now, to whom, when the last went and when the next may."""
    item = _managed_wave_or_404(scope, pk)
    return render(request, "monitor/remind.html", {"wave": item, "plan": reminders.plan(item)})


@require_safe
@scope_required(province_staff)
def mail_job(request, pk, job, scope):
    item = _managed_wave_or_404(scope, pk)
    found = selectors.job_for(item, job)
    if found is None:
        raise Http404
    template = "monitor/includes/job_progress.html" if request.headers.get("HX-Request") else "monitor/mail_job.html"
    return render(request, template, {"wave": item, "job": found})


@require_safe
@scope_required(province_staff)
def phone_list(request, pk, scope):
    item = _managed_wave_or_404(scope, pk)
    show = {"alle": "all", selectors.CALL_BACK: selectors.CALL_BACK}.get(request.GET.get("toon"), "open")
    return render(request, "monitor/phone_list.html", {
        "wave": item, "invitations": selectors.phone_list(scope, item, show), "show": show})
