import time
from datetime import date, timedelta
from datetime import time as clock
from decimal import Decimal

from django.core import signing

from ontmoet.rooms.forms import RequestForm
from ontmoet.rooms.models import Rate, Room, TenantKind, Unit

# The smallest valid PNG: a 1×1 pixel.
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
       b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND"
       b"\xaeB`\x82")
EVERY_DAY = {str(day): ["08:00", "23:00"] for day in range(7)}


def kind(code="bewonersinitiatief") -> TenantKind:
    return TenantKind.objects.get(code=code)


def make_room(place, name="Grote zaal", hourly=("10.00", "25.00", "60.00"), hours=None, capacity=80) -> Room:
    room = Room.objects.create(place=place, name=name, capacity=capacity, size_m2=120, facilities=["beamer"],
                               hours=EVERY_DAY if hours is None else hours)
    for code, amount in zip(["bewonersinitiatief", "maatschappelijk", "commercieel"], hourly, strict=False):
        Rate.objects.create(room=room, tenant_kind=kind(code), unit=Unit.HOUR, amount=Decimal(amount))
    return room


def next_weekday(weekday: int, weeks_ahead: int = 1) -> date:
    today = date.today()
    return today + timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks_ahead)


def request_data(room, day=None, starts="19:00", ends="22:00", series=False, last=None, age=10, **extra) -> dict:
    day = day or next_weekday(1)
    data = {"room": room.pk, "date": day.isoformat(), "starts": starts, "ends": ends, "series": "on" if series else "",
            "last_date": last.isoformat() if last else "", "tenant_kind": kind().pk, "organisation": "Koor De Lijster",
            "purpose": "Repetitie", "people": "25", "name": "Jan Jansen", "email": "jan@example.org", "phone": "",
            "website": "", "token": signing.dumps(time.time() - age, salt=RequestForm.SALT), "stap": "versturen"}
    if not series:
        data.pop("series")
    data.update(extra)
    return data


def slot_times(day, starts=clock(19), ends=clock(22)):
    from ontmoet.rooms.pricing import aware

    return aware(day, starts), aware(day, ends)


def make_request(room, days=None, starts=clock(19), ends=clock(22), tenant="bewonersinitiatief",
                 email="jan@example.org"):
    """A stored request through the service, as the public form makes it."""
    from ontmoet.rooms import pricing, services

    days = days or [next_weekday(1)]
    tenant_kind = kind(tenant)
    amount = pricing.price(pricing.rates_for(room, tenant_kind), pricing.hours_between(starts, ends))
    data = {"name": "Jan Jansen", "email": email, "phone": "0612345678", "organisation": "Koor De Lijster",
            "purpose": "Repetitie", "tenant_kind": tenant_kind, "people": 25, "series": len(days) > 1,
            "starts": starts, "ends": ends}
    return services.submit_request(room, data, pricing.slots(days, starts, ends, amount), "127.0.0.1")
