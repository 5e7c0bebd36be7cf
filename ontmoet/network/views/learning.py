"""The leergang: course, modules with sessions and materials, enrolment, certificates, participation."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import any_role, province_staff, scope_required
from ontmoet.core import submissions
from ontmoet.core.charts import horizontal_bars
from ontmoet.core.exports import xlsx_response
from ontmoet.core.formatting import number
from ontmoet.core.pdf import pdf_response, render_pdf
from ontmoet.core.uploads import attachment_response

from .. import selectors
from ..forms import MaterialForm
from ..models import Enrolment, Material, Module, Registration, RegistrationStatus
from ..services import learning as services
from .common import form_error_message, status_for


def _course_or_404(scope, user, pk):
    return get_object_or_404(selectors.visible_courses(scope, user), pk=pk)


def _module_or_404(scope, user, pk):
    return get_object_or_404(Module.objects.select_related("course").filter(
        course__in=selectors.visible_courses(scope, user)), pk=pk)


def _manages(scope, course) -> bool:
    return scope.superuser or course.province_id in scope.province_ids


@require_safe
@scope_required(any_role)
def course_list(request, scope):
    courses = selectors.visible_courses(scope, request.user).prefetch_related("modules")
    if len(courses) == 1:
        return redirect(courses[0])
    return render(request, "network/learning/course_list.html", {"courses": courses})


@require_safe
@scope_required(any_role)
def course_detail(request, pk, scope):
    course = _course_or_404(scope, request.user, pk)
    enrolments = {e.module_id: e for e in Enrolment.objects.filter(user=request.user, module__course=course)}
    modules = list(course.modules.annotate(session_count=Count("sessions")))
    for module in modules:
        module.enrolment = enrolments.get(module.pk)
    return render(request, "network/learning/course.html", {
        "course": course, "modules": modules, "completed": services.course_completed(course, request.user),
        "can_manage": _manages(scope, course)})


@require_safe
@scope_required(any_role)
def module_detail(request, pk, scope):
    module = _module_or_404(scope, request.user, pk)
    enrolment = Enrolment.objects.filter(module=module, user=request.user).first()
    sessions = list(module.sessions.select_related("event"))
    mine = {r.event_id: r for r in Registration.objects.filter(
        user=request.user, event__course_session__module=module).exclude(status=RegistrationStatus.CANCELLED)}
    for session in sessions:
        session.registration = mine.get(session.event_id)
    can_manage = _manages(scope, module.course)
    return render(request, "network/learning/module.html", {
        "module": module, "course": module.course, "enrolment": enrolment, "sessions": sessions,
        "materials": module.materials.all(), "can_manage": can_manage,
        "participants": module.enrolments.select_related("user", "place", "municipality") if can_manage else None,
        "now": timezone.now()})


@require_POST
@scope_required(any_role)
def module_enrol(request, pk, scope):
    module = _module_or_404(scope, request.user, pk)
    try:
        services.enrol(module, request.user, scope)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("U bent ingeschreven voor %(module)s. Meld u ook aan voor de bijeenkomsten "
                                    "hieronder.") % {"module": module.title})
    return redirect(module)


@require_POST
@scope_required(any_role)
def module_unenrol(request, pk, scope):
    module = _module_or_404(scope, request.user, pk)
    enrolment = Enrolment.objects.filter(module=module, user=request.user).first()
    if enrolment is None:
        messages.error(request, _("U was niet ingeschreven voor deze module."))
        return redirect(module)
    try:
        services.unenrol(enrolment)
    except services.EnrolmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("U bent uitgeschreven."))
    return redirect(module)


@require_POST
@scope_required(province_staff)
def enrolment_complete(request, pk, scope):
    enrolment = get_object_or_404(Enrolment.objects.select_related("module__course").filter(
        module__course__province_id__in=scope.province_ids) if not scope.superuser else Enrolment.objects, pk=pk)
    services.mark_complete(enrolment)
    messages.success(request, _("De module is als afgerond gemarkeerd voor %(name)s.") % {"name": enrolment.user})
    return redirect(enrolment.module)


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def material_add(request, pk, scope):
    module = _module_or_404(scope, request.user, pk)
    if not _manages(scope, module.course):
        raise Http404
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            outcome = submissions.submit_once(form.submission_token, lambda: services.add_material(form, module),
                                              lambda _material: module.get_absolute_url())
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            messages.success(request, _("Het materiaal is toegevoegd."))
            return redirect(module)
        form_error_message(request)
    return render(request, "network/learning/material_form.html", {"form": form, "module": module},
                  status=status_for(form))


@require_safe
@scope_required(any_role)
def material_download(request, pk, scope):
    material = get_object_or_404(Material.objects.select_related("module__course").filter(
        module__course__in=selectors.visible_courses(scope, request.user)).exclude(file=""), pk=pk)
    extension = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg"}.get(material.file_kind, "")
    return attachment_response(material.file, f"{material.title}{extension}", material.file_kind)


def _certificate(request, course, modules, user):
    content = render_pdf("network/pdf/certificate.html", {
        "course": course, "modules": modules, "participant": user, "date": timezone.localdate()})
    return pdf_response(content, f"certificaat-{course.pk}-{user.pk}.pdf")


@require_safe
@scope_required(any_role)
def module_certificate(request, pk, scope):
    module = _module_or_404(scope, request.user, pk)
    enrolment = Enrolment.objects.filter(module=module, user=request.user, completed_at__isnull=False).first()
    if enrolment is None:
        raise Http404
    return _certificate(request, module.course, [(module, enrolment.completed_at)], request.user)


@require_safe
@scope_required(any_role)
def course_certificate(request, pk, scope):
    course = _course_or_404(scope, request.user, pk)
    if not services.course_completed(course, request.user):
        raise Http404
    done = {e.module_id: e.completed_at for e in Enrolment.objects.filter(user=request.user, module__course=course)}
    return _certificate(request, course, [(m, done[m.pk]) for m in course.modules.all()], request.user)


def _participation(course):
    """Enrolments and completions per municipality and per place."""
    enrolments = Enrolment.objects.filter(module__course=course)
    per_municipality = list(enrolments.values("municipality__name").annotate(
        enrolled=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False)),
        people=Count("user", distinct=True)).order_by("-enrolled", "municipality__name"))
    per_place = list(enrolments.filter(place__isnull=False).values("place__name", "place__code",
                                                                    "municipality__name").annotate(
        enrolled=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False)),
        people=Count("user", distinct=True)).order_by("-enrolled", "place__name"))
    per_module = list(course.modules.annotate(
        enrolled=Count("enrolments"), completed=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False))))
    return per_municipality, per_place, per_module


@require_safe
@scope_required(province_staff)
def course_participation(request, pk, scope):
    course = _course_or_404(scope, request.user, pk)
    if not _manages(scope, course):
        raise Http404
    per_municipality, per_place, per_module = _participation(course)
    chart = None
    if per_municipality:
        labels = [row["municipality__name"] or _("onbekend") for row in per_municipality]
        values = [row["enrolled"] for row in per_municipality]
        chart = horizontal_bars(labels, values, unit="", alt=_("Inschrijvingen per gemeente: ") + ", ".join(
            f"{label} {number(value)}" for label, value in zip(labels, values, strict=True)))
    return render(request, "network/learning/participation.html", {
        "course": course, "per_municipality": per_municipality, "per_place": per_place, "per_module": per_module,
        "chart": chart})


@require_safe
@scope_required(province_staff)
def course_participation_export(request, pk, scope):
    course = _course_or_404(scope, request.user, pk)
    if not _manages(scope, course):
        raise Http404
    header = [_("Module"), _("Deelnemer"), _("E-mailadres"), _("Plek"), _("Gemeente"), _("Ingeschreven"),
              _("Afgerond")]
    rows = [[e.module.title, str(e.user), e.user.email, e.place.name if e.place else "",
             e.municipality.name if e.municipality else "", timezone.localtime(e.enrolled_at).date(),
             timezone.localtime(e.completed_at).date() if e.completed_at else ""]
            for e in Enrolment.objects.filter(module__course=course).select_related("module", "user", "place",
                                                                                     "municipality")]
    return xlsx_response(f"leergang-{course.pk}-deelname.xlsx", _("Deelname"), header, rows)
