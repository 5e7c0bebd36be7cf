"""The agenda in the open data: each public activity as an Open Referral HSDS 3.0 service with its schedule,
cost and kind (gathered by directory.opendata.hsds_document), and the activities download (CSV and JSON).

What is public is what /kaart/agenda/ shows: confirmed activities at public, active places, with a date to
come; the contact is the organiser's public contact that the agenda page shows too. Mapping: docs/hsds-mapping.md.
"""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ontmoet.core.opendata_store import FileSpec, write_csv, write_json

from . import selectors
from .models import ActivityDate, Recurrence

HSDS_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # dateutil's numbering: Monday 0
KIND_TAXONOMY = "Ontmoet: soorten activiteiten"
FEATURE_TAXONOMY = "Ontmoet: kenmerken van activiteiten"

CSV_HEADERS = ["id", "titel", "soort", "omschrijving", "wanneer", "herhaling", "eerste_datum", "laatste_datum",
               "begintijd", "eindtijd", "niet_op_feestdagen", "vervalt_op", "volgende_keer", "kosten", "gratis",
               "open_inloop", "tweede_thuis", "doelgroepen", "toegankelijkheid", "rolstoeltoegankelijk",
               "contactpersoon", "telefoon", "e-mail", "plekcode", "plek", "plaats", "gemeente", "gemeentecode",
               "breedtegraad", "lengtegraad", "laatst_bevestigd", "url", "licentie", "gegenereerd"]


def _absolute(path: str) -> str:
    return settings.ONTMOET_BASE_URL.rstrip("/") + path


def _iso(value) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def downloads() -> list[dict]:
    """The rows this app adds to the open-data page."""
    return [
        {"format": "CSV", "what": _("Activiteiten uit de agenda; één regel per activiteit"),
         "url": reverse("agenda:download_csv"), "label": _("Download activiteiten (CSV)"), "file": "activiteiten.csv"},
        {"format": "JSON", "what": _("Activiteiten uit de agenda met hun komende data"),
         "url": reverse("agenda:download_json"), "label": _("Download activiteiten (JSON)"),
         "file": "activiteiten.json"},
    ]


def exported(places=None, next_start=True):
    """The public activities (of `places`, the exported places, when given), with the next date each."""
    found = selectors.public_activities().prefetch_related("cancelled_dates")
    if next_start:
        # A subquery per activity on the (activity, date) index, not a join and GROUP BY over every date.
        coming = ActivityDate.objects.filter(activity=OuterRef("pk"), date__gte=timezone.localdate(),
                                             ends_at__gte=timezone.now()).order_by("date")
        found = found.annotate(next_start=Subquery(coming.values("starts_at")[:1]))
    if places is not None:
        found = found.filter(place__in=places)
    return found.order_by("place__name", "place_id", "title", "pk")


def _cancelled(activity) -> list[str]:
    today = timezone.localdate()
    return [row.date.isoformat() for row in activity.cancelled_dates.all() if row.date >= today]


def record(activity) -> dict:
    """The public facts about one activity as plain values (CSV, JSON and HSDS use these)."""
    place = activity.place
    with translation.override("nl"):
        schedule = activity.schedule
        recurrence = str(Recurrence(activity.recurrence).label)
    return {
        "id": activity.pk, "title": activity.title, "kind": activity.kind.code, "kind_name": activity.kind.name,
        "description": activity.description, "schedule": schedule, "recurrence": recurrence,
        "recurrence_code": activity.recurrence, "weekdays": sorted(activity.weekdays or []),
        "month_week": activity.month_week, "month_weekday": activity.month_weekday,
        "starts_on": activity.starts_on, "ends_on": activity.ends_on,
        "start_time": activity.start_time.strftime("%H:%M"), "end_time": activity.end_time.strftime("%H:%M"),
        "skip_public_holidays": activity.skip_public_holidays, "cancelled": _cancelled(activity),
        "next_start": getattr(activity, "next_start", None), "cost": activity.cost, "free": activity.is_free,
        "walk_in": activity.walk_in, "second_home": activity.second_home,
        "target_groups": [group.name for group in activity.target_groups.all()],
        "accessibility": activity.accessibility, "wheelchair_accessible": place.wheelchair_accessible,
        "contact_name": activity.contact_name, "contact_phone": activity.contact_phone,
        "contact_email": activity.contact_email, "place_code": place.code, "place_name": place.name,
        "city": place.city, "municipality": place.municipality.name, "municipality_code": place.municipality.code,
        "latitude": float(place.latitude) if place.latitude is not None else None,
        "longitude": float(place.longitude) if place.longitude is not None else None,
        "last_confirmed_at": activity.last_confirmed_at, "updated_at": activity.updated_at,
        "url": _absolute(reverse("directory:place", args=[place.code])),
    }


