"""The Quickscan, inspiration, typology, sociaal beheer and physical design tools."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import any_role, scope_required
from ontmoet.core import submissions

from .. import content, forms, services
from ..models import DesignChecklist, Quickscan, SocialManagement, TypologyAdvice
from .common import ERROR, _initiative, _status


# -- Quickscan ---------------------------------------------------------------------------------
def _rows(formset, keys):
    return [{key: form.cleaned_data.get(key, "") for key in keys} for form in formset.forms
            if form.cleaned_data and any(form.cleaned_data.get(key) for key in keys)]


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def quickscan(request, pk, scope):
    initiative = _initiative(request, scope, pk, edit=True)
    instance = Quickscan.objects.filter(initiative=initiative).first() or Quickscan(initiative=initiative)
    data = request.POST if request.method == "POST" else None
    submitting = "afronden" in request.POST
    if instance.status == Quickscan.Status.DECIDED and data is not None:
        raise PermissionDenied(_("De Quickscan is afgerond; heropen hem om te wijzigen."))
    form = forms.QuickscanForm(data, instance=instance, submitting=submitting)
    talks = forms.PartnerTalkFormSet(data, prefix="gesprek", initial=instance.partner_talks)
    locations = forms.LocationFormSet(data, prefix="locatie", initial=instance.location_candidates)
    if data is not None:
        if form.is_valid() and talks.is_valid() and locations.is_valid():
            quickscan = form.save(commit=False)
            quickscan.partner_talks = _rows(talks, ["who", "role", "commitment"])
            quickscan.location_candidates = _rows(locations, ["name", "notes"])
            # The first save creates the Quickscan; the same form posted twice saves (and logs) once.
            outcome = submissions.submit_once(form.submission_token, lambda: services.save_quickscan(
                quickscan, request.user, submit=submitting), lambda _saved: reverse("toolkit:quickscan",
                                                                                    args=[initiative.pk]))
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            if submitting and (quickscan.decision == Quickscan.Decision.NO_GO or quickscan.no_suitable_room):
                messages.info(request, _("Geen go of geen geschikte ruimte: bekijk de inspiratielijst."))
                return redirect("toolkit:inspiration")
            messages.success(request, _("De Quickscan is afgerond.") if submitting
                             else _("De Quickscan is opgeslagen."))
            return redirect("toolkit:quickscan", pk=initiative.pk)
        messages.error(request, ERROR)
    return render(request, "toolkit/quickscan.html", {
        "initiative": initiative, "form": form, "talks": talks, "locations": locations, "quickscan": instance,
        "decided": instance.status == Quickscan.Status.DECIDED,
    }, status=_status(form, talks, locations) if data is not None else 200)


@require_POST
@scope_required(any_role)
def quickscan_reopen(request, pk, scope):
    initiative = _initiative(request, scope, pk, edit=True)
    quickscan = get_object_or_404(Quickscan, initiative=initiative)
    services.reopen_quickscan(quickscan, request.user)
    messages.success(request, _("De Quickscan is heropend."))
    return redirect("toolkit:quickscan", pk=initiative.pk)


@require_safe
@scope_required(any_role)
def inspiration(request, scope):
    return render(request, "toolkit/inspiration.html", {"items": content.INSPIRATION})


# -- Typology ----------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def typology(request, pk, scope):
    initiative = _initiative(request, scope, pk, edit=True)
    advice = TypologyAdvice.objects.filter(initiative=initiative).first() or TypologyAdvice(initiative=initiative)
    if request.method == "POST" and "kies" in request.POST:
        choice = request.POST.get("kies")
        if choice not in content.TYPES:
            raise Http404
        services.choose_typology(initiative, choice, request.user)
        messages.success(request, _("Het type is gekozen; de volgende hulpmiddelen gaan hiervan uit."))
        return redirect("toolkit:typology", pk=initiative.pk)
    form = forms.TypologyForm(request.POST or None, initial=advice.answers)
    if request.method == "POST" and form.is_valid():
        advice.answers = {k: v for k, v in form.cleaned_data.items() if v is not None}
        services.save_tool(advice, request.user, _("typologie-vragen beantwoord"))
        return redirect("toolkit:typology", pk=initiative.pk)
    ranking = content.rank_types(advice.answers) if advice.answers else []
    return render(request, "toolkit/typology.html", {
        "initiative": initiative, "form": form, "ranking": ranking, "characteristics": content.CHARACTERISTICS},
        status=_status(form))


# -- Sociaal beheer ----------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def social(request, pk, scope):
    initiative = _initiative(request, scope, pk, edit=True)
    record = SocialManagement.objects.filter(initiative=initiative).first() or SocialManagement(initiative=initiative)
    formset = forms.SocialRowFormSet(request.POST or None, prefix="rij", initial=record.rows)
    if request.method == "POST":
        if formset.is_valid():
            record.rows = _rows(formset, ["stakeholder", "who", "tasks", "agreed_by"])
            record.ingredients_done = [i for i in request.POST.getlist("ingredient") if i.isdecimal()]
            services.save_tool(record, request.user, _("gespreksplaat sociaal beheer opgeslagen"))
            messages.success(request, _("De gespreksplaat is opgeslagen."))
            return redirect("toolkit:social", pk=initiative.pk)
        messages.error(request, ERROR)
    ingredients = content.INGREDIENTS.get(initiative.typology, [])
    return render(request, "toolkit/social.html", {
        "initiative": initiative, "formset": formset, "stakeholders": content.STAKEHOLDERS,
        "ingredients": [(str(i), text, str(i) in record.ingredients_done) for i, text in enumerate(ingredients)],
        "labels": {s["key"]: s["label"] for s in content.STAKEHOLDERS}, "rows": record.rows,
    }, status=_status(formset))


# -- Physical design ---------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def design(request, pk, scope):
    initiative = _initiative(request, scope, pk, edit=True)
    record = DesignChecklist.objects.filter(initiative=initiative).first() or DesignChecklist(initiative=initiative)
    form = forms.DesignForm(request.POST or None, typology=initiative.typology,
                            initial={"checked": record.checked, "notes": record.notes})
    if request.method == "POST" and form.is_valid():
        record.checked, record.notes = form.cleaned_data["checked"], form.cleaned_data["notes"]
        services.save_tool(record, request.user, _("checklist fysiek ontwerp opgeslagen"))
        messages.success(request, _("De checklist is opgeslagen."))
        return redirect("toolkit:design", pk=initiative.pk)
    return render(request, "toolkit/design.html", {
        "initiative": initiative, "form": form, "sections": content.checklist_for(initiative.typology),
        "checked": set(record.checked)}, status=_status(form))
