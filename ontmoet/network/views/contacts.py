"""Contacts with municipalities: the province overview, a municipality's contact page and the log."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import officer, province_staff, scope_required
from ontmoet.accounts.models import User
from ontmoet.accounts.roles import Role
from ontmoet.core import submissions
from ontmoet.core.charts import horizontal_bars
from ontmoet.core.exports import xlsx_response

from .. import providers, selectors
from ..forms import AanspreekpuntForm, ContactMomentForm, MunicipalContactForm
from ..models import ContactMoment, MunicipalContact
from ..services import contacts as services
from .common import form_error_message, status_for

BUCKETS = [(91, _("minder dan 3 maanden")), (182, _("3 tot 6 maanden")), (365, _("6 tot 12 maanden")),
           (None, _("langer dan een jaar"))]


def _municipality_or_404(scope, code):
    return get_object_or_404(selectors.contact_municipalities(scope), code=code)


def _overview_rows(scope):
    today = timezone.localdate()
    rows = []
    for municipality in selectors.last_contact_overview(scope):
        days = (today - municipality.last_contact).days if municipality.last_contact else None
        rows.append({"municipality": municipality, "last": municipality.last_contact, "days": days,
                     "count": municipality.contact_count,
                     "aanspreekpunt": getattr(municipality, "aanspreekpunt", None)})
    return rows


def _bucket_label(days):
    if days is None:
        return str(_("nog nooit"))
    for limit, label in BUCKETS:
        if limit is None or days < limit:
            return str(label)
    return ""


@require_safe
@scope_required(province_staff)
def contacts_overview(request, scope):
    """When was each municipality last contacted? A table and a chart of the same numbers."""
    rows = _overview_rows(scope)
    labels = [str(label) for _limit, label in BUCKETS] + [str(_("nog nooit"))]
    counts = [sum(1 for row in rows if _bucket_label(row["days"]) == label) for label in labels]
    chart = horizontal_bars(labels, counts, unit="", alt=_("Aantal gemeenten per tijd sinds het laatste contact: ")
                            + ", ".join(f"{label} {count}" for label, count in zip(labels, counts, strict=True)))
    follow_ups = ContactMoment.objects.filter(
        municipality__in=[row["municipality"] for row in rows], follow_up_done=False,
        follow_up_on__isnull=False).select_related("municipality").order_by("follow_up_on")[:20]
    return render(request, "network/contacts/overview.html", {
        "rows": sorted(rows, key=lambda r: (r["days"] is not None, -(r["days"] or 0))),
        "buckets": list(zip(labels, counts, strict=True)), "chart": chart, "follow_ups": follow_ups,
        "today": timezone.localdate()})


@require_safe
@scope_required(province_staff)
def contacts_export(request, scope):
    header = [_("Gemeente"), _("CBS-code"), _("Aanspreekpunt"), _("Laatste contact"), _("Dagen geleden"),
              _("Aantal contactmomenten")]
    rows = [[r["municipality"].name, r["municipality"].code, str(r["aanspreekpunt"].officer) if r["aanspreekpunt"]
             else "", r["last"], r["days"], r["count"]] for r in _overview_rows(scope)]
    return xlsx_response(f"contact-gemeenten-{timezone.localdate():%Y-%m-%d}.xlsx", _("Contact"), header, rows)


@require_safe
@scope_required(province_staff)
def contact_moments_export(request, scope):
    """Every contact moment of the user's provinces, for reports and for keeping one's own records."""
    header = [_("Gemeente"), _("Datum"), _("Soort"), _("Met wie"), _("Aantekeningen"), _("Opvolgen"),
              _("Opvolging gedaan"), _("Vastgelegd door")]
    moments = ContactMoment.objects.filter(municipality__in=selectors.contact_municipalities(scope)).select_related(
        "municipality", "recorded_by").order_by("municipality__name", "-date")
    rows = [[m.municipality.name, m.date, m.get_kind_display(), m.with_whom, m.notes, m.follow_up_on,
             m.follow_up_done, str(m.recorded_by or "")] for m in moments]
    return xlsx_response(f"contactmomenten-{timezone.localdate():%Y-%m-%d}.xlsx", _("Contactmomenten"), header, rows)


@require_safe
@scope_required(officer)
def municipality_contacts(request, code, scope):
    municipality = _municipality_or_404(scope, code)
    is_province = scope.superuser or municipality.province_id in scope.province_ids
    return render(request, "network/contacts/municipality.html", {
        "municipality": municipality, "aanspreekpunt": selectors.aanspreekpunt_for(municipality.pk),
        "contacts": MunicipalContact.objects.filter(municipality=municipality),
        # The log is the province's working notes about its contact with the municipality.
        "moments": selectors.contact_moments(municipality) if is_province else None,
        "is_province": is_province, "policy_status": providers.monitor_policy_status(municipality),
        "today": timezone.localdate(),
    })


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def contact_moment_add(request, code, scope):
    municipality = _municipality_or_404(scope, code)
    form = ContactMomentForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST":
        if form.is_valid():
            contacts_url = reverse("network:municipality_contacts", kwargs={"code": municipality.code})
            outcome = submissions.submit_once(form.submission_token, lambda: services.log_contact_moment(
                form.save(commit=False), municipality, request.user), lambda _moment: contacts_url)
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            messages.success(request, _("Het contactmoment met %(name)s is vastgelegd.") % {"name": municipality.name})
            return redirect("network:municipality_contacts", code=municipality.code)
        form_error_message(request)
    return render(request, "network/contacts/form.html", {
        "form": form, "municipality": municipality, "title": _("Contactmoment vastleggen")}, status=status_for(form))


@require_POST
@scope_required(province_staff)
def follow_up_done(request, pk, scope):
    moment = get_object_or_404(ContactMoment.objects.filter(
        municipality__in=selectors.contact_municipalities(scope)), pk=pk)
    services.mark_follow_up_done(moment)
    messages.success(request, _("De opvolging is afgevinkt."))
    return redirect("network:municipality_contacts", code=moment.municipality.code)


@require_http_methods(["GET", "POST"])
@scope_required(province_staff)
def aanspreekpunt_edit(request, code, scope):
    municipality = _municipality_or_404(scope, code)
    officers = User.objects.filter(is_active=True, roles__role__in=[Role.PROVINCE_STAFF, Role.PROVINCE_ADMIN],
                                   roles__province=municipality.province).distinct()
    current = selectors.aanspreekpunt_for(municipality.pk)
    form = AanspreekpuntForm(request.POST or None, instance=current, officers=officers)
    if request.method == "POST":
        if form.is_valid():
            services.set_aanspreekpunt(municipality, form.cleaned_data["officer"], form.cleaned_data["phone"],
                                       form.cleaned_data["note"])
            messages.success(request, _("Het aanspreekpunt voor %(name)s is opgeslagen.") % {"name": municipality.name})
            return redirect("network:municipality_contacts", code=municipality.code)
        form_error_message(request)
    return render(request, "network/contacts/form.html", {
        "form": form, "municipality": municipality, "title": _("Aanspreekpunt kiezen")}, status=status_for(form))


@require_http_methods(["GET", "POST"])
@scope_required(officer)
def municipal_contact_add(request, code, scope):
    municipality = _municipality_or_404(scope, code)
    form = MunicipalContactForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            contacts_url = reverse("network:municipality_contacts", kwargs={"code": municipality.code})
            outcome = submissions.submit_once(form.submission_token, lambda: services.add_municipal_contact(
                form.save(commit=False), municipality), lambda _contact: contacts_url)
            if outcome.repeated:
                return submissions.repeated(request, outcome)
            messages.success(request, _("De contactpersoon is toegevoegd."))
            return redirect("network:municipality_contacts", code=municipality.code)
        form_error_message(request)
    return render(request, "network/contacts/form.html", {
        "form": form, "municipality": municipality, "title": _("Contactpersoon van de gemeente toevoegen")},
        status=status_for(form))


@require_POST
@scope_required(officer)
def municipal_contact_delete(request, pk, scope):
    contact = get_object_or_404(MunicipalContact.objects.filter(
        municipality__in=selectors.contact_municipalities(scope)), pk=pk)
    code = contact.municipality.code
    services.remove_municipal_contact(contact)
    messages.success(request, _("De contactpersoon is verwijderd."))
    return redirect("network:municipality_contacts", code=code)
