"""The expert network, routing rules and categories (province staff), peer profiles and preferences."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import any_role, province_staff, scope_required
from ontmoet.core import submissions
from ontmoet.places.models import Place
from ontmoet.regions.models import Province

from . import selectors, services
from .forms import (
    CategoryForm,
    ExpertForm,
    PeerProfileForm,
    PreferenceForm,
    RoutingRuleForm,
    ServiceLevelForm,
    TeamForm,
    VetForm,
)
from .models import Category, Expert, NotificationPreference, PeerProfile, RoutingRule, ServiceLevel, Team


def _province(scope, ids=None):
    """The first province the user works for (or, given `ids`, one of those), else 404."""
    provinces = Province.objects.order_by("name")
    if not scope.superuser:
        provinces = provinces.filter(pk__in=scope.province_ids if ids is None else ids)
    province = provinces.first()
    if province is None:
        raise Http404
    return province


def _expert_or_404(scope, pk):
    expert = Expert.objects.filter(pk=pk).select_related("team", "user", "vetted_by").first()
    if expert is None or not (scope.superuser or expert.province_id in scope.province_ids):
        raise Http404
    return expert


# --- experts ---------------------------------------------------------------------------------------
@require_safe
@scope_required(province_staff)
def expert_list(request, scope):
    viewer = selectors.viewer_for(request.user)
    experts = selectors.experts_for(viewer)
    lapsing = request.GET.get("screening") == selectors.LAPSING
    if lapsing:
        experts = selectors.lapsing_vettings(experts, timezone.localdate()).order_by("vetted_until", "name")
    experts = list(experts.prefetch_related("categories"))
    stats = selectors.expert_stats([e.pk for e in experts])
    for expert in experts:
        expert.stats = stats.get(expert.pk)
    province = _province(scope)
    return render(request, "helpdesk/expert_list.html", {
        "experts": experts, "teams": Team.objects.filter(province=province), "team_form": TeamForm(),
        "lapsing": lapsing, "window": selectors.VETTING_WINDOW,
    })


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def expert_create(request, scope):
    return _expert_form(request, scope, None)


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def expert_edit(request, pk, scope):
    return _expert_form(request, scope, _expert_or_404(scope, pk))


def _expert_form(request, scope, expert):
    province = expert.province if expert else _province(scope)
    form = ExpertForm(request.POST or None, instance=expert, province=province)
    # Only creating is held to the token (an edit made again after the back button must not be dropped).
    if expert is None and (again := submissions.posted_before(request, form)):
        return again
    if request.method == "POST" and form.is_valid():
        outcome = submissions.submit_once(form.submission_token if expert is None else "", lambda: services.save_expert(
            form.save(commit=False), form, province, request.user), lambda saved: saved.get_absolute_url())
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        saved = outcome.result
        messages.success(request, _("%(name)s is opgeslagen.") % {"name": saved.name})
        return redirect(saved)
    if request.method == "POST":
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    return render(request, "helpdesk/expert_form.html", {"form": form, "expert": expert},
                  status=400 if form.errors else 200)


@require_safe
@scope_required(any_role)
def expert_detail(request, pk, scope):
    expert = Expert.objects.filter(pk=pk).select_related("team", "vetted_by").first()
    own = expert is not None and expert.user_id == request.user.pk
    if expert is None or not (own or scope.superuser or expert.province_id in scope.province_ids):
        raise Http404
    stats = selectors.expert_stats([expert.pk]).get(expert.pk)
    return render(request, "helpdesk/expert_detail.html", {
        "expert": expert, "stats": stats, "vet_form": VetForm(), "can_manage": not own or scope.is_province_staff,
        "open_count": expert.questions.filter(status__in=["new", "triaged", "in_progress", "waiting_on_place",
                                                          "reopened"]).count(),
    })


@require_POST
@scope_required(province_staff)
def expert_vet(request, pk, scope):
    expert = _expert_or_404(scope, pk)
    form = VetForm(request.POST)
    if form.is_valid():
        services.vet_expert(expert, request.user, form.cleaned_data["valid_until"])
        messages.success(request, _("Screening van %(name)s vastgelegd.") % {"name": expert.name})
    else:
        messages.error(request, " ".join(form.errors["valid_until"]))
    return redirect(expert)


@require_POST
@scope_required(province_staff)
def team_create(request, scope):
    form = TeamForm(request.POST)
    if form.is_valid():
        outcome = submissions.submit_once(form.submission_token, lambda: services.save_with_m2m(
            form, province=_province(scope)), lambda _team: reverse("helpdesk:expert_list"))
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        team = outcome.result
        messages.success(request, _("Team %(name)s is toegevoegd.") % {"name": team.name})
    else:
        messages.error(request, _("Geef het team een naam."))
    return redirect("helpdesk:expert_list")


# --- routing ---------------------------------------------------------------------------------------
@require_safe
@scope_required(province_staff)
def routing_list(request, scope):
    province = _province(scope)
    rules = RoutingRule.objects.filter(province=province).select_related("category", "municipality", "team",
                                                                         "expert")
    return render(request, "helpdesk/routing_list.html", {"rules": rules, "province": province})


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def routing_create(request, scope):
    return _routing_form(request, scope, None)


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def routing_edit(request, pk, scope):
    province = _province(scope)
    return _routing_form(request, scope, get_object_or_404(RoutingRule, pk=pk, province=province))


def _routing_form(request, scope, rule):
    province = _province(scope)
    form = RoutingRuleForm(request.POST or None, instance=rule, province=province)
    if request.method == "POST" and form.is_valid():
        outcome = submissions.submit_once(form.submission_token if rule is None else "", lambda: services.save_with_m2m(
            form, province=province), lambda _rule: reverse("helpdesk:routing_list"))
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        messages.success(request, _("De routeringsregel is opgeslagen."))
        return redirect("helpdesk:routing_list")
    if request.method == "POST":
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    return render(request, "helpdesk/routing_form.html", {"form": form, "rule": rule},
                  status=400 if form.errors else 200)


@require_POST
@scope_required(province_staff)
def routing_delete(request, pk, scope):
    rule = get_object_or_404(RoutingRule, pk=pk, province=_province(scope))
    services.delete_rule(rule)
    messages.success(request, _("De routeringsregel is verwijderd."))
    return redirect("helpdesk:routing_list")


# --- categories ------------------------------------------------------------------------------------
# The tree is shared by every province (the dashboard compares across them), so only the national
# administrators change it; each province's administrators set their own terms per category (ADR 0040).
def national_admin(scope) -> bool:
    return scope.superuser


def province_admin(scope) -> bool:
    return scope.is_province_admin


def _admin_province(scope):
    return _province(scope, scope.admin_province_ids)


@require_safe
@scope_required(province_staff)
def category_list(request, scope):
    province = _province(scope)
    own = {level.category_id: level for level in ServiceLevel.objects.filter(province=province)}

    def row(category):
        return {"category": category, "level": own.get(category.pk, category), "own": category.pk in own}

    return render(request, "helpdesk/category_list.html", {
        "province": province, "can_manage_tree": scope.superuser,
        "can_set_levels": scope.superuser or province.pk in scope.admin_province_ids,
        "tree": [(row(root), [row(child) for child in root.children.all()])
                 for root in Category.objects.filter(parent__isnull=True).prefetch_related("children")]})


@require_http_methods(["GET", "POST"])
@scope_required(national_admin)
def category_create(request, scope):
    return _category_form(request, None)


@require_http_methods(["GET", "POST"])
@scope_required(national_admin)
def category_edit(request, pk, scope):
    return _category_form(request, get_object_or_404(Category, pk=pk))


def _category_form(request, category):
    form = CategoryForm(request.POST or None, instance=category)
    if category is None and (again := submissions.posted_before(request, form)):
        return again
    if request.method == "POST" and form.is_valid():
        outcome = submissions.submit_once(form.submission_token if category is None else "",
                                          lambda: services.save_with_m2m(form),
                                          lambda _category: reverse("helpdesk:category_list"))
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        messages.success(request, _("De categorie is opgeslagen."))
        return redirect("helpdesk:category_list")
    if request.method == "POST":
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    return render(request, "helpdesk/category_form.html", {"form": form, "category": category},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@scope_required(province_admin)
def service_level_edit(request, pk, scope):
    """One province's own terms for a category; "standaard" returns to the national default."""
    category = get_object_or_404(Category, pk=pk)
    province = _admin_province(scope)
    level = ServiceLevel.objects.filter(province=province, category=category).first()
    if request.method == "POST" and "standaard" in request.POST:
        services.reset_service_level(province, category)
        messages.success(request, _("De landelijke standaardtermijn geldt weer."))
        return redirect("helpdesk:category_list")
    form = ServiceLevelForm(request.POST or None, instance=level or ServiceLevel(
        province=province, category=category, first_response_days=category.first_response_days,
        resolution_days=category.resolution_days, day_kind=category.day_kind))
    if request.method == "POST" and form.is_valid():
        services.save_with_m2m(form)
        messages.success(request, _("De termijn is opgeslagen; hij geldt voor nieuwe vragen."))
        return redirect("helpdesk:category_list")
    if request.method == "POST":
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    return render(request, "helpdesk/service_level_form.html", {
        "form": form, "category": category, "province": province, "own": level is not None},
        status=400 if form.errors else 200)


# --- peers and preferences -------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def peer_profile(request, code, scope):
    place = get_object_or_404(Place, code=code)
    if place.pk not in scope.place_ids:
        raise Http404
    profile = PeerProfile.objects.filter(place=place).first() or PeerProfile(place=place)
    form = PeerProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.save_with_m2m(form)
        messages.success(request, _("Uw keuzes voor kennisdelen zijn opgeslagen."))
        return redirect("helpdesk:peer_profile", code=place.code)
    return render(request, "helpdesk/peer_profile.html", {"form": form, "place": place},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def preferences(request, scope):
    current = NotificationPreference.objects.filter(user=request.user).first()
    form = PreferenceForm(request.POST or None, initial={"delivery": current.delivery if current else "immediate"})
    if request.method == "POST" and form.is_valid():
        services.set_preference(request.user, form.cleaned_data["delivery"])
        messages.success(request, _("Uw keuze voor meldingen is opgeslagen."))
        return redirect("helpdesk:preferences")
    return render(request, "helpdesk/preferences.html", {"form": form}, status=400 if form.errors else 200)
