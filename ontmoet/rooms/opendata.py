"""Rooms in the open data: every room of a public place with its facilities, bookable hours and rates per kind
of tenant, so that huurdifferentiatie can be compared across places. Never a booking or who asked for one."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ontmoet.core.opendata_store import FileSpec, write_csv, write_json
from ontmoet.places.choices import WEEKDAYS

from . import selectors
from .models import Facility, Unit

CSV_HEADERS = ["id", "ruimte", "plekcode", "plek", "plaats", "gemeente", "gemeentecode", "breedtegraad",
               "lengtegraad", "personen", "oppervlakte_m2", "voorzieningen", "toegankelijkheid", "te_boeken",
               "tarieven", "foto_url", "foto_beschrijving", "url", "licentie", "gegenereerd"]


def _absolute(path: str) -> str:
    return settings.ONTMOET_BASE_URL.rstrip("/") + path


def downloads() -> list[dict]:
    return [
        {"format": "CSV", "what": _("Ruimtes te huur met hun tarieven per soort huurder; één regel per ruimte"),
         "url": reverse("rooms_opendata:download_csv"), "label": _("Download ruimtes (CSV)"), "file": "ruimtes.csv"},
        {"format": "JSON", "what": _("Ruimtes te huur met voorzieningen, te boeken uren en tarieven"),
         "url": reverse("rooms_opendata:download_json"), "label": _("Download ruimtes (JSON)"),
         "file": "ruimtes.json"},
    ]


def exported():
    return selectors.public_rooms().order_by("place__name", "place_id", "name", "pk")


def hours(room) -> list[dict]:
    """The bookable windows, Monday first: {"weekday": 0, "day": "maandag", "opens": "09:00", "closes": "22:00"}."""
    with translation.override("nl"):
        return [{"weekday": day, "day": str(WEEKDAYS[day][1]), "opens": window[0], "closes": window[1]}
                for day in range(7) if (window := room.window(day))]


def rates(room) -> list[dict]:
    return [{"tenant_kind": rate.tenant_kind.code, "tenant_kind_name": rate.tenant_kind.name, "unit": rate.unit,
             "amount": f"{rate.amount:.2f}"} for rate in room.rates.all()]


def photos(room) -> list[dict]:
    """The room's photos with their text for who cannot see them (the rooms page's alt text)."""
    if not room.photo:
        return []
    with translation.override("nl"):
        alt = room.photo_text()
    return [{"url": _absolute(reverse("rooms:photo", args=[room.place.code, room.pk])), "alt": alt,
             "content_type": "image/png" if room.photo_kind == "png" else "image/jpeg"}]


def record(room) -> dict:
    place = room.place
    photos_ = photos(room)
    with translation.override("nl"):
        labels = dict(Facility.choices)
        facility_names = [str(labels[code]) for code in room.facilities if code in labels]
    return {
        "id": room.pk, "name": room.name, "capacity": room.capacity, "size_m2": room.size_m2,
        "facilities": [code for code in room.facilities if code in labels], "facility_names": facility_names,
        "accessibility": room.accessibility, "description": room.description, "hours": hours(room),
        "rates": rates(room), "place_code": place.code, "place_name": place.name, "city": place.city,
        "municipality": place.municipality.name, "municipality_code": place.municipality.code,
        "latitude": float(place.latitude) if place.latitude is not None else None,
        "longitude": float(place.longitude) if place.longitude is not None else None,
        "photo_url": photos_[0]["url"] if photos_ else None, "photo_alt": photos_[0]["alt"] if photos_ else None,
        "photos": photos_,
        "url": _absolute(reverse("rooms:page", args=[place.code])),
    }


def _rate_text(rate: dict) -> str:
    with translation.override("nl"):
        unit = str(Unit(rate["unit"]).label)
    return f"{rate['tenant_kind_name']}: € {rate['amount'].replace('.', ',')} {unit}"


def csv_rows(rooms, meta: dict):
    for room in rooms:
        r = record(room)
        yield [r["id"], r["name"], r["place_code"], r["place_name"], r["city"], r["municipality"],
               r["municipality_code"], r["latitude"] or "", r["longitude"] or "", r["capacity"], r["size_m2"] or "",
               "; ".join(r["facility_names"]), r["accessibility"],
               "; ".join(f"{h['day']} {h['opens']}-{h['closes']}" for h in r["hours"]),
               "; ".join(_rate_text(rate) for rate in r["rates"]), r["photo_url"] or "", r["photo_alt"] or "",
               r["url"], meta["licence"], meta["generated_at"]]


# -- the stored files (core.opendata_store builds them in the background) ------------------------------------
def _write_csv(handle, meta: dict):
    write_csv(handle, CSV_HEADERS, csv_rows(exported().iterator(chunk_size=1000), meta))


def _write_json(handle, meta: dict):
    write_json(handle, {"metadata": meta, "rooms": [record(room) for room in exported().iterator(chunk_size=1000)]})


def files() -> list[FileSpec]:
    return [FileSpec("ruimtes.csv", ("directory", "rooms"), _write_csv, "text/csv; charset=utf-8", "ruimtes", "csv"),
            FileSpec("ruimtes.json", ("directory", "rooms"), _write_json, "application/json; charset=utf-8",
                     "ruimtes", "json")]
