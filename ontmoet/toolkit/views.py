"""Pages of the toolkit. Every tool reads the initiative through the user's scope; only the owner and
accepted partners change it (others in scope read it); out of scope is 404."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import any_role, province_staff, scope_required
from ontmoet.core.charts import vertical_bars
from ontmoet.core.exports import xlsx_response
from ontmoet.core.pdf import pdf_response, render_pdf

from . import budget as budget_calc
from . import content, decision_trees, forms, selectors, services
from .models import Budget, DesignChecklist, Partner, Quickscan, SocialManagement, TypologyAdvice

ERROR = _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn.")


def _initiative(request, scope, pk, *, edit=False):
    initiative = selectors.get_initiative(request.user, scope, pk)
    if initiative is None:
        raise Http404
    initiative.can_edit = selectors.can_edit(request.user, initiative)
    if edit and request.method == "POST" and not initiative.can_edit:
        raise PermissionDenied(_("U kunt dit initiatief lezen, maar niet wijzigen."))
    return initiative


def _status(*forms_):
    return 400 if any(f.errors for f in forms_ if f is not None) else 200


# -- Initiatives -------------------------------------------------------------------------------
@require_safe
@scope_required(any_role)
def initiative_list(request, scope):
    initiatives = selectors.visible_initiatives(request.user, scope)
    return render(request, "toolkit/list.html", {"initiatives": initiatives})


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def initiative_create(request, scope):
    form = forms.InitiativeForm(request.POST or None, scope=scope)
    if request.method == "POST" and form.is_valid():
        initiative = services.create_initiative(form.save(commit=False), request.user)
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
    return render(request, "toolkit/detail.html", {
        "initiative": initiative, "progress": _progress(initiative),
        "partners": initiative.partners.select_related("user"), "walks": initiative.tree_walks.all()[:10],
        "events": initiative.events.select_related("actor")[:15], "trees": _tree_list(),
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
            partner = services.invite_partner(initiative, form.cleaned_data["email"],
                                              form.cleaned_data["organisation"], request.user)
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

    if partner.accepted_at or get_user_model().objects.filter(email__iexact=partner.email).exists():
        return redirect_to_login(request.get_full_path())
    form = forms.PartnerAccountForm(request.POST or None, email=partner.email)
    if request.method == "POST" and form.is_valid():
        user = services.create_partner_account(partner, form.cleaned_data["first_name"],
                                               form.cleaned_data["last_name"], form.cleaned_data["password"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Uw account is aangemaakt. U werkt nu mee aan %(name)s.")
                         % {"name": partner.initiative.name})
        return redirect(partner.initiative)
    if request.method == "POST":
        messages.error(request, ERROR)
    return render(request, "toolkit/accept.html", {"partner": partner, "form": form}, status=_status(form))


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
            services.save_quickscan(quickscan, request.user, submit=submitting)
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
            record.ingredients_done = [i for i in request.POST.getlist("ingredient") if i.isdigit()]
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


# -- Budget ------------------------------------------------------------------------------------
def _balance_chart(projection):
    return vertical_bars([str(y) for y in projection.years], [float(v) for v in projection.balance],
                         alt=_("Saldo per jaar in euro's: %(values)s") % {"values": "; ".join(
                             f"{y}: {budget_calc.euro(v)}" for y, v in zip(projection.years, projection.balance,
                                                                              strict=True))},
                         unit="€")


def _budget_context(initiative, budget, *, chart=False):
    """Everything the budget page and the PDF show. The web page loads the chart as a separate image
    (toolkit:budget_chart), so matplotlib's ~100 ms do not count against the page; the PDF embeds it."""
    lines = list(budget.lines.all()) if budget.pk else []
    projection = budget_calc.project(budget, lines)
    per_hour, per_visitor = budget_calc.cost_per_unit(budget, projection)
    return {"projection": projection, "per_hour": per_hour, "per_visitor": per_visitor,
            "social_return": budget_calc.social_return(budget, projection),
            "chart": _balance_chart(projection) if chart and lines else None,
            "chart_alt": _("Saldo per jaar in euro's: %(values)s") % {"values": "; ".join(
                f"{y}: {budget_calc.euro(v)}" for y, v in zip(projection.years, projection.balance, strict=True))},
            "shortfalls": [(y, -v) for y, v in zip(projection.years, projection.balance, strict=True) if v < 0],
            "comparison": selectors.similar_places(initiative), "sources": content.sources_for(initiative.typology),
            "has_budget": bool(budget.pk)}


