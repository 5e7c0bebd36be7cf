"""The board's agenda pages for one place. Reads through selectors, writes through services."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ontmoet.accounts.decorators import any_role, scope_required
from ontmoet.places import selectors as places

from . import selectors, services
from .forms import ActivityForm, CancelDateForm
from .models import Activity


def _managed_place(scope, code):
    """The place, if this user may keep its agenda: its board, its municipality, its province; else 404."""
    place = places.visible_places(scope).filter(code=code).first()
    if place is None or not scope.can_edit_place(place):
        raise Http404
    return place


def _activity(place, pk):
    return get_object_or_404(Activity.objects.select_related("place"), place=place, pk=pk)


@require_safe
@scope_required(any_role)
def manage(request, code, scope):
    place = _managed_place(scope, code)
    activities = list(selectors.place_activities(place))
    stale = set(selectors.stale_activities([place.pk]).values_list("pk", flat=True))
    return render(request, "agenda/manage.html", {
        "place": place, "activities": activities, "stale": stale,
        "only_stale": request.GET.get("lijst") == "bevestigen",
    })


def _edit(request, scope, code, activity=None):
    place = _managed_place(scope, code)
    if activity is not None:
        activity = _activity(place, activity)
    form = ActivityForm(request.POST or None, instance=activity or Activity(place=place))
    if request.method == "POST":
        if form.is_valid():
            saved = services.save_activity(form.save_rule(), form.cleaned_data["target_groups"], request.user)
            messages.success(request, _("‘%(title)s’ staat in de agenda.") % {"title": saved.title})
            return redirect("agenda:manage", code=place.code)
        messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))
    return render(request, "agenda/form.html", {"form": form, "place": place, "activity": activity},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def create(request, code, scope):
    return _edit(request, scope, code)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def edit(request, code, pk, scope):
    return _edit(request, scope, code, pk)


@require_http_methods(["GET", "POST"])
@scope_required(any_role)
def delete(request, code, pk, scope):
    place = _managed_place(scope, code)
    activity = _activity(place, pk)
    if request.method == "POST":
        services.delete_activity(activity)
        messages.success(request, _("‘%(title)s’ is uit de agenda verwijderd.") % {"title": activity.title})
        return redirect("agenda:manage", code=place.code)
    return render(request, "agenda/delete.html", {"place": place, "activity": activity})


@require_POST
@scope_required(any_role)
def cancel_date(request, code, pk, scope):
    place = _managed_place(scope, code)
    activity = _activity(place, pk)
    form = CancelDateForm(request.POST)
    if form.is_valid() and services.cancel_date(activity, form.cleaned_data["date"]):
        messages.success(request, _("‘%(title)s’ gaat niet door op %(day)s.") % {
            "title": activity.title, "day": formats.date_format(form.cleaned_data["date"], "DATE_FORMAT")})
    else:
        messages.error(request, _("Deze datum staat niet (meer) in de agenda; er is niets veranderd."))
    return redirect("agenda:manage", code=place.code)


@require_POST
@scope_required(any_role)
def restore_date(request, code, pk, scope):
    place = _managed_place(scope, code)
    activity = _activity(place, pk)
    form = CancelDateForm(request.POST)
    if form.is_valid():
        services.restore_date(activity, form.cleaned_data["date"])
        messages.success(request, _("‘%(title)s’ gaat weer door op %(day)s.") % {
            "title": activity.title, "day": formats.date_format(form.cleaned_data["date"], "DATE_FORMAT")})
    return redirect("agenda:manage", code=place.code)


@require_POST
@scope_required(any_role)
def confirm(request, code, scope):
    place = _managed_place(scope, code)
    count = services.confirm_place(place, request.user)
    messages.success(request, _("Dank u wel. De %(count)s activiteiten van %(name)s zijn bevestigd.")
                     % {"count": count, "name": place.name})
    return redirect("agenda:manage", code=place.code)



@require_POST
@scope_required(any_role)
def end(request, code, pk, scope):
    """It no longer runs (from the yearly confirmation on the place's page, or the agenda's list)."""
    place = _managed_place(scope, code)
    activity = _activity(place, pk)
    if services.end_activity(activity):
        messages.success(request, _("‘%(title)s’ is uit de agenda verwijderd: het was nog niet begonnen.")
                         % {"title": activity.title})
    else:
        messages.success(request, _("‘%(title)s’ is beëindigd: er staan geen data meer in de agenda.")
                         % {"title": activity.title})
    if request.POST.get("terug") == "plek":
        return redirect(place)
    return redirect("agenda:manage", code=place.code)
