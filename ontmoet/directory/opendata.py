"""Open data: every public place as CSV rows, GeoJSON and Open Referral HSDS 3.0.

One definition of what is public (`public_record`), shared by the three formats, the place page's
JSON-LD and the API. Contact details only when the place chose to publish them.
HSDS mapping: see docs/hsds-mapping.md.
"""

import uuid
from datetime import datetime

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ontmoet.core.discovery import app_functions
from ontmoet.core.opendata_files import absolute, metadata  # noqa: F401 (this module's API too)
from ontmoet.core.opendata_store import FileSpec, write_csv, write_json
from ontmoet.places.choices import WEEKDAYS, Kind

from . import selectors

HSDS_NAMESPACE = uuid.UUID("6f1c1a43-62a4-4d0a-9a63-5a8f0a4e2b11")  # fixed: ids stay the same between exports
HSDS_DAYS = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}

CSV_HEADERS = ["code", "naam", "soort", "omschrijving", "straat", "huisnummer", "postcode", "plaats", "wijk",
               "gemeente", "gemeentecode", "breedtegraad", "lengtegraad", "activiteiten", "voorzieningen",
               "doelgroepen", "openingstijden", "rolstoeltoegankelijk", "invalidentoilet", "ringleiding",
               "website", "contactpersoon", "e-mail", "telefoon", "laatst_bevestigd", "gewijzigd", "url",
               "licentie", "gegenereerd"]




def _names(manager) -> list[str]:
    return [item.name for item in manager.all()]


def opening_text(hours: dict) -> str:
    with translation.override("nl"):
        return "; ".join(f"{label} {', '.join(hours[day])}" for day, label in WEEKDAYS if hours.get(day))


def public_record(place) -> dict:
    """The public facts about a place as plain values (the only source for every open format)."""
    with translation.override("nl"):
        kind = str(dict(Kind.choices).get(place.kind, place.kind))
    contact = place.contact_is_public
    return {
        "code": place.code,
        "name": place.name,
        "kind": place.kind,
        "kind_label": kind,
        "description": place.description,
        "street": place.street,
        "house_number": place.house_number,
        "postcode": place.postcode,
        "city": place.city,
        "neighbourhood": place.neighbourhood,
        "municipality": place.municipality.name,
        "municipality_code": place.municipality.code,
        "latitude": float(place.latitude) if place.latitude is not None else None,
        "longitude": float(place.longitude) if place.longitude is not None else None,
        "activities": _names(place.activities),
        "facilities": _names(place.facilities),
        "target_groups": _names(place.target_groups),
        "opening_hours": {day: place.opening_hours[day] for day, _label in WEEKDAYS
                          if isinstance(place.opening_hours, dict) and place.opening_hours.get(day)},
        "opening_hours_note": place.opening_hours_note,
        "wheelchair_accessible": place.wheelchair_accessible,
        "accessible_toilet": place.accessible_toilet,
        "hearing_loop": place.hearing_loop,
        "website": place.website,
        "contact_name": place.contact_name if contact else "",
        "email": place.email if contact else "",
        "phone": place.phone if contact else "",
        "last_verified_at": place.last_verified_at,
        "updated_at": place.updated_at,
        "url": absolute(reverse("directory:place", args=[place.code])),
    }


def _yes_no(value) -> str:
    return {True: "ja", False: "nee"}.get(value, "")


def _iso(value: datetime | None) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def csv_rows(places, meta: dict):
    for place in places.iterator(chunk_size=1000):
        r = public_record(place)
        yield [r["code"], r["name"], r["kind_label"], r["description"], r["street"], r["house_number"], r["postcode"],
               r["city"], r["neighbourhood"], r["municipality"], r["municipality_code"], r["latitude"] or "",
               r["longitude"] or "", "; ".join(r["activities"]), "; ".join(r["facilities"]),
               "; ".join(r["target_groups"]), opening_text(r["opening_hours"]), _yes_no(r["wheelchair_accessible"]),
               _yes_no(r["accessible_toilet"]), _yes_no(r["hearing_loop"]), r["website"], r["contact_name"],
               r["email"], r["phone"], _iso(r["last_verified_at"]), _iso(r["updated_at"]), r["url"],
               meta["licence"], meta["generated_at"]]


