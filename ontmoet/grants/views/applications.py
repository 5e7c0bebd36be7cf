"""Applying for a grant and deciding on it. Reads go through selectors (scoped), writes through services."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import scope_required
from ontmoet.core import submissions
from ontmoet.core.pdf import pdf_response
from ontmoet.core.uploads import attachment_response
from ontmoet.places.models import Place

from .. import requirements, selectors, services
from ..forms import ActivityFormSet, ApplicationForm, AttachmentForm, DecisionForm, SubmitForm
from ..models import Award
from ..workflows import OFFICER, allowed_moves
from .common import S, _application_or_404, _own_application_or_404, _require_manager, _round_or_404, uses_grants


# -- applying ------------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@scope_required(lambda scope: scope.is_board_member)
def application_start(request, pk, scope):
    round_ = _round_or_404(scope, pk)
    places = list(Place.objects.filter(pk__in=scope.place_ids, municipality__province_id=round_.province_id)
                  .select_related("municipality").prefetch_related("facilities", "activities"))
    checks = [(place, services.eligibility_problems(place, round_)) for place in places]
    if request.method == "POST":
        place = next((p for p in places if p.code == request.POST.get("place")), None)
        if place is None:
            raise Http404
        try:
            application = services.start_application(round_, place, request.user)
        except services.GrantError as error:
            messages.error(request, str(error))
        else:
            return redirect("grants:application_edit", pk=application.pk)
    return render(request, "grants/application_start.html", {"round": round_, "checks": checks},
                  status=400 if request.method == "POST" else 200)


def _activity_initial(application):
    return [{"title": a.title, "description": a.description, "target_group": a.target_group,
             "starts_on": a.starts_on, "ends_on": a.ends_on, "planned_volunteers": a.planned_volunteers,
             "planned_hours": a.planned_hours} for a in application.activities.all()]


@require_http_methods(["GET", "POST"])
@scope_required(lambda scope: scope.is_board_member)
def application_edit(request, pk, scope):
    application = _own_application_or_404(scope, pk)
    if not application.is_editable:
        messages.error(request, _("Deze aanvraag is al ingediend en kan niet meer worden gewijzigd."))
        return redirect(application)
    round_ = application.round
    if request.method == "POST":
        form = ApplicationForm(request.POST, round_=round_)
        formset = ActivityFormSet(request.POST, prefix="act")
        if form.is_valid() and formset.is_valid():
            activities = [services.ActivityData(**f.cleaned_data) for f in formset.forms
                          if f.cleaned_data.get("title")]
            try:
                application = services.save_draft(
                    application.pk, motivation=form.cleaned_data["motivation"], answers=form.answers(),
                    declaration=form.cleaned_data["declaration"], activities=activities)
            except services.GrantError as error:
                messages.error(request, str(error))
                return redirect(application)
            if request.headers.get("HX-Request"):
                return render(request, "grants/includes/autosave.html", {"saved_at": timezone.localtime(),
                                                                         "application": application})
            messages.success(request, _("Uw concept is opgeslagen."))
            if "naar_indienen" in request.POST:
                return redirect(application)
            return redirect("grants:application_edit", pk=application.pk)
        if request.headers.get("HX-Request"):
            return render(request, "grants/includes/autosave.html", {"invalid": True}, status=200)
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
        status = 400
    else:
        form = ApplicationForm(initial=ApplicationForm.initial_for(application), round_=round_)
        formset = ActivityFormSet(initial=_activity_initial(application), prefix="act")
        status = 200
    return render(request, "grants/application_form.html", {
        "application": application, "form": form, "formset": formset, "attachment_form": AttachmentForm(),
        "requirements": requirements.problems(application),
    }, status=status)


@require_POST
@scope_required(lambda scope: scope.is_board_member)
def attachment_add(request, pk, scope):
    application = _own_application_or_404(scope, pk)
    form = AttachmentForm(request.POST, request.FILES)
    back = reverse("grants:application_edit" if application.is_editable else "grants:application_detail",
                   args=[application.pk])
    if form.is_valid():
        try:
            outcome = submissions.submit_once(form.submission_token, lambda: services.add_attachment(
                application.pk, form.cleaned_data["file"], request.user), lambda _attachment: back)
        except (services.GrantError, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            messages.success(request, _("De bijlage is toegevoegd."))
    else:
        messages.error(request, _("Kies een bestand om toe te voegen."))
    return redirect(back)


@require_safe
@scope_required(uses_grants)
def attachment_download(request, pk, attachment_pk, scope):
    application = _application_or_404(scope, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment_pk)
    return attachment_response(attachment.file, attachment.original_name, attachment.kind)


@require_POST
@scope_required(lambda scope: scope.is_board_member)
def attachment_delete(request, pk, attachment_pk, scope):
    application = _own_application_or_404(scope, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment_pk)
    try:
        services.delete_attachment(attachment)
        messages.success(request, _("De bijlage is verwijderd."))
    except services.GrantError as error:
        messages.error(request, str(error))
    return redirect(application)


@require_POST
@scope_required(lambda scope: scope.is_board_member)
def application_submit(request, pk, scope):
    application = _own_application_or_404(scope, pk)
    form = SubmitForm(request.POST)
    form.is_valid()
    try:
        application, done = services.submit(application.pk, request.user, answer=form.cleaned_data.get("answer", ""))
    except services.GrantError as error:
        messages.error(request, str(error))
        return redirect(application)
    if done:
        messages.success(request, _("Uw aanvraag is ingediend. U krijgt een bevestiging per e-mail met een "
                                    "kopie van de aanvraag."))
    else:
        messages.info(request, _("Uw aanvraag was al ingediend; er is niets veranderd."))
    return redirect(application)


@require_POST
@scope_required(lambda scope: scope.is_board_member)
def application_withdraw(request, pk, scope):
    application = _own_application_or_404(scope, pk)
    try:
        services.withdraw(application.pk, request.user, request.POST.get("reason", ""))
        messages.success(request, _("De aanvraag is ingetrokken."))
    except services.GrantError as error:
        messages.error(request, str(error))
    return redirect(application)


@require_safe
@scope_required(uses_grants)
def application_list(request, scope):
    status = request.GET.get("status")
    applications = selectors.filter_applications(selectors.visible_applications(scope), status)
    page = Paginator(applications.order_by("-updated_at", "-pk"), 25).get_page(request.GET.get("pagina"))
    statuses = [(selectors.TO_HANDLE, _("Te behandelen (ingediend of in behandeling)")), *S.choices]
    return render(request, "grants/application_list.html", {"page": page, "statuses": statuses, "status": status,
                                                            "query": urlencode({"status": status or ""})})


@require_safe
@scope_required(uses_grants)
def application_detail(request, pk, scope):
    application = _application_or_404(scope, pk)
    is_own = application.place_id in scope.place_ids
    can_manage = selectors.can_manage(scope, application.round.province_id, province=True)
    moves = allowed_moves(application.status, OFFICER) if can_manage else []
    context = {
        "application": application, "is_own": is_own, "can_manage": can_manage,
        "activities": application.activities.all(), "attachments": application.attachments.all(),
        "history": application.history.select_related("by"),
        "problems": services.submission_problems(application) if is_own and application.is_editable else [],
        "decision_form": DecisionForm(moves=moves, initial={"expected": application.status}) if moves else None,
        "submit_form": SubmitForm(),
        "question": application.history.filter(to_status=S.INFO_REQUESTED).order_by("-at", "-pk").first(),
        "award": Award.objects.filter(application=application).first(),
    }
    if can_manage or scope.is_municipal_officer:
        context["place_history"] = selectors.place_history(application.place, exclude_application=application,
                                                           scope=scope)
        context["checklist"] = _checklist(application)
    return render(request, "grants/application_detail.html", context)


def _checklist(application) -> list[tuple[str, bool]]:
    """The place's eligibility, every requirement of grants.requirements, and whether it is a first application."""
    round_ = application.round
    place = application.place
    return [
        (_("De plek is actief en heeft minstens twee maatschappelijke functies, waarvan één ontmoeting"),
         not [problem for problem in services.eligibility_problems(
             place, round_, application.submitted_at.date() if application.submitted_at else None)
             if problem.code not in services.ROUND_PROBLEMS]),
        *requirements.checklist(application),
        (_("Eerste aanvraag van deze plek"), application.first_timer),
    ]


@require_POST
@scope_required(uses_grants)
def application_decide(request, pk, scope):
    application = _application_or_404(scope, pk)
    _require_manager(scope, application.round)
    form = DecisionForm(request.POST, moves=allowed_moves(request.POST.get("expected", ""), OFFICER))
    if not form.is_valid():
        messages.error(request, _("Kies een besluit."))
        return redirect(application)
    try:
        outcome = services.decide(application.pk, form.cleaned_data["to"], request.user,
                                  reason=form.cleaned_data["reason"], expected=form.cleaned_data["expected"])
    except services.GrantError as error:
        messages.error(request, str(error))
        return redirect(application)
    messages.success(request, outcome.message)
    return redirect(application)


@require_safe
@scope_required(uses_grants)
def application_pdf(request, pk, scope):
    application = _application_or_404(scope, pk)
    return pdf_response(services.application_pdf(application), f"aanvraag-{application.number}.pdf")


@require_safe
@scope_required(uses_grants)
def decision_letter(request, pk, scope):
    application = _application_or_404(scope, pk)
    if application.status not in (S.AWARDED, S.REJECTED, S.WAITLISTED):
        raise Http404
    return pdf_response(services.decision_letter(application), f"besluit-{application.number}.pdf", inline=True)
