"""Vacancies in the open data (issue 19): the open vacancies of public places, as /kaart/vacatures/ shows them, in
`vacatures.csv` and `vacatures.json`. Never a response or anything about who responded.

They are not in the HSDS export: HSDS 3.0 describes services an organization offers to people, and has no
object for a volunteer or board position an organization asks for (ADR 0068).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ontmoet.core.opendata_store import FileSpec, write_csv, write_json

from . import selectors
from .models import VacancyRole

CSV_HEADERS = ["id", "rol", "rolnaam", "omschrijving", "wat_vragen_we", "uren_per_maand", "vanaf", "open_tot_en_met",
               "plekcode", "plek", "plaats", "gemeente", "gemeentecode", "breedtegraad", "lengtegraad",
               "geplaatst", "url", "licentie", "gegenereerd"]


def downloads() -> list[dict]:
    """The rows this app adds to the open-data page."""
    return [
        {"format": "CSV", "what": _("Open vacatures voor vrijwilligers en bestuursleden; één regel per vacature"),
         "url": reverse("vacancies:download_csv"), "label": _("Download vacatures (CSV)"), "file": "vacatures.csv"},
        {"format": "JSON", "what": _("Open vacatures voor vrijwilligers en bestuursleden"),
         "url": reverse("vacancies:download_json"), "label": _("Download vacatures (JSON)"), "file": "vacatures.json"},
    ]


def exported():
    return selectors.public_vacancies().order_by("place__name", "place_id", "ends_on", "pk")


def record(vacancy) -> dict:
    """The public facts about one open vacancy (what its public page shows)."""
    place = vacancy.place
    with translation.override("nl"):
        role_name = str(dict(VacancyRole.choices)[vacancy.role])
        title = vacancy.title if vacancy.role == VacancyRole.OTHER else role_name
    return {
        "id": vacancy.pk, "role": vacancy.role, "role_name": role_name, "title": title,
        "description": vacancy.description, "skills": vacancy.skills, "hours_per_month": vacancy.hours_per_month,
        "starts_on": vacancy.starts_on.isoformat() if vacancy.starts_on else None,
        "ends_on": vacancy.ends_on.isoformat(), "place_code": place.code, "place_name": place.name,
        "city": place.city, "municipality": place.municipality.name, "municipality_code": place.municipality.code,
        "latitude": float(place.latitude) if place.latitude is not None else None,
        "longitude": float(place.longitude) if place.longitude is not None else None,
        "posted_on": vacancy.created_at.date().isoformat(),
        "url": settings.ONTMOET_BASE_URL.rstrip("/") + vacancy.get_public_url(),
    }


def csv_rows(vacancies, meta: dict):
    for vacancy in vacancies:
        r = record(vacancy)
        yield [r["id"], r["role"], r["title"], r["description"], r["skills"], r["hours_per_month"] or "",
               r["starts_on"] or "", r["ends_on"], r["place_code"], r["place_name"], r["city"], r["municipality"],
               r["municipality_code"], r["latitude"] or "", r["longitude"] or "", r["posted_on"], r["url"],
               meta["licence"], meta["generated_at"]]


def _write_csv(handle, meta: dict):
    write_csv(handle, CSV_HEADERS, csv_rows(exported().iterator(chunk_size=1000), meta))


def _write_json(handle, meta: dict):
    write_json(handle, {"metadata": meta,
                        "vacancies": [record(vacancy) for vacancy in exported().iterator(chunk_size=1000)]})


def files() -> list[FileSpec]:
    return [FileSpec("vacatures.csv", ("directory", "vacancies"), _write_csv, "text/csv; charset=utf-8",
                     "vacatures", "csv"),
            FileSpec("vacatures.json", ("directory", "vacancies"), _write_json, "application/json; charset=utf-8",
                     "vacatures", "json")]