def geojson_feature(place, distance_km: float | None = None) -> dict:
    r = public_record(place)
    properties = {key: value for key, value in r.items() if key not in {"latitude", "longitude"}}
    properties["last_verified_at"] = _iso(r["last_verified_at"]) or None
    properties["updated_at"] = _iso(r["updated_at"])
    if distance_km is not None:
        properties["distance_km"] = round(distance_km, 2)
    geometry = ({"type": "Point", "coordinates": [r["longitude"], r["latitude"]]}
                if r["latitude"] is not None else None)
    return {"type": "Feature", "id": r["code"], "geometry": geometry, "properties": properties}


# -- Open Referral HSDS 3.0 ---------------------------------------------------------------------
def _id(kind: str, code: str) -> str:
    return str(uuid.uuid5(HSDS_NAMESPACE, f"{kind}:{code}"))


def _schedules(r: dict, location_id: str) -> list[dict]:
    schedules = []
    for day, ranges in r["opening_hours"].items():
        for index, span in enumerate(ranges):
            opens, closes = span.split("-")
            schedules.append({
                "id": _id("schedule", f"{r['code']}:{day}:{index}"), "location_id": location_id,
                "freq": "WEEKLY", "byday": HSDS_DAYS[day], "opens_at": opens, "closes_at": closes,
                "timezone": 1, "wkst": "MO", "attending_type": "in_person",
                "description": r["opening_hours_note"] or None,
            })
    return schedules


def _accessibility(r: dict, location_id: str) -> list[dict]:
    labels = [("wheelchair_accessible", "Rolstoeltoegankelijk"), ("accessible_toilet", "Invalidentoilet"),
              ("hearing_loop", "Ringleiding")]
    known = [(label, r[key]) for key, label in labels if r[key] is not None]
    if not known:
        return []
    return [{"id": _id("accessibility", r["code"]), "location_id": location_id,
             "description": "; ".join(f"{label}: {'ja' if value else 'nee'}" for label, value in known),
             "details": ", ".join(label for label, value in known if value) or None}]


def hsds_service(place) -> dict:
    """One place as an HSDS 3.0 service with its organization, location and service_at_location."""
    r = public_record(place)
    org_id, service_id = _id("organization", r["code"]), _id("service", r["code"])
    location_id = _id("location", r["code"])
    phones = [{"id": _id("phone", r["code"]), "number": r["phone"], "type": "voice"}] if r["phone"] else []
    address = [{
        "id": _id("address", r["code"]), "location_id": location_id,
        "address_1": " ".join(part for part in [r["street"], r["house_number"]] if part) or r["name"],
        "city": r["city"] or r["municipality"], "region": r["municipality"],
        "state_province": place.municipality.province.name, "postal_code": r["postcode"] or "",
        "country": "NL", "address_type": "physical",
    }]
    location = {
        "id": location_id, "location_type": "physical", "organization_id": org_id, "name": r["name"],
        "description": r["kind_label"], "url": r["url"], "latitude": r["latitude"], "longitude": r["longitude"],
        "external_identifier": r["code"], "external_identifier_type": "ontmoet-plekcode",
        "addresses": address, "accessibility": _accessibility(r, location_id),
        "schedules": _schedules(r, location_id), "phones": phones,
    }
    description = r["description"] or f"{r['kind_label']} in {r['city'] or r['municipality']}"
    activities = ", ".join(r["activities"])
    return {
        "id": service_id, "organization_id": org_id, "name": r["name"], "description": description,
        "url": r["website"] or r["url"], "email": r["email"] or None, "status": "active",
        "eligibility_description": ", ".join(r["target_groups"]) or None,
        "application_process": activities and f"Activiteiten: {activities}" or None,
        "assured_date": r["last_verified_at"].date().isoformat() if r["last_verified_at"] else None,
        "last_modified": _iso(r["updated_at"]),
        "phones": phones,
        "contacts": [{"id": _id("contact", r["code"]), "name": r["contact_name"], "email": r["email"] or None}]
        if r["contact_name"] else [],
        "organization": {
            "id": org_id, "name": f"Bestuur van {r['name']}",
            "description": f"De (vrijwillige) organisatie die {r['name']} beheert.",
            "website": r["website"] or None, "email": r["email"] or None,
        },
        "service_at_locations": [{"id": _id("service_at_location", r["code"]), "service_id": service_id,
                                  "location_id": location_id, "location": location}],
    }


