"""The respondent's side of a personal link: the questionnaire, the thank-you page, opting out, and links that
no longer work.

Handed-in answers stay editable through the same link until the wave closes (`?wijzigen`); after that
the link shows them read-only. The thank-you page names the aanspreekpunt, offers the answers as a PDF
and, where an answer differs from the register, offers to update the register too.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.core import documents

from . import contacts, services
from .models import Invitation, Response, Status
from .prefill import register_changes
from .questionform import language, read_back
from .register_update import update_register
from .views import _questionnaire_page


def _invalid_link(request, token):
    if services.link_was_revoked(token):  # 410: this link is gone for good, a new one was given out
        return render(request, "monitor/respond_invalid.html", {"revoked": True}, status=410)
    return render(request, "monitor/respond_invalid.html", status=404)


def _submitted(item: Invitation) -> Response | None:
    return Response.objects.filter(invitation=item, submitted_at__isnull=False).first()


def _context(item: Invitation, token: str, **extra) -> dict:
    response = _submitted(item)
    answers = read_back(item.wave.questionnaire.form, response.data) if response else []
    return {"invitation": item, "token": token, "answers": answers,
            "aanspreekpunt": contacts.aanspreekpunt(item.municipality_id), **extra}


def _thanks(request, item: Invitation, token: str):
    response = _submitted(item)
    changes = register_changes(item, response.data, language()) if response is not None else []
    if request.method == "POST" and request.POST.get("action") == "register" and changes:
        by = request.user if request.user.is_authenticated else None
        if done := update_register(item, by=by):
            messages.success(request, _("Het register is bijgewerkt: %(fields)s.") % {
                "fields": ", ".join(str(change.spec.label).lower() for change in done)})
        else:  # the wave closed or the answers changed in the meantime
            messages.error(request, _("Het register is niet bijgewerkt: er was niets meer om bij te werken."))
        return redirect(request.path)
    return render(request, "monitor/respond_done.html", _context(
        item, token, changes=changes, can_change=item.wave.is_open(),
        again=request.method == "POST" and request.POST.get("action") == "submit",  # a second tab handed in too
        overview=reverse("core:dashboard")))


@require_http_methods(["GET", "POST"])
def respond(request, token):
    item = services.invitation_from_token(token)
    if item is None:
        return _invalid_link(request, token)
    today = timezone.localdate()
    if today > item.wave.closes_on:
        return render(request, "monitor/respond_closed.html", _context(item, token), status=410)
    if today < item.wave.opens_on:
        return render(request, "monitor/respond_closed.html", {"invitation": item, "not_yet": True})
    if item.status == Status.COMPLETE:
        if "wijzigen" in request.GET or request.POST.get("wijzigen"):
            return _questionnaire_page(request, item, by_phone=False, token=token, amend=True)
        return _thanks(request, item, token)
    if item.status == Status.DECLINED:
        return render(request, "monitor/respond_done.html", {"invitation": item, "declined": True})
    if request.method == "GET":
        services.mark_opened(item)
    return _questionnaire_page(request, item, by_phone=False, token=token)


@require_safe
@login_required
def answers_pdf(request, token):
    """The handed-in answers as a PDF, made by the worker (core.documents); the link is the authority, as on the
    page. A login is needed because a document belongs to the user who asked for it."""
    item = services.invitation_from_token(token)
    if item is None:
        return _invalid_link(request, token)
    if _submitted(item) is None:
        return redirect("monitor:respond", token=token)
    document = documents.start(
        request.user, maker="ontmoet.monitor.documents.answers_pdf_document", params={"invitation": item.pk},
        title=_("Antwoorden %(name)s, %(wave)s (PDF)") % {
            "name": item.respondent_name, "wave": f"{item.wave.title} {item.wave.year}"},
        content_type="application/pdf", filename=f"antwoorden-{item.wave.questionnaire.form_id}-{item.wave.year}-"
        f"{item.respondent_code}.pdf", back_url=reverse("monitor:respond", args=[token]))
    return redirect("core:document", pk=document.pk)


@require_http_methods(["GET", "POST"])
def opt_out(request, token):
    item = services.invitation_from_token(token)
    if item is None:
        return _invalid_link(request, token)
    if request.method == "POST":
        services.record_opt_out(item)
        return render(request, "monitor/opt_out.html", {"invitation": item, "done": True})
    return render(request, "monitor/opt_out.html", {"invitation": item})
