"""The funding-schemes catalogue: province staff keep it; each place sees the schemes that fit it."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.accounts.decorators import any_role, province_staff, scope_required
from ontmoet.core import submissions
from ontmoet.core.exports import xlsx_response
from ontmoet.places import selectors as place_selectors
from ontmoet.places.choices import Kind, LegalForm
from ontmoet.regions.models import Province

from .. import selectors
from ..forms import SchemeForm
from ..models import FundingScheme
from ..services import schemes as services
from .common import form_error_message, status_for


@require_safe
@scope_required(any_role)
def scheme_list(request, scope):
    schemes = selectors.visible_schemes(scope, request.user).order_by("deadline", "name")
    return render(request, "network/schemes/list.html", {
        "schemes": schemes, "can_edit": scope.is_province_staff,
        "own_places": place_selectors.visible_places(scope).filter(pk__in=scope.place_ids)})


@require_safe
@scope_required(any_role)
def scheme_detail(request, pk, scope):
    scheme = get_object_or_404(selectors.visible_schemes(scope, request.user), pk=pk)
    kinds = dict(Kind.choices)
    forms_ = dict(LegalForm.choices)
    return render(request, "network/schemes/detail.html", {
        "scheme": scheme, "can_edit": scope.superuser or scheme.province_id in scope.province_ids,
        "kinds": [kinds.get(k, k) for k in scheme.place_kinds], "legal_forms": [forms_.get(f, f)
                                                                               for f in scheme.legal_forms]})


def _province_for_new(scope):
    province = Province.objects.filter(pk__in=scope.province_ids).order_by("pk").first()
    if province is None and scope.superuser:
        province = Province.objects.order_by("pk").first()
    return province


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def scheme_create(request, scope):
    province = _province_for_new(scope)
    form = SchemeForm(request.POST or None, province=province)
    if request.method == "POST":
        if form.is_valid():
            outcome = submissions.submit_once(form.submission_token, lambda: services.save_scheme(form, province),
                                              lambda scheme: scheme.get_absolute_url())
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            scheme = outcome.result
            messages.success(request, _("%(name)s is toegevoegd aan de catalogus.") % {"name": scheme.name})
            return redirect(scheme)
        form_error_message(request)
    return render(request, "network/schemes/form.html", {"form": form, "scheme": None}, status=status_for(form))


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def scheme_edit(request, pk, scope):
    scheme = get_object_or_404(FundingScheme.objects.filter(
        **({} if scope.superuser else {"province_id__in": scope.province_ids})), pk=pk)
    form = SchemeForm(request.POST or None, instance=scheme, province=scheme.province)
    if request.method == "POST":
        if form.is_valid():
            services.save_scheme(form, scheme.province)
            messages.success(request, _("De regeling is opgeslagen."))
            return redirect(scheme)
        form_error_message(request)
    return render(request, "network/schemes/form.html", {"form": form, "scheme": scheme}, status=status_for(form))


@require_safe
@scope_required(province_staff)
def scheme_export(request, scope):
    header = [_("Naam"), _("Verstrekker"), _("Waarvoor"), _("Bedrag vanaf"), _("Bedrag tot en met"),
              _("Deadline"), _("Link"), _("Soorten plekken"), _("Rechtsvormen"), _("Actief"), _("Voorbeeld")]
    schemes = selectors.visible_schemes(scope, request.user)
    rows = [[s.name, s.provider, s.purpose, s.amount_min, s.amount_max, s.deadline, s.link, ", ".join(s.place_kinds),
             ", ".join(s.legal_forms), s.is_active, s.is_example] for s in schemes]
    return xlsx_response(f"regelingen-{timezone.localdate():%Y-%m-%d}.xlsx", _("Regelingen"), header, rows)


@require_safe
@scope_required(any_role)
def place_schemes(request, code, scope):
    place = place_selectors.place_detail(scope, code)
    if place is None:
        raise Http404
    fitting = selectors.schemes_for_place(place)
    return render(request, "network/schemes/place.html", {
        "place": place, "schemes": fitting, "deadlines": selectors.upcoming_deadlines(fitting)})