def _drop_none(value):
    if isinstance(value, dict):
        return {key: _drop_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_drop_none(item) for item in value]
    return value


def hsds_document(places, meta: dict) -> dict:
    """Every place as a service, then what other apps add as services of those places (an app's
    `opendata.hsds_services(places, parts, make_id)`, found through core.discovery: the agenda's activities),
    each at the organization and location of its place."""
    services, parts = [], {}
    for place in places.iterator(chunk_size=1000):
        service = hsds_service(place)
        link = service["service_at_locations"][0]
        parts[place.pk] = {"organization_id": service["organization_id"], "organization": service["organization"],
                           "location_id": link["location_id"], "location": link["location"]}
        services.append(_drop_none(service))
    for contribute in app_functions("opendata", "hsds_services"):
        services += [_drop_none(service) for service in contribute(places, parts, _id)]
    return {"hsds_version": "3.0", "metadata": meta, "services": services}


def downloads() -> list[dict]:
    """The sociale kaart's own rows on the open-data page (the same hook as the other apps' `opendata.downloads()`)."""
    return [
        {"format": "CSV", "what": _("Spreadsheets (Excel, LibreOffice); één regel per plek"),
         "url": reverse("directory:download_csv"), "label": _("Download CSV"), "file": "ontmoetingsplekken.csv"},
        {"format": "GeoJSON", "what": _("Kaarten en GIS (QGIS, ArcGIS, webkaarten); WGS84"),
         "url": reverse("directory:download_geojson"), "label": _("Download GeoJSON"),
         "file": "ontmoetingsplekken.geojson"},
        {"format": "Open Referral HSDS 3.0",
         "what": _("Wijkwijzers en sociale kaarten die de internationale HSDS-standaard lezen"),
         "url": reverse("directory:download_hsds"), "label": _("Download HSDS (JSON)"),
         "file": "ontmoetingsplekken-hsds.json"},
    ]


def page_downloads() -> list[dict]:
    """Every row of the open-data page, from each app's `opendata.downloads()`: the places' own files first
    (whatever the order of INSTALLED_APPS), then the other apps' in INSTALLED_APPS order."""
    others = [provider for provider in app_functions("opendata", "downloads") if provider is not downloads]
    return [row for provider in (downloads, *others) for row in provider()]


# -- the stored files (core.opendata_store builds them in the background) ------------------------------------
def _exported_places():
    return selectors.public_list().order_by("name", "pk")


def _write_csv(handle, meta: dict):
    write_csv(handle, CSV_HEADERS, csv_rows(_exported_places(), meta))


def _write_geojson(handle, meta: dict):
    write_json(handle, {"type": "FeatureCollection", "metadata": meta,
                        "features": [geojson_feature(place) for place in _exported_places().iterator(chunk_size=1000)]})


def _write_hsds(handle, meta: dict):
    write_json(handle, hsds_document(_exported_places(), meta))


def files() -> list[FileSpec]:
    # HSDS holds the activities with their coming dates too: out of date with the agenda and at midnight.
    return [
        FileSpec("ontmoetingsplekken.csv", ("directory",), _write_csv, "text/csv; charset=utf-8",
                 "ontmoetingsplekken", "csv"),
        FileSpec("ontmoetingsplekken.geojson", ("directory",), _write_geojson, "application/geo+json; charset=utf-8",
                 "ontmoetingsplekken", "geojson"),
        FileSpec("ontmoetingsplekken-hsds.json", ("directory", "agenda"), _write_hsds,
                 "application/json; charset=utf-8", "ontmoetingsplekken", "hsds.json", daily=True),
    ]
