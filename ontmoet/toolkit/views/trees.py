"""Decision trees: the list, walking one for an initiative, and editing one (province staff)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.accounts.decorators import any_role, province_staff, scope_required

from .. import decision_trees, forms, selectors, services
from .common import _initiative, _status


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
    if request.method == "GET" and request.GET.get("antwoord", "").isdecimal():
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
    if request.GET.get("versie", "").isdecimal():  # an older version loaded into the editor, to restore or reuse
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
