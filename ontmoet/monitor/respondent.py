"""The respondent's side of a personal link: the questionnaire, opting out, and links that no longer work."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from . import services
from .models import Status
from .views import _questionnaire_page


def _invalid_link(request, token):
    if services.link_was_revoked(token):  # 410: this link is gone for good, a new one was given out
        return render(request, "monitor/respond_invalid.html", {"revoked": True}, status=410)
    return render(request, "monitor/respond_invalid.html", status=404)


@require_http_methods(["GET", "POST"])
def respond(request, token):
    item = services.invitation_from_token(token)
    if item is None:
        return _invalid_link(request, token)
    today = timezone.localdate()
    if today > item.wave.closes_on:
        return render(request, "monitor/respond_closed.html", {"invitation": item}, status=410)
    if today < item.wave.opens_on:
        return render(request, "monitor/respond_closed.html", {"invitation": item, "not_yet": True})
    if item.status == Status.COMPLETE:
        return render(request, "monitor/respond_done.html", {"invitation": item})
    if item.status == Status.DECLINED:
        return render(request, "monitor/respond_done.html", {"invitation": item, "declined": True})
    if request.method == "GET":
        services.mark_opened(item)
    return _questionnaire_page(request, item, by_phone=False, token=token)


@require_http_methods(["GET", "POST"])
def opt_out(request, token):
    item = services.invitation_from_token(token)
    if item is None:
        return _invalid_link(request, token)
    if request.method == "POST":
        services.record_opt_out(item)
        return render(request, "monitor/opt_out.html", {"invitation": item, "done": True})
    return render(request, "monitor/opt_out.html", {"invitation": item})
