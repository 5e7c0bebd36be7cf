"""Demo rooms: a dozen places (most in Raalte) rent out a hall and a meeting room at three rates, with
accepted bookings, a weekly series and open requests, one of which clashes with an accepted date.

Idempotent; the requests go through the services, with mail switched off while loading.
"""

from datetime import date, time, timedelta
from decimal import Decimal

from django.test import override_settings

from ontmoet.places.models import Place

from . import pricing, services
from .models import Rate, Room, TenantKind, Unit

HOURS = {str(day): ["09:00", "23:00"] for day in range(6)}
ROOMS = [
    # name, capacity, m², facilities, hourly rates per kind (initiative, non-profit, commercial), dagdeel rate
    ("Grote zaal", 120, 160, ["podium", "geluid", "bar", "keuken"], ("12.50", "25.00", "55.00"), "150.00"),
    ("Vergaderkamer", 14, 30, ["beamer", "wifi", "flipover"], ("0.00", "10.00", "22.50"), None),
]
REQUESTERS = [
    ("Anja de Vries", "Koor Zangerslust", "bewonersinitiatief", "Wekelijkse repetitie", 30),
    ("Peter Bos", "Stichting Welzijn Salland", "maatschappelijk", "Spreekuur mantelzorg", 8),
    ("Karin Smit", "Smit Advies", "commercieel", "Teamdag", 12),
    ("Mehmet Yilmaz", "Buurtkracht", "bewonersinitiatief", "Buurtvergadering", 40),
]


def _tuesday(weeks: int) -> date:
    today = date.today()
    return today + timedelta(days=(1 - today.weekday()) % 7 + 7 * weeks)


def _request(room, requester, days, starts, ends):
    name, organisation, code, purpose, people = requester
    kind = TenantKind.objects.get(code=code)
    amount = pricing.price(pricing.rates_for(room, kind), pricing.hours_between(starts, ends))
    data = {"name": name, "email": f"{name.split()[0].lower()}@demo.ontmoet.nl", "phone": "", "people": people,
            "organisation": f"{organisation} (fictief)", "purpose": purpose, "tenant_kind": kind,
            "series": len(days) > 1, "starts": starts, "ends": ends}
    return services.submit_request(room, data, pricing.slots(days, starts, ends, amount), "")


def _rooms(place):
    kinds = list(TenantKind.objects.order_by("order"))
    made = []
    for name, capacity, size, facilities, hourly, dagdeel in ROOMS:
        room = Room.objects.create(place=place, name=name, capacity=capacity, size_m2=size, facilities=facilities,
                                   hours=HOURS, accessibility="Drempelvrij, invalidentoilet op de begane grond")
        for kind, amount in zip(kinds, hourly, strict=True):
            Rate.objects.create(room=room, tenant_kind=kind, unit=Unit.HOUR, amount=Decimal(amount))
        if dagdeel:
            Rate.objects.create(room=room, tenant_kind=kinds[-1], unit=Unit.DAGDEEL, amount=Decimal(dagdeel))
        made.append(room)
    return made


@override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
def load_demo() -> str | None:
    if Room.objects.filter(place__is_demo=True).exists():
        return "al aanwezig"
    raalte = list(Place.objects.filter(is_demo=True, municipality__code="GM0177").order_by("code")[:8])
    elsewhere = list(Place.objects.filter(is_demo=True).exclude(municipality__code="GM0177").order_by("code")[::40][:4])
    places = raalte + elsewhere
    if not places:
        return None
    for index, place in enumerate(places):
        hall, meeting = _rooms(place)
        # An accepted weekly series for the season ahead, and a single accepted booking.
        choir = _request(hall, REQUESTERS[0], [_tuesday(w) for w in range(1, 13)], time(19, 30), time(22))
        services.accept(choir, by=None)
        services.accept(_request(meeting, REQUESTERS[1], [_tuesday(1) + timedelta(days=1)], time(10), time(12)),
                        by=None)
        # Open requests: one series that clashes with a choir evening, one commercial day.
        _request(meeting, REQUESTERS[2], [_tuesday(2) + timedelta(days=2)], time(9), time(17))
        if index == 0:
            _request(hall, REQUESTERS[3], [_tuesday(w) for w in range(13, 17)], time(20), time(22))
            # Accepted after the series was asked for: the board sees one of its dates clash.
            services.accept(_request(hall, REQUESTERS[1], [_tuesday(15)], time(19), time(21)), by=None)
    return f"{len(places) * 2} ruimtes bij {len(places)} plekken, met boekingen en open aanvragen"