def _yes_no(value) -> str:
    return {True: "ja", False: "nee"}.get(value, "")


def csv_rows(activities, meta: dict):
    for activity in activities:
        r = record(activity)
        yield [r["id"], r["title"], r["kind_name"], r["description"], r["schedule"], r["recurrence"],
               r["starts_on"].isoformat(), r["ends_on"].isoformat() if r["ends_on"] else "", r["start_time"],
               r["end_time"], _yes_no(r["skip_public_holidays"]), "; ".join(r["cancelled"]), _iso(r["next_start"]),
               f"{r['cost']:.2f}", _yes_no(r["free"]), _yes_no(r["walk_in"]), _yes_no(r["second_home"]),
               "; ".join(r["target_groups"]), r["accessibility"], _yes_no(r["wheelchair_accessible"]),
               r["contact_name"], r["contact_phone"], r["contact_email"], r["place_code"], r["place_name"],
               r["city"], r["municipality"], r["municipality_code"], r["latitude"] or "", r["longitude"] or "",
               _iso(r["last_confirmed_at"]), r["url"], meta["licence"], meta["generated_at"]]


def json_item(activity) -> dict:
    r = record(activity)
    return {**r, "starts_on": r["starts_on"].isoformat(), "ends_on": r["ends_on"].isoformat() if r["ends_on"] else None,
            "cost": f"{r['cost']:.2f}", "next_start": _iso(r["next_start"]) or None,
            "last_confirmed_at": _iso(r["last_confirmed_at"]), "updated_at": _iso(r["updated_at"])}


# -- Open Referral HSDS 3.0 ---------------------------------------------------------------------
def _byday(r: dict) -> str:
    if r["recurrence_code"] == Recurrence.MONTHLY:
        return f"{r['month_week']}{HSDS_DAYS[r['month_weekday']]}"  # "1TU": the first Tuesday, "-1FR": the last Friday
    if r["recurrence_code"] == Recurrence.WEEKLY:
        return ",".join(HSDS_DAYS[day] for day in r["weekdays"])
    return HSDS_DAYS[r["starts_on"].weekday()]


def _schedule(r: dict, service_id: str, make_id) -> dict:
    """RFC 5545 in HSDS's fields. A one-off date is a weekly rule that starts and ends on that day."""
    once = r["recurrence_code"] == Recurrence.ONCE
    last = r["starts_on"] if once else r["ends_on"]
    notes = []
    if r["skip_public_holidays"]:
        notes.append("Niet op Nederlandse feestdagen.")
    if r["cancelled"]:
        notes.append("Vervalt op: " + ", ".join(r["cancelled"]) + ".")
    return {
        "id": make_id("schedule", f"activity:{r['id']}"), "service_id": service_id,
        "freq": "MONTHLY" if r["recurrence_code"] == Recurrence.MONTHLY else "WEEKLY",
        "interval": 1, "byday": _byday(r), "wkst": "MO", "timezone": 1,
        "dtstart": r["starts_on"].isoformat(), "valid_from": r["starts_on"].isoformat(),
        "until": last.isoformat() if last else None, "valid_to": last.isoformat() if last else None,
        "opens_at": r["start_time"], "closes_at": r["end_time"],
        "description": f"{r['schedule']}, {r['start_time']}-{r['end_time']}",
        "attending_type": "Open inloop: kom zonder aanmelden" if r["walk_in"] else "in_person",
        "schedule_link": r["url"], "notes": " ".join(notes) or None,
    }


def _term(make_id, taxonomy: str, code: str, name: str) -> dict:
    return {"id": make_id("taxonomy_term", f"{taxonomy}:{code}"), "code": code, "name": name, "description": name,
            "taxonomy": taxonomy, "language": "nl"}


def _attribute(make_id, service_id: str, term: dict, value: str | None = None) -> dict:
    return {"id": make_id("attribute", f"{service_id}:{term['id']}"), "link_id": service_id,
            "link_type": "service_type", "link_entity": "service", "taxonomy_term_id": term["id"],
            "taxonomy_term": term, "value": value}


