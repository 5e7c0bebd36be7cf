"""Panels on the personal overview: the aanspreekpunt, one's registrations, open follow-ups."""

from django.db.models import Min
from django.utils import timezone

from ontmoet.core.panels import Panel, kept
from ontmoet.places.models import Place

from . import selectors
from .models import (
    Audience,
    ContactMoment,
    DigestPreference,
    Event,
    Frequency,
    Registration,
    RegistrationStatus,
)
from .services.digest import DEFAULT_FREQUENCY


def _registrations(request):
    return Registration.objects.filter(
        user=request.user, status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED],
        event__ends_at__gte=timezone.now())


def _next_end(request, scope):
    """The first of one's events to end leaves the list then, by time alone (core.panels.kept)."""
    return _registrations(request).aggregate(end=Min("event__ends_at"))["end"] if scope.authenticated else None


@kept("network", "places", per_user=True, until=_next_end)
def panels(request, scope):
    if not scope.authenticated:
        return []
    result = []
    registrations = _registrations(request).select_related("event").order_by("event__starts_at")[:5]
    if registrations:
        result.append(Panel("network/panels/registrations.html", {"registrations": registrations}))
    contacts = []
    for place in Place.objects.filter(pk__in=scope.place_ids).select_related("municipality"):
        contacts.append((place.name, selectors.aanspreekpunt_for(place.municipality_id), None))
    for municipality in selectors.contact_municipalities(scope).filter(pk__in=scope.municipality_ids):
        contacts.append((municipality.name, selectors.aanspreekpunt_for(municipality.pk), municipality.code))
    if contacts:
        result.append(Panel("network/panels/aanspreekpunt.html", {"contacts": contacts}))
    own_places = Place.objects.filter(pk__in=scope.place_ids).select_related("municipality")
    schemes = [(place, selectors.upcoming_deadlines(selectors.schemes_for_place(place))) for place in own_places]
    if schemes:
        result.append(Panel("network/panels/schemes.html", {"places": schemes}))
    preference = DigestPreference.objects.filter(user=request.user).first()
    result.append(Panel("network/panels/digest.html", {
        "frequency": preference.get_frequency_display() if preference else Frequency(DEFAULT_FREQUENCY).label}))
    if scope.is_province_staff:
        due = ContactMoment.objects.filter(
            municipality__in=selectors.contact_municipalities(scope), follow_up_done=False,
            follow_up_on__lte=timezone.localdate()).count()
        result.append(Panel("network/panels/province.html", {"due": due}))
    return result


def place_panels(request, scope, place):
    """On every place's page: who the place's aanspreekpunt at the province is and how to reach them."""
    return [Panel("network/panels/place_aanspreekpunt.html",
                  {"aanspreekpunt": selectors.aanspreekpunt_for(place.municipality_id),
                   "municipality": place.municipality})]


HOME_EVENTS = 4


def home_panels(request):
    """On the public start page: the coming activities open to everyone (the same for every visitor, see
    core.panels.home_panels); the page is kept per day and per change to the events (signals.py)."""
    events = (selectors.upcoming(Event.objects.filter(is_published=True, audience=Audience.EVERYONE))
              .select_related("municipality", "province")[:HOME_EVENTS])
    return [Panel("network/panels/home_events.html", {"events": list(events)})]
