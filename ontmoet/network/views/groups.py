"""The learning network for municipal officers: yearly themes, its own events, documents, discussion."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.accounts.decorators import officer, province_staff, scope_required
from ontmoet.core import submissions
from ontmoet.core.markdown import render_safe_markdown
from ontmoet.core.uploads import attachment_response

from .. import selectors
from ..forms import GroupDocumentForm, PostForm, ThemeForm
from ..models import GroupDocument, Theme
from ..services import learning as services
from .common import form_error_message, status_for


def _group_or_404(scope, pk):
    return get_object_or_404(selectors.visible_groups(scope), pk=pk)


@require_safe
@scope_required(officer)
def group_list(request, scope):
    groups = list(selectors.visible_groups(scope))
    if len(groups) == 1:
        return redirect(groups[0])
    return render(request, "network/groups/list.html", {"groups": groups})


@require_safe
@scope_required(officer)
def group_detail(request, pk, scope):
    group = _group_or_404(scope, pk)
    return render(request, "network/groups/detail.html", {
        "group": group, "themes": group.themes.all(), "current_year": timezone.localdate().year,
        "events": group.events.filter(ends_at__gte=timezone.now(), is_published=True).order_by("starts_at"),
        "documents": group.documents.select_related("theme", "uploaded_by")[:50],
        "can_manage": scope.superuser or group.province_id in scope.province_ids})


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def theme_add(request, pk, scope):
    group = _group_or_404(scope, pk)
    if not (scope.superuser or group.province_id in scope.province_ids):
        raise Http404
    form = ThemeForm(request.POST or None, initial={"year": timezone.localdate().year})
    # A repeat would be refused as "already chosen for this year": send it to the theme the first post made.
    if again := submissions.posted_before(request, form):
        return again
    if request.method == "POST":
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in ("year", "title", "description")}
            try:
                outcome = submissions.submit_once(form.submission_token, lambda: services.add_theme(group, **data),
                                                  lambda theme: theme.get_absolute_url())
            except services.EnrolmentError as error:
                form.add_error("year", str(error))
            else:
                if outcome.repeated:
                    return submissions.repeated(request, outcome)
                messages.success(request, _("Het jaarthema is vastgelegd."))
                return redirect(outcome.url)
        form_error_message(request)
    return render(request, "network/groups/form.html", {"form": form, "group": group,
                                                         "title": _("Jaarthema kiezen")}, status=status_for(form))


@require_http_methods(["GET", "POST"])
@scope_required(officer)
def theme_detail(request, pk, scope):
    theme = get_object_or_404(Theme.objects.select_related("group").filter(group__in=selectors.visible_groups(scope)),
                              pk=pk)
    form = PostForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            outcome = submissions.submit_once(form.submission_token, lambda: services.add_post(
                theme, request.user, form.cleaned_data["body"]), lambda _post: theme.get_absolute_url())
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            messages.success(request, _("Uw bericht is geplaatst."))
            return redirect(theme)
        form_error_message(request)
    posts = [(post, render_safe_markdown(post.body)) for post in theme.posts.select_related("author")]
    return render(request, "network/groups/theme.html", {
        "theme": theme, "group": theme.group, "posts": posts, "form": form,
        "documents": theme.documents.all(), "description": render_safe_markdown(theme.description)},
        status=status_for(form))


@require_http_methods(["GET", "POST"])
@scope_required(officer)
def document_upload(request, pk, scope):
    group = _group_or_404(scope, pk)
    form = GroupDocumentForm(request.POST or None, request.FILES or None, group=group)
    if request.method == "POST":
        if form.is_valid():
            outcome = submissions.submit_once(form.submission_token, lambda: services.add_document(
                form, group, request.user), lambda _document: group.get_absolute_url())
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            messages.success(request, _("Het document is gedeeld met het netwerk."))
            return redirect(group)
        form_error_message(request)
    return render(request, "network/groups/form.html", {"form": form, "group": group, "multipart": True,
                                                         "title": _("Document delen")}, status=status_for(form))


@require_safe
@scope_required(officer)
def document_download(request, pk, scope):
    document = get_object_or_404(GroupDocument.objects.filter(group__in=selectors.visible_groups(scope)), pk=pk)
    extension = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg"}.get(document.file_kind, "")
    return attachment_response(document.file, f"{document.title}{extension}", document.file_kind)