def _attributes(r: dict, service_id: str, make_id) -> list[dict]:
    found = [_attribute(make_id, service_id, _term(make_id, KIND_TAXONOMY, r["kind"], r["kind_name"]))]
    features = [("open-inloop", "Open inloop", r["walk_in"]), ("tweede-thuis", "Tweede thuis", r["second_home"]),
                ("gratis", "Gratis", r["free"])]
    found += [_attribute(make_id, service_id, _term(make_id, FEATURE_TAXONOMY, code, name))
              for code, name, present in features if present]
    if r["accessibility"]:
        term = _term(make_id, FEATURE_TAXONOMY, "toegankelijkheid", "Toegankelijkheid")
        found.append(_attribute(make_id, service_id, term, r["accessibility"]))
    return found


def _cost(r: dict, service_id: str, make_id) -> dict:
    return {"id": make_id("cost_option", f"activity:{r['id']}"), "service_id": service_id, "currency": "EUR",
            "amount": float(r["cost"]), "option": "Gratis" if r["free"] else "Per keer",
            "amount_description": "Gratis" if r["free"] else f"€ {r['cost']:.2f} per keer".replace(".", ","),
            "valid_from": r["starts_on"].isoformat()}


def _where(location: dict) -> dict:
    """The place's location without its opening hours: those are the place's schedule, on the place's own
    service; the activity's times are its own schedule (and repeating them made the file five times larger)."""
    return {key: value for key, value in location.items() if key != "schedules"}


def hsds_service(activity, place: dict, make_id) -> dict:
    """One activity as an HSDS service of the place's organization, at the place's location (`place`: the ids
    and objects of the place's own service, so both describe the same organization and location)."""
    r = record(activity)
    service_id = make_id("service", f"activity:{r['id']}")
    contact = [{"id": make_id("contact", f"activity:{r['id']}"), "service_id": service_id,
                "name": r["contact_name"] or None, "email": r["contact_email"] or None,
                "phones": [{"id": make_id("phone", f"activity:{r['id']}"), "number": r["contact_phone"],
                            "type": "voice"}] if r["contact_phone"] else []}]
    return {
        "id": service_id, "organization_id": place["organization_id"], "name": r["title"],
        "description": r["description"] or f"{r['kind_name']} in {r['place_name']}",
        "url": r["url"], "email": r["contact_email"] or None, "status": "active",
        "eligibility_description": ", ".join(r["target_groups"]) or None,
        "application_process": "Open inloop: kom zonder aanmelden." if r["walk_in"] else None,
        "fees_description": "Gratis" if r["free"] else f"€ {r['cost']:.2f} per keer".replace(".", ","),
        "assured_date": r["last_confirmed_at"].date().isoformat(), "last_modified": _iso(r["updated_at"]),
        "contacts": contact if (r["contact_name"] or r["contact_email"] or r["contact_phone"]) else [],
        "schedules": [_schedule(r, service_id, make_id)], "cost_options": [_cost(r, service_id, make_id)],
        "attributes": _attributes(r, service_id, make_id), "organization": place["organization"],
        "service_at_locations": [{"id": make_id("service_at_location", f"activity:{r['id']}"),
                                  "service_id": service_id, "location_id": place["location_id"],
                                  "location": _where(place["location"])}],
    }


def hsds_services(places, parts, make_id) -> list[dict]:
    """The hook directory.opendata.hsds_document calls: `places` the exported places, `parts` {place id: its
    organization and location}, `make_id(kind, key)` the export's stable identifiers."""
    return [hsds_service(activity, parts[activity.place_id], make_id)
            for activity in exported(places, next_start=False).iterator(chunk_size=1000)
            if activity.place_id in parts]


# -- the stored files (core.opendata_store builds them in the background) ------------------------------------
def _write_csv(handle, meta: dict):
    write_csv(handle, CSV_HEADERS, csv_rows(exported().iterator(chunk_size=1000), meta))


def _write_json(handle, meta: dict):
    write_json(handle, {"metadata": meta,
                        "activities": [json_item(activity) for activity in exported().iterator(chunk_size=1000)]})


def files() -> list[FileSpec]:
    # Daily: the next date and the cancelled dates to come move with the date.
    return [FileSpec("activiteiten.csv", ("directory", "agenda"), _write_csv, "text/csv; charset=utf-8",
                     "activiteiten", "csv", daily=True),
            FileSpec("activiteiten.json", ("directory", "agenda"), _write_json, "application/json; charset=utf-8",
                     "activiteiten", "json", daily=True)]
