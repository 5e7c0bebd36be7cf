"""Pages for asking and handling questions. Reads through selectors, writes through services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import any_role, scope_required
from ontmoet.core import documents, submissions
from ontmoet.core.exports import XLSX_CONTENT_TYPE
from ontmoet.core.textinput import suggestion_text
from ontmoet.core.uploads import attachment_response
from ontmoet.places.models import Place

from . import peers, selectors, services
from .forms import (
    AssignForm,
    MessageForm,
    PeerContactForm,
    QuestionFilterForm,
    QuestionForm,
    RatingForm,
    ReopenForm,
    TransitionForm,
    places_for_staff,
)
from .models import Attachment, Channel, Status
from .workflows import ACTION_LABELS, HANDLER, PLACE, TransitionError, next_statuses


def uses_helpdesk(scope) -> bool:
    return (scope.is_province_staff or scope.is_municipal_officer or scope.is_board_member
            or "expert" in scope.roles)


def may_ask(scope) -> bool:
    return scope.is_province_staff or scope.is_board_member


def _question_or_404(request, pk):
    viewer = selectors.viewer_for(request.user)
    found = selectors.get_question(viewer, pk)
    if found is None:
        raise Http404
    return viewer, found[0], found[1]


@require_safe
@scope_required(uses_helpdesk)
def question_list(request, scope):
    viewer = selectors.viewer_for(request.user)
    form = QuestionFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    questions = selectors.filter_questions(
        selectors.visible_questions(viewer).select_related("place", "category", "expert", "team"),
        status=data.get("status", ""), category=data.get("category"), listing=data.get("lijst", ""),
        query=data.get("q", ""), expert=viewer.expert)
    # An expert's own questions come oldest deadline first: that is the order to answer them in.
    order = ((F("resolution_due").asc(nulls_last=True), "created_at", "pk")
             if data.get("lijst") == selectors.ASSIGNED else ("-created_at", "-pk"))
    page = Paginator(questions.order_by(*order), 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "helpdesk/question_list.html", {
        "form": form, "page": page, "query": query.urlencode(), "counts": selectors.counts_for(viewer),
        "may_ask": may_ask(scope), "viewer": viewer,
    })


@require_safe
@scope_required(uses_helpdesk)
def question_export(request, scope):
    """Made by the worker (helpdesk.documents); this URL leads to the document's progress page."""
    query = request.GET.urlencode()
    document = documents.start(
        request.user, maker="ontmoet.helpdesk.documents.questions_xlsx_document", params={"query": query},
        title=_("Vragen van het meldpunt (spreadsheet)"), content_type=XLSX_CONTENT_TYPE,
        filename=f"meldpunt-vragen-{timezone.localdate():%Y-%m-%d}.xlsx",
        back_url=reverse("helpdesk:question_list") + (f"?{query}" if query else ""))
    return redirect("core:document", pk=document.pk)


@require_http_methods(["GET", "POST"])
@scope_required(may_ask)
def question_create(request, scope):
    staff = scope.is_province_staff
    places = places_for_staff(scope) if staff else Place.objects.filter(pk__in=scope.place_ids).order_by("name")
    form = QuestionForm(request.POST or None, request.FILES or None, places=places, staff=staff)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        place = data.get("place") or places.first()
        outcome = submissions.submit_once(form.submission_token, lambda: services.create_question(
            place=place, category=data["category"], title=data["title"], description=data["description"],
            urgency=data["urgency"], files=data["files"], asked_by=request.user,
            registered_by=request.user if staff and data.get("channel") else None,
            channel=data.get("channel") or Channel.WEB), lambda question: question.get_absolute_url())
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        question = outcome.result
        messages.success(request, _("Uw vraag is verstuurd (nummer %(pk)s). U krijgt bericht zodra er een "
                                    "reactie is.") % {"pk": question.pk})
        return redirect(question)
    if request.method == "POST":
        messages.error(request, _("Niet verstuurd: verbeter de velden die rood gemarkeerd zijn."))
    viewer = selectors.viewer_for(request.user)
    text = suggestion_text(request.POST)
    category = selectors.active_category(request.POST.get("category"))
    return render(request, "helpdesk/question_form.html", {
        "form": form, "staff": staff, "suggestions": selectors.suggest_articles(viewer, text, category=category),
        "open_questions": selectors.open_questions_alike(viewer, text, category),
    }, status=400 if form.errors else 200)


