"""Initiatives, their partners and invitations, and the initiative as PDF."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import any_role, scope_required
from ontmoet.core import submissions
from ontmoet.core.pdf import pdf_response, render_pdf

from .. import content, forms, selectors, services
from ..models import Budget, DesignChecklist, Partner, Quickscan, SocialManagement, TypologyAdvice
from .budgets import _budget_context
from .common import ERROR, _initiative, _status
from .trees import _tree_list


# -- Initiatives -------------------------------------------------------------------------------
@require_safe
@scope_required(any_role)
def initiative_list(request, scope):
    open_steps = request.GET.get("lijst") == selectors.OPEN_STEPS  # the overview's work queue links here
    initiatives = (selectors.with_open_steps(request.user) if open_steps
                   else selectors.visible_initiatives(request.user, scope))
    return render(request, "toolkit/list.html", {"initiatives": initiatives, "open_steps": open_steps})


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def initiative_create(request, scope):
    form = forms.InitiativeForm(request.POST or None, scope=scope)
    if request.method == "POST" and form.is_valid():
        outcome = submissions.submit_once(form.submission_token, lambda: services.create_initiative(
            form.save(commit=False), request.user), lambda initiative: initiative.get_absolute_url())
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        initiative = outcome.result
        messages.success(request, _("Het initiatief is gestart. Begin met de Quickscan."))
        return redirect(initiative)
    if request.method == "POST":
        messages.error(request, ERROR)
    return render(request, "toolkit/form.html", {"form": form, "initiative": None}, status=_status(form))


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def initiative_edit(request, pk, scope):
    initiative = _initiative(request, scope, pk, edit=True)
    if not initiative.can_edit:
        raise Http404
    form = forms.InitiativeForm(request.POST or None, instance=initiative, scope=scope)
    if request.method == "POST" and form.is_valid():
        services.update_initiative(form.save(commit=False), request.user)
        messages.success(request, _("De gegevens zijn opgeslagen."))
        return redirect(initiative)
    if request.method == "POST":
        messages.error(request, ERROR)
    return render(request, "toolkit/form.html", {"form": form, "initiative": initiative}, status=_status(form))


def _progress(initiative):
    quickscan = Quickscan.objects.filter(initiative=initiative).first()
    return [
        (_("Quickscan"), "toolkit:quickscan",
         quickscan.get_decision_display() if quickscan and quickscan.status == "besloten"
         else (_("concept") if quickscan else "")),
        (_("Typologie"), "toolkit:typology", initiative.get_typology_display()),
        (_("Sociaal beheer"), "toolkit:social",
         _("ingevuld") if SocialManagement.objects.filter(initiative=initiative).exists() else ""),
        (_("Fysiek ontwerp"), "toolkit:design",
         _("ingevuld") if DesignChecklist.objects.filter(initiative=initiative).exists() else ""),
        (_("Financiering en begroting"), "toolkit:budget",
         _("ingevuld") if Budget.objects.filter(initiative=initiative).exists() else ""),
    ]


@require_safe
@scope_required(any_role)
def initiative_detail(request, pk, scope):
    initiative = _initiative(request, scope, pk)
    trees = _tree_list()
    return render(request, "toolkit/detail.html", {
        "initiative": initiative, "progress": _progress(initiative),
        "partners": initiative.partners.select_related("user"), "walks": initiative.tree_walks.all()[:10],
        "events": initiative.events.select_related("actor")[:15], "trees": trees,
        # A saved outcome of a tree that is not from the handreiking says so, as the tree itself does.
        "example_slugs": {tree.slug for tree in trees if tree.example_content},
    })


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def partners(request, pk, scope):
    initiative = _initiative(request, scope, pk, edit=True)
    form = forms.PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["email"].lower() == request.user.email.lower():
            form.add_error("email", _("U bent zelf al betrokken bij dit initiatief."))
        else:
            # The same invitation sent twice would mail the partner twice.
            outcome = submissions.submit_once(form.submission_token, lambda: services.invite_partner(
                initiative, form.cleaned_data["email"], form.cleaned_data["organisation"], request.user),
                lambda _partner: reverse("toolkit:partners", args=[initiative.pk]))
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            partner = outcome.result
            messages.success(request, _("%(email)s is toegevoegd als partner.") % {"email": partner.email}
                             if partner.user_id else
                             _("%(email)s heeft een uitnodiging per e-mail gekregen.") % {"email": partner.email})
            return redirect("toolkit:partners", pk=initiative.pk)
    if request.method == "POST":
        messages.error(request, ERROR)
    return render(request, "toolkit/partners.html", {
        "initiative": initiative, "form": form, "partners": initiative.partners.select_related("user")},
        status=_status(form))


@require_POST
@scope_required(any_role)
def partner_remove(request, pk, partner_pk, scope):
    initiative = _initiative(request, scope, pk, edit=True)
    partner = get_object_or_404(Partner, pk=partner_pk, initiative=initiative)
    services.remove_partner(partner, request.user)
    messages.success(request, _("%(email)s is geen partner meer.") % {"email": partner.email})
    return redirect("toolkit:partners", pk=initiative.pk)


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    partner = Partner.objects.filter(token=token).select_related("initiative").first()
    if partner is None:
        raise Http404
    if not request.user.is_authenticated:
        return _accept_as_newcomer(request, partner)
    if partner.accepted_at and partner.user_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        services.accept_invitation(partner, request.user)
        messages.success(request, _("U werkt nu mee aan %(name)s.") % {"name": partner.initiative.name})
        return redirect(partner.initiative)
    return render(request, "toolkit/accept.html", {"partner": partner})


def _accept_as_newcomer(request, partner):
    """Someone without a session: with an account for the invited address, log in first; without one,
    make an account here (the link in the mail proves the address) and take part at once."""
    from django.contrib.auth import get_user_model, login

    form = forms.PartnerAccountForm(request.POST or None, email=partner.email)
    # A double click: the second post finds the account made and is sent where the first one went.
    if again := submissions.posted_before(request, form):
        return again
    if partner.accepted_at or get_user_model().objects.filter(email__iexact=partner.email).exists():
        return redirect_to_login(request.get_full_path())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = submissions.submit_once(form.submission_token, lambda: services.create_partner_account(
            partner, data["first_name"], data["last_name"], data["password"]),
            lambda _user: partner.initiative.get_absolute_url())
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        login(request, outcome.result, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Uw account is aangemaakt. U werkt nu mee aan %(name)s.")
                         % {"name": partner.initiative.name})
        return redirect(partner.initiative)
    if request.method == "POST":
        messages.error(request, ERROR)
    return render(request, "toolkit/accept.html", {"partner": partner, "form": form}, status=_status(form))


# -- PDF ---------------------------------------------------------------------------------------
@require_safe
@scope_required(any_role)
def initiative_pdf(request, pk, scope):
    initiative = _initiative(request, scope, pk)
    context = {"initiative": initiative, "title": initiative.name,
               "quickscan": Quickscan.objects.filter(initiative=initiative).first(),
               "social": SocialManagement.objects.filter(initiative=initiative).first(),
               "design": DesignChecklist.objects.filter(initiative=initiative).first(),
               "walks": initiative.tree_walks.all(), "partners": initiative.partners.all(),
               "labels": {s["key"]: s["label"] for s in content.STAKEHOLDERS}}
    advice = TypologyAdvice.objects.filter(initiative=initiative).first()
    context["ranking"] = content.rank_types(advice.answers) if advice and advice.answers else []
    if context["design"]:
        checked = set(context["design"].checked)
        context["design_sections"] = [(title, [(text, code in checked) for code, text in items])
                                      for _key, title, items in content.checklist_for(initiative.typology)]
    instance = Budget.objects.filter(initiative=initiative).first()
    if instance:
        context.update(_budget_context(initiative, instance, chart=True))
        context["budget"] = instance
    return pdf_response(render_pdf("toolkit/pdf/initiative.html", context), f"initiatief-{initiative.pk}.pdf")
