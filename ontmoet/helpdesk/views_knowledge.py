"""The knowledge base: public and members-only articles, search, and suggestions while typing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import scope_required
from ontmoet.core import submissions
from ontmoet.core.markdown import render_safe_markdown
from ontmoet.core.textinput import suggestion_text

from . import selectors, services
from .forms import ArticleForm, ArticleSearchForm
from .models import ArticleStatus
from .workflows import TransitionError


def _viewer(request):
    return selectors.viewer_for(request.user) if request.user.is_authenticated else None


def _article_or_404(request, pk):
    article = selectors.visible_articles(_viewer(request)).select_related("category").filter(pk=pk).first()
    if article is None:
        raise Http404
    return article


def _editable_or_403(request, pk):
    """An article this user may change: one of their own province's (others' are read-only: 403)."""
    article = _article_or_404(request, pk)
    if not selectors.can_edit_article(_viewer(request), article):
        raise PermissionDenied
    return article


def may_edit(scope) -> bool:
    return scope.is_province_staff or "expert" in scope.roles


@require_safe
def article_list(request):
    viewer = _viewer(request)
    form = ArticleSearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    articles = selectors.search_articles(selectors.visible_articles(viewer), data.get("q", ""),
                                         data.get("category"), request.GET.get("trefwoord", "")[:50])
    status = request.GET.get("status", "")
    if viewer and selectors.can_edit_articles(viewer) and status in ArticleStatus.values:
        articles = articles.filter(status=status)
    # search_articles orders: best match first for a query, newest first without one.
    page = Paginator(articles.select_related("category"), 20).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "helpdesk/article_list.html", {
        "form": form, "page": page, "query": query.urlencode(),
        "can_edit": viewer is not None and selectors.can_edit_articles(viewer),
    })


@require_safe
def article_detail(request, pk):
    article = _article_or_404(request, pk)
    if article.status == ArticleStatus.PUBLISHED:
        services.count_view(article)
    viewer = _viewer(request)
    can_edit = viewer is not None and selectors.can_edit_article(viewer, article)
    sources = []
    if can_edit:
        sources = selectors.visible_questions(viewer).filter(articles=article)
    return render(request, "helpdesk/article_detail.html", {
        "article": article, "body": render_safe_markdown(article.body), "can_edit": can_edit, "sources": sources,
        "tags": article.tags.all(),
        "history": article.status_changes.select_related("by") if can_edit else [],
    })


@require_safe
def suggestions(request):
    """HTMX: articles that match what is being typed (title and description of a new question)."""
    text = suggestion_text(request.GET)
    viewer = _viewer(request)
    category = selectors.active_category(request.GET.get("category"))
    return render(request, "helpdesk/includes/suggestions.html", {
        "suggestions": selectors.suggest_articles(viewer, text, category=category),
        "open_questions": selectors.open_questions_alike(viewer, text, category),
    })


@require_http_methods(["GET", "POST"])
@scope_required(may_edit)
def article_create(request, scope):
    return _article_form(request, None)


@require_http_methods(["GET", "POST"])
@scope_required(may_edit)
def article_edit(request, pk, scope):
    return _article_form(request, _editable_or_403(request, pk))


def _article_form(request, article):
    viewer = _viewer(request)
    form = ArticleForm(request.POST or None, instance=article, provinces=selectors.article_provinces(viewer))
    if request.method == "POST" and form.is_valid():
        # A new draft posted twice is one draft. Edits are not held to their token: the back button
        # brings back a form with its old token, and a second edit made on it must not be dropped.
        token = form.submission_token if article is None else ""
        outcome = submissions.submit_once(token, lambda: services.save_article(
            form.save(commit=False), form.cleaned_data["tags_text"], request.user),
            lambda saved: saved.get_absolute_url())
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        article = outcome.result
        messages.success(request, _("Het artikel is opgeslagen."))
        return redirect(article)
    if request.method == "POST":
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    same_subject = []
    if article is not None and article.status == ArticleStatus.DRAFT:
        same_subject = selectors.published_on_same_subject(f"{article.title} {article.summary}", article.category,
                                                           exclude=article)
    return render(request, "helpdesk/article_form.html", {"form": form, "article": article,
                                                          "same_subject": same_subject},
                  status=400 if form.errors else 200)


@require_POST
@scope_required(may_edit)
def article_status(request, pk, scope):
    article = _editable_or_403(request, pk)
    try:
        services.set_article_status(article, request.POST.get("to_status", ""), request.user)
    except (TransitionError, ValueError):
        messages.error(request, _("Deze statuswijziging kan niet."))
        return redirect(article)
    messages.success(request, _("Het artikel is nu: %(status)s.") % {"status": article.get_status_display()})
    return redirect(article)