def _detail_context(request, viewer, question, role, **forms):
    handler = role == HANDLER
    context = {
        "question": question, "role": role, "is_handler": handler, "is_place": role == PLACE,
        "conversation": selectors.conversation(question, role),
        "attachments": selectors.attachments(question, role).filter(message__isnull=True),
        "history": question.status_changes.select_related("by"),
        "assignments": question.assignments.select_related("expert", "team", "by") if handler else [],
        "articles": question.articles.all() if handler else question.articles.filter(status="published"),
        "finished": question.status in services.FINISHED,
    }
    if role in (HANDLER, PLACE) and not context["finished"]:
        context["message_form"] = forms.get("message_form") or MessageForm(handler=handler)
    if handler:
        statuses = next_statuses(question.status, HANDLER)
        context["moves"] = [(status, ACTION_LABELS[status]) for status in statuses]
        context["can_resolve"] = Status.RESOLVED in statuses
        context["can_duplicate"] = Status.DUPLICATE in statuses
        context["transition_form"] = forms.get("transition_form") or TransitionForm()
        if question.status in (Status.RESOLVED, Status.CLOSED):  # before "Maak hier een kennisbankartikel van"
            context["same_subject"] = selectors.published_on_same_subject(
                f"{question.title} {question.solution_summary}", question.category)
        if viewer.scope.is_province_staff and not context["finished"]:
            context["assign_form"] = forms.get("assign_form") or AssignForm(
                province_id=question.place.municipality.province_id)
    if role == PLACE:
        rating = getattr(question, "rating", None)
        context["rating"] = rating
        if rating is None and question.status in (Status.RESOLVED, Status.CLOSED):
            context["rating_form"] = forms.get("rating_form") or RatingForm()
        if services.may_request_reopening(question):
            context["reopen_form"] = forms.get("reopen_form") or ReopenForm()
        if question.status == Status.RESOLVED:
            context["may_close"] = True
    else:
        context["rating"] = getattr(question, "rating", None)
    return context


@require_safe
@scope_required(any_role)
def question_detail(request, pk, scope):
    viewer, question, role = _question_or_404(request, pk)
    return render(request, "helpdesk/question_detail.html", _detail_context(request, viewer, question, role))


def _rerender(request, viewer, question, role, **forms):
    messages.error(request, _("Niet opgeslagen: verbeter wat hieronder rood gemarkeerd is."))
    return render(request, "helpdesk/question_detail.html",
                  _detail_context(request, viewer, question, role, **forms), status=400)


