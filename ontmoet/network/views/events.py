"""Event pages: the public agenda, details and registration, and the organiser's pages."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import officer, scope_required
from ontmoet.accounts.scoping import get_scope
from ontmoet.core import submissions
from ontmoet.core.exports import xlsx_response
from ontmoet.regions.models import Municipality, Province

from .. import ics, selectors, tokens
from ..forms import AttendanceForm, EventForm, MessageForm, PublicRegistrationForm
from ..models import Event, Module, Registration, RegistrationStatus
from ..services import events as services
from .common import client_address, form_error_message, status_for


def _visible_event_or_404(scope, pk) -> Event:
    return get_object_or_404(selectors.visible_events(scope), pk=pk)


def _managed_event_or_404(scope, pk) -> Event:
    return get_object_or_404(selectors.manageable_events(scope), pk=pk)


@require_safe
def event_list(request):
    scope = get_scope(request.user)
    events = selectors.with_counts(selectors.upcoming(selectors.visible_events(scope)))
    if not (scope.superuser or scope.is_officer):
        events = events.filter(is_published=True)
    mine = {r.event_id: r.get_status_display() for r in Registration.objects.filter(
        user=request.user, status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED])} \
        if request.user.is_authenticated else {}
    events = list(events)
    for event in events:
        event.seats_left = None if event.capacity is None else max(0, event.capacity - event.confirmed_count)
        event.my_status = mine.get(event.pk)
    return render(request, "network/events/list.html", {"events": events, "can_create": scope.is_officer})


@require_safe
def event_feed(request):
    """The public iCal feed: upcoming events open to everyone."""
    events = selectors.upcoming(selectors.visible_events(get_scope(None)))
    response = HttpResponse(ics.feed_ics(events, _("Ontmoet – bijeenkomsten")), content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="ontmoet-bijeenkomsten.ics"'
    return response


@require_safe
def event_ics(request, pk):
    event = _visible_event_or_404(get_scope(request.user), pk)
    response = HttpResponse(ics.event_ics(event), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{event.pk}.ics"'
    return response


@require_http_methods(["GET", "POST"])
def event_detail(request, pk):
    """The event; members register with one button, the public with name and e-mail."""
    scope = get_scope(request.user)
    event = _visible_event_or_404(scope, pk)
    public_form = None
    if not request.user.is_authenticated:
        public_form = PublicRegistrationForm(request.POST or None)
        if request.method == "POST":
            if public_form.is_valid():
                try:
                    services.check_rate_limit(client_address(request))
                    outcome = submissions.submit_once(public_form.submission_token, lambda: services.register_public(
                        event, public_form.cleaned_data["name"], public_form.cleaned_data["email"]),
                        lambda _registration: event.get_absolute_url())
                except services.RegistrationError as error:
                    messages.error(request, str(error))
                else:
                    if outcome.repeated:
                        return submissions.repeated(request, outcome)
                    messages.success(request, _("Bijna klaar: we hebben u een e-mail gestuurd. Klik op de link in "
                                                "die e-mail om uw aanmelding te bevestigen."))
                    return redirect(event)
            else:
                messages.error(request, " ".join(public_form.non_field_errors())
                               or _("Niet aangemeld: verbeter de velden die rood gemarkeerd zijn."))
    elif request.method == "POST":
        return HttpResponse(status=405)
    registration = selectors.own_registration(event, request.user)
    counts = selectors.with_counts(Event.objects.filter(pk=event.pk)).values("confirmed_count", "waitlist_count")[0]
    return render(request, "network/events/detail.html", {
        "event": event, "public_form": public_form, "registration": registration,
        "register_form": submissions.OnceForm() if request.user.is_authenticated else None,
        "position": selectors.waitlist_position(registration) if registration and
        registration.status == RegistrationStatus.WAITLISTED else None,
        "can_manage": selectors.can_manage_event(scope, event), "counts": counts,
        "is_over": event.ends_at <= timezone.now(),
        "seats_left": None if event.capacity is None else max(0, event.capacity - counts["confirmed_count"]),
    }, status=400 if public_form is not None and request.method == "POST" else 200)


@require_POST
@scope_required(lambda scope: scope.authenticated)
def event_register(request, pk, scope):
    event = _visible_event_or_404(scope, pk)
    # The unique active registration already keeps a double click from registering twice; the token
    # answers the second click with the first one's result instead of "U bent al aangemeld".
    token = submissions.OnceForm(request.POST).submission_token
    try:
        outcome = submissions.submit_once(token, lambda: services.register_member(event, request.user),
                                          lambda _registration: event.get_absolute_url())
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        if outcome.repeated:
            return submissions.repeated(request, outcome)
        registration = outcome.result
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(request, _("U bent aangemeld. De bevestiging met een agenda-bestand (.ics) staat in "
                                        "uw mailbox."))
        else:
            messages.info(request, _("De bijeenkomst is vol. U staat op de wachtlijst (plaats %(position)s); "
                                     "komt er een plek vrij, dan schuift u automatisch door en krijgt u bericht.")
                          % {"position": selectors.waitlist_position(registration)})
    return redirect(event)


@require_POST
@scope_required(lambda scope: scope.authenticated)
def event_unregister(request, pk, scope):
    event = _visible_event_or_404(scope, pk)
    registration = selectors.own_registration(event, request.user)
    if registration is None:
        messages.error(request, _("U was niet aangemeld voor deze bijeenkomst."))
        return redirect(event)
    services.cancel(registration, by=request.user, reason="afgemeld door lid")
    messages.success(request, _("U bent afgemeld. Jammer dat u er niet bij kunt zijn."))
    return redirect(event)


@require_safe
def registration_confirm(request, token):
    registration_id = tokens.read(tokens.CONFIRM_SALT, token, max_age=tokens.CONFIRM_MAX_AGE)
    registration = Registration.objects.filter(pk=registration_id).select_related("event").first() \
        if registration_id is not None else None
    if registration is None:
        return render(request, "network/events/token_invalid.html", status=404)
    try:
        registration = services.confirm_public(registration.pk)
    except services.RegistrationError as error:
        return render(request, "network/events/token_result.html", {"event": registration.event,
                                                                     "message": str(error)}, status=400)
    return render(request, "network/events/token_result.html", {
        "event": registration.event, "registration": registration,
        "position": selectors.waitlist_position(registration)
        if registration.status == RegistrationStatus.WAITLISTED else None})


@require_http_methods(["GET", "POST"])
def registration_cancel(request, token):
    """Cancel through the link in the mail: a page with a button (GET never changes anything)."""
    registration_id = tokens.read(tokens.CANCEL_SALT, token)
    registration = Registration.objects.filter(pk=registration_id).select_related("event").first() \
        if registration_id is not None else None
    if registration is None:
        return render(request, "network/events/token_invalid.html", status=404)
    if request.method == "POST":
        try:
            services.cancel(registration, reason="afgemeld via e-maillink")
        except services.RegistrationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Uw aanmelding is geannuleerd."))
        return redirect("network:registration_cancel", token=token)
    return render(request, "network/events/cancel.html", {"registration": registration, "event": registration.event})


# -- organisers ----------------------------------------------------------------------------------
def _event_form(request, scope, instance=None):
    provinces = selectors.user_province_ids(scope)
    province = instance.province if instance else Province.objects.filter(pk__in=provinces).order_by("pk").first()
    if scope.superuser and province is None:
        province = Province.objects.order_by("pk").first()
    municipalities = (Municipality.objects.filter(province=province) if scope.is_province_staff
                      else Municipality.objects.filter(pk__in=scope.municipality_ids))
    from ..models import LearningGroup

    return EventForm(request.POST or None, instance=instance, scope=scope, province=province,
                     municipalities=municipalities,
                     modules=Module.objects.filter(course__province=province).select_related("course"),
                     groups=LearningGroup.objects.filter(province=province))


def _save_event_form(request, form):
    return services.save_event(form.save(commit=False), request.user, module=form.cleaned_data.get("module"))


@require_http_methods(["GET", "POST"])
@scope_required(officer)
def event_create(request, scope):
    form = _event_form(request, scope)
    if request.method == "POST":
        if form.is_valid():
            outcome = submissions.submit_once(form.submission_token, lambda: _save_event_form(request, form),
                                              lambda event: reverse("network:event_manage", args=[event.pk]))
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            event = outcome.result
            messages.success(request, _("%(title)s is opgeslagen.") % {"title": event.title})
            return redirect("network:event_manage", pk=event.pk)
        form_error_message(request)
    return render(request, "network/events/form.html", {"form": form, "event": None}, status=status_for(form))


@require_http_methods(["GET", "POST"])
@scope_required(officer)
def event_edit(request, pk, scope):
    event = _managed_event_or_404(scope, pk)
    form = _event_form(request, scope, instance=event)
    if request.method == "POST":
        if form.is_valid():
            _save_event_form(request, form)
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("network:event_manage", pk=event.pk)
        form_error_message(request)
    return render(request, "network/events/form.html", {"form": form, "event": event}, status=status_for(form))


@require_http_methods(["GET", "POST"])
@scope_required(officer)
def event_manage(request, pk, scope):
    """The organiser's page: registrations, waitlist, attendance."""
    event = _managed_event_or_404(scope, pk)
    registrations = event.registrations.select_related("user").order_by("status", "created_at", "pk")
    confirmed = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
    form = AttendanceForm(request.POST or None, registrations=confirmed)
    if request.method == "POST" and form.is_valid():
        present = services.set_attendance(event, form.present_ids())
        messages.success(request, _("Aanwezigheid opgeslagen: %(count)s aanwezig.") % {"count": present})
        return redirect("network:event_manage", pk=event.pk)
    return render(request, "network/events/manage.html", {
        "event": event, "form": form, "registrations": registrations,
        "confirmed": confirmed, "waitlist": [r for r in registrations if r.status == RegistrationStatus.WAITLISTED],
        "other": [r for r in registrations if r.status in (RegistrationStatus.PENDING, RegistrationStatus.CANCELLED)],
        "has_started": event.starts_at <= timezone.now(),
    })


@require_http_methods(["GET", "POST"])
@scope_required(officer)
def event_message(request, pk, scope):
    event = _managed_event_or_404(scope, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            outcome = submissions.submit_once(form.submission_token, lambda: services.message_registrants(
                event, subject=data["subject"], body=data["body"], include_waitlist=data["include_waitlist"]),
                lambda _sent: reverse("network:event_manage", args=[event.pk]))
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            sent = outcome.result
            messages.success(request, _("Het bericht is verstuurd aan %(count)s deelnemers.") % {"count": sent})
            return redirect("network:event_manage", pk=event.pk)
        form_error_message(request)
    return render(request, "network/events/message.html", {"event": event, "form": form}, status=status_for(form))


@require_safe
@scope_required(officer)
def event_export(request, pk, scope):
    event = _managed_event_or_404(scope, pk)
    header = [_("Naam"), _("E-mailadres"), _("Status"), _("Aangemeld op"), _("Aanwezig")]
    rows = [[r.display_name, r.contact_email, r.get_status_display(),
             timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
             "" if r.attended is None else r.attended]
            for r in event.registrations.select_related("user").order_by("status", "created_at")]
    return xlsx_response(f"deelnemers-{event.pk}.xlsx", _("Deelnemers"), header, rows)