@require_safe
@scope_required(any_role)
def budget_chart(request, pk, scope):
    initiative = _initiative(request, scope, pk)
    instance = get_object_or_404(Budget, initiative=initiative)
    chart = _balance_chart(budget_calc.project(instance, list(instance.lines.all())))
    response = HttpResponse(chart.svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=0"
    return response


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def budget(request, pk, scope):
    from django.utils import timezone

    initiative = _initiative(request, scope, pk, edit=True)
    instance = Budget.objects.filter(initiative=initiative).first() or Budget(
        initiative=initiative, start_year=timezone.localdate().year + 1)
    form = forms.BudgetForm(request.POST or None, instance=instance)
    lines = forms.BudgetLineFormSet(request.POST or None, instance=instance, prefix="regel")
    if request.method == "POST":
        if form.is_valid() and lines.is_valid():
            with transaction.atomic():
                saved = services.save_tool(form.save(commit=False), request.user, _("begroting opgeslagen"))
                lines.instance = saved
                lines.save()
            messages.success(request, _("De begroting is opgeslagen."))
            return redirect("toolkit:budget", pk=initiative.pk)
        messages.error(request, ERROR)
    return render(request, "toolkit/budget.html", {
        "initiative": initiative, "form": form, "lines": lines, **_budget_context(initiative, instance)},
        status=_status(form, lines) if request.method == "POST" else 200)


@require_safe
@scope_required(any_role)
def budget_xlsx(request, pk, scope):
    initiative = _initiative(request, scope, pk)
    instance = get_object_or_404(Budget, initiative=initiative)
    projection = budget_calc.project(instance, list(instance.lines.all()))
    header = [_("Soort"), _("Categorie"), _("Omschrijving")] + [str(y) for y in projection.years]
    rows = [[_("Kosten"), str(p.category_label), p.line.label, *p.amounts] for p in projection.costs]
    rows += [[_("Inkomsten"), str(p.category_label), p.line.label, *p.amounts] for p in projection.incomes]
    rows += [["", "", _("Totaal kosten"), *projection.total_costs], ["", "", _("Totaal inkomsten"),
                                                                     *projection.total_incomes],
             ["", "", _("Saldo"), *projection.balance]]
    return xlsx_response(f"begroting-{initiative.pk}.xlsx", _("Begroting"), header, rows)


# -- Decision trees ----------------------------------------------------------------------------
def _tree_list():
    items = []
    for slug in decision_trees.TREE_SLUGS:
        tree, _version = selectors.current_tree(slug)
        if tree is not None:
            items.append(tree)
    return items


@require_safe
@scope_required(any_role)
def tree_list(request, scope):
    return render(request, "toolkit/trees.html", {"trees": _tree_list(), "can_edit": scope.is_province_staff})


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def tree_walk(request, pk, slug, scope):
    initiative = _initiative(request, scope, pk, edit=True)
    if slug not in decision_trees.TREE_SLUGS:
        raise Http404
    tree, version = selectors.current_tree(slug)
    if tree is None:
        raise Http404
    source = request.POST if request.method == "POST" else request.GET
    path = decision_trees.parse_path(source.get("pad", ""))
    if request.method == "GET" and request.GET.get("antwoord", "").isdigit():
        path.append(int(request.GET["antwoord"]))
        walked = decision_trees.walk(tree, path)
        return redirect(f"{request.path}?pad={walked.path_param()}")
    walked = decision_trees.walk(tree, path)
    if request.method == "POST":
        if not walked.finished:
            raise Http404
        services.save_tree_walk(initiative, tree, version, walked, request.user)
        messages.success(request, _("De uitkomst is opgeslagen bij het initiatief."))
        return redirect(initiative)
    return render(request, "toolkit/walk.html", {"initiative": initiative, "tree": tree, "walk": walked})


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def tree_edit(request, slug, scope):
    if slug not in decision_trees.TREE_SLUGS:
        raise Http404
    latest = selectors.latest_tree_version(slug)
    current_text = latest.text if latest else decision_trees.shipped_text(slug)
    loaded = None
    if request.GET.get("versie", "").isdigit():  # an older version loaded into the editor, to restore or reuse
        loaded = selectors.tree_history(slug).filter(number=int(request.GET["versie"])).first()
        if loaded is None:
            raise Http404
        current_text = loaded.text
    if request.method == "POST" and "standaard" in request.POST:
        form = forms.TreeEditForm({"text": decision_trees.shipped_text(slug), "note": _("standaardversie hersteld")},
                                  slug=slug)
    else:
        form = forms.TreeEditForm(request.POST or None, initial={"text": current_text}, slug=slug)
    if request.method == "POST":
        if form.is_valid():
            version = services.save_tree_version(slug, form.cleaned_data["text"], form.cleaned_data["note"],
                                                 request.user)
            messages.success(request, _("Versie %(number)s is opgeslagen en in gebruik.") % {"number": version.number})
            return redirect("toolkit:tree_edit", slug=slug)
        messages.error(request, _("Niet opgeslagen: de beslisboom bevat fouten. Uw tekst staat hieronder nog."))
    return render(request, "toolkit/tree_edit.html", {
        "slug": slug, "form": form, "history": selectors.tree_history(slug)[:20], "latest": latest,
        "loaded": loaded},
        status=_status(form))


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