@require_POST
@scope_required(any_role)
def question_message(request, pk, scope):
    viewer, question, role = _question_or_404(request, pk)
    if role not in (HANDLER, PLACE):
        raise PermissionDenied
    form = MessageForm(request.POST, request.FILES, handler=role == HANDLER)
    if not form.is_valid():
        return _rerender(request, viewer, question, role, message_form=form)
    try:
        outcome = submissions.submit_once(form.submission_token, lambda: services.post_message(
            question, request.user, form.cleaned_data["body"], role, internal=form.cleaned_data.get("internal", False),
            files=form.cleaned_data["files"]), lambda _message: question.get_absolute_url())
    except (TransitionError, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect(question)
    if outcome.repeated:
        return submissions.repeated(request, outcome)
    messages.success(request, _("Uw bericht is geplaatst."))
    return redirect(question)


@require_POST
@scope_required(any_role)
def question_transition(request, pk, scope):
    viewer, question, role = _question_or_404(request, pk)
    form = TransitionForm(request.POST)
    if role not in (HANDLER, PLACE):
        raise PermissionDenied
    if not form.is_valid():
        return _rerender(request, viewer, question, role, transition_form=form)
    data = form.cleaned_data
    original = None
    if data.get("original"):
        found = selectors.get_question(viewer, data["original"])
        original = found[0] if found else None
    # The place may only close a resolved question itself; everything else is for handlers.
    if role == PLACE and data["to_status"] != Status.CLOSED:
        raise PermissionDenied
    try:
        services.transition(question, data["to_status"], request.user, role, reason=data["reason"],
                            summary=data["summary"], tags=data["tags"], original=original)
    except TransitionError as error:
        if role == PLACE:  # the place has no status form on the page: say it at the top
            messages.error(request, str(error))
            return redirect(question)
        form.add_error(None, str(error))
        return _rerender(request, viewer, question, role, transition_form=form)
    messages.success(request, _("De status is nu: %(status)s.") % {"status": Status(data["to_status"]).label})
    return redirect(question)


@require_POST
@scope_required(any_role)
def question_assign(request, pk, scope):
    viewer, question, role = _question_or_404(request, pk)
    if not (role == HANDLER and scope.is_province_staff):
        raise PermissionDenied
    form = AssignForm(request.POST, province_id=question.place.municipality.province_id)
    if not form.is_valid():
        return _rerender(request, viewer, question, role, assign_form=form)
    try:
        services.assign(question, expert=form.cleaned_data["expert"], team=form.cleaned_data["team"],
                        by=request.user, reason=form.cleaned_data["reason"])
    except TransitionError as error:
        messages.error(request, str(error))
        return redirect(question)
    messages.success(request, _("De vraag is toegewezen."))
    return redirect(question)


@require_POST
@scope_required(any_role)
def question_rate(request, pk, scope):
    viewer, question, role = _question_or_404(request, pk)
    if role != PLACE:
        raise PermissionDenied
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _rerender(request, viewer, question, role, rating_form=form)
    try:
        services.rate(question, request.user, **form.cleaned_data)
    except TransitionError as error:
        messages.error(request, str(error))
        return redirect(question)
    messages.success(request, _("Dank u wel voor uw beoordeling."))
    return redirect(question)


@require_POST
@scope_required(any_role)
def question_reopen(request, pk, scope):
    viewer, question, role = _question_or_404(request, pk)
    if role != PLACE:
        raise PermissionDenied
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return _rerender(request, viewer, question, role, reopen_form=form)
    try:
        services.request_reopening(question, request.user, form.cleaned_data["reason"])
    except TransitionError as error:
        messages.error(request, str(error))
        return redirect(question)
    messages.success(request, _("De vraag is heropend. De behandelaar krijgt bericht."))
    return redirect(question)


@require_POST
@scope_required(any_role)
def question_to_article(request, pk, scope):
    viewer, question, role = _question_or_404(request, pk)
    if role != HANDLER:
        raise PermissionDenied
    try:
        article = services.question_to_article(question, request.user)
    except TransitionError as error:
        messages.error(request, str(error))
        return redirect(question)
    messages.success(request, _("Conceptartikel gemaakt uit de vraag, het advies en de oplossing, zonder gegevens "
                                "van de plek. Controleer het en publiceer."))
    return redirect("helpdesk:article_edit", pk=article.pk)


@require_safe
@scope_required(any_role)
def attachment_download(request, pk, scope):
    attachment = get_object_or_404(Attachment.objects.select_related("message"), pk=pk)
    viewer, question, role = _question_or_404(request, attachment.question_id)
    if attachment.is_internal and role != HANDLER:
        raise Http404
    return attachment_response(attachment.file, attachment.original_name, attachment.kind)


# --- peers -----------------------------------------------------------------------------------------
@require_safe
@scope_required(any_role)
def question_peers(request, pk, scope):
    viewer, question, role = _question_or_404(request, pk)
    if role not in (HANDLER, PLACE):
        raise Http404
    return render(request, "helpdesk/peers.html", {"question": question, "peers": peers.find_peers(question),
                                                   "role": role})


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def peer_contact(request, pk, code, scope):
    viewer, question, role = _question_or_404(request, pk)
    if role != PLACE:
        raise Http404
    to_place = get_object_or_404(Place, code=code, peer_profile__opted_in=True)
    if to_place.pk == question.place_id:
        raise Http404
    form = PeerContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The same message sent twice would mail the other place twice.
        outcome = submissions.submit_once(form.submission_token, lambda: services.contact_peer(
            from_place=question.place, to_place=to_place, question=question, sender=request.user,
            body=form.cleaned_data["body"]), lambda _contact: reverse("helpdesk:question_peers", args=[question.pk]))
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        messages.success(request, _("Uw bericht is via Ontmoet naar %(place)s gestuurd.") % {"place": to_place.name})
        return redirect("helpdesk:question_peers", pk=question.pk)
    return render(request, "helpdesk/peer_contact.html", {"question": question, "to_place": to_place, "form": form,
                                                          "profile": to_place.peer_profile},
                  status=400 if form.errors else 200)

