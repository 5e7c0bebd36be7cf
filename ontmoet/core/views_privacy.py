"""The privacy statement (public) and data subjects' requests (province staff search and export,
province administrators erase). Every search, export and erasure is logged (core.privacy)."""

import io
import json

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import province_staff, scope_required

from . import privacy
from .exports import XLSX_CONTENT_TYPE, neutralise
from .forms import StyledFormMixin
from .markdown import render_document
from .models import PrivacyRequest


@require_safe
def statement(request):
    """docs/privacy.md, shipped as a template per language (a test keeps the Dutch one equal to the doc)."""
    language = "en" if get_language() == "en" else "nl"
    text = render_to_string(f"core/privacy/statement.{language}.md")
    return render(request, "core/privacy.html", {"statement": render_document(text)})


class SearchForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mailadres van de betrokkene"), max_length=254)


class EraseForm(SearchForm):
    reason = forms.CharField(label=gettext_lazy("Reden"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=gettext_lazy("Bijvoorbeeld: verzoek van betrokkene per e-mail van 3 maart, "
                                                    "kenmerk 2026-123. Komt in het logboek."))
    confirm = forms.BooleanField(label=gettext_lazy("Ik heb de identiteit van de aanvrager gecontroleerd en wis "
                                                    "deze gegevens; dit kan niet ongedaan worden gemaakt."))


def _export(found, kind: str, email: str) -> HttpResponse:
    stamp = f"{timezone.localdate():%Y%m%d}"
    if kind == "json":
        body = json.dumps({"email": email, "gegevens": dict(found)},
                          ensure_ascii=False, indent=2, default=str)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ontmoet-gegevens-{stamp}.json"'
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        for number, (label, rows) in enumerate(found, start=1):
            sheet = workbook.create_sheet(title=f"{number} {label}"[:31].replace("'", ""))
            sheet.append([str(column) for column in rows[0]])
            for row in rows:
                sheet.append([neutralise(value) for value in row.values()])
        if not found:
            workbook.create_sheet(title=_("Niets gevonden")).append([email])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="ontmoet-gegevens-{stamp}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def request_page(request, scope):
    """POST only: an address in a URL would end up in access logs and browser history."""
    form = SearchForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        kind = request.POST.get("export", "")
        if kind in ("json", "xlsx"):
            return _export(privacy.export(email, request.user), kind, email)
        found = privacy.find(email)
        privacy.log(PrivacyRequest.Action.SEARCH, email, request.user,
                    counts={str(label): len(rows) for label, rows in found})
    return render(request, "core/privacy_request.html", {
        "form": form, "found": found, "can_erase": scope.is_province_admin,
        "erase_form": EraseForm(initial={"email": form.cleaned_data["email"]}, auto_id="wissen_%s") if found else None,
        "log": PrivacyRequest.objects.select_related("by")[:20],
    }, status=400 if form.errors else 200)


@require_POST
@scope_required(lambda scope: scope.is_province_admin)
def erase(request, scope):
    form = EraseForm(request.POST, auto_id="wissen_%s")  # its own ids: the search form is on the same page
    if not form.is_valid():
        return render(request, "core/privacy_request.html", {
            "form": SearchForm(initial={"email": request.POST.get("email", "")}), "found": None, "can_erase": True,
            "erase_form": form, "log": PrivacyRequest.objects.select_related("by")[:20]}, status=400)
    counts = privacy.erase(form.cleaned_data["email"], request.user, form.cleaned_data["reason"])
    messages.success(request, _("Gewist of geanonimiseerd: %(total)s gegevens. Het logboek vermeldt wie dit deed "
                                "en waarom.") % {"total": sum(counts.values())})
    return redirect("core:privacy_request")
