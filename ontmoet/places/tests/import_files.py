"""Files to import and what to compare before and after: shared by the import tests."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from ontmoet.accounts.scoping import get_scope
from ontmoet.places.importing import import_places
from ontmoet.places.models import Place

# A new place in Raalte with only the required columns.
NEW = {"code": "RAA-002", "naam": "Buurthuis De Kolk", "soort": "buurthuis", "gemeente": "GM0177"}
# Every column filled in, in the forms people type them.
FULL = {
    "code": "RAA-010", "naam": "Kulturhus Heino", "soort": "kulturhus", "gemeente": "Raalte",
    "typologie": "multifunctioneel", "rechtsvorm": "stichting", "eigenaar_gebouw": "gemeente",
    "bemensing": "vrijwilligers", "bestuursleden": "5", "vrijwilligers": "40",
    "voorzieningen": "Sport, Bibliotheek", "activiteiten": "Bingo|Koersbal", "doelgroepen": "Ouderen; Kinderen",
    "straat": "Dorpsstraat", "huisnummer": "12a", "postcode": "8141ab", "plaats": "Heino", "wijk": "Centrum",
    "breedtegraad": "52,4351", "lengtegraad": "6.2345", "contactpersoon": "Anja Jansen",
    "email": "info@kulturhus-heino.example", "telefoon": "0572-123456", "website": "https://kulturhus-heino.example",
    "omschrijving": "Fictieve plek voor de test.", "status": "actief", "openbaar": "ja", "contact_openbaar": "nee",
    "rolstoeltoegankelijk": "Ja", "invalidentoilet": "", "ringleiding": "x",
    "open_ma": "09:00-12:00, 13:30-17:00", "open_za": "10:00-16:00",
    "openingstijden_toelichting": "Niet in de zomervakantie",
}


# -- files and state --------------------------------------------------------------------------------------
def csv_file(rows, delimiter=",", encoding="utf-8") -> bytes:
    header = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_file(rows) -> bytes:
    header = list(dict.fromkeys(key for row in rows for key in row))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(column, "") for column in header])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_import(world, data, filename="plekken.csv", role="province_staff"):
    user = world.users[role]
    return import_places(filename, data, get_scope(user), user)


def problems(report):
    return [(problem.row, problem.column, problem.message) for problem in report.row_problems]


def state():
    """Everything an import could change: the places with their fields, and the history."""
    return (Place.history.count(),
            sorted(Place.objects.values_list("code", "name", "kind", "municipality__code", "postcode", "updated_at")))


def upload(data, name="plekken.csv", content_type="text/csv"):
    return SimpleUploadedFile(name, data, content_type=content_type)
