"""The column format of place imports and exports: one definition, so an export imports again.

Documented for users in docs/import-plekken.md; the example file is examples/plekken-voorbeeld.csv.
"""

from dataclasses import dataclass

from . import choices
from .models import Activity, Facility, Place, TargetGroup

LIST_SEPARATOR = ", "


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str  # text | choice | int | decimal | bool | vocab | municipality | hours
    required: bool = False
    vocabulary: type | None = None
    choices: type | None = None
    weekday: str = ""


COLUMNS: list[Column] = [
    Column("code", "code", "text", required=True),
    Column("naam", "name", "text", required=True),
    Column("soort", "kind", "choice", required=True, choices=choices.Kind),
    Column("gemeente", "municipality", "municipality", required=True),
    Column("typologie", "typology", "choice", choices=choices.Typology),
    Column("rechtsvorm", "legal_form", "choice", choices=choices.LegalForm),
    Column("eigenaar_gebouw", "building_owner", "choice", choices=choices.BuildingOwner),
    Column("bemensing", "staffing", "choice", choices=choices.Staffing),
    Column("bestuursleden", "board_size", "int"),
    Column("vrijwilligers", "volunteer_count", "int"),
    Column("voorzieningen", "facilities", "vocab", vocabulary=Facility),
    Column("activiteiten", "activities", "vocab", vocabulary=Activity),
    Column("doelgroepen", "target_groups", "vocab", vocabulary=TargetGroup),
    Column("straat", "street", "text"),
    Column("huisnummer", "house_number", "text"),
    Column("postcode", "postcode", "text"),
    Column("plaats", "city", "text"),
    Column("wijk", "neighbourhood", "text"),
    Column("breedtegraad", "latitude", "decimal"),
    Column("lengtegraad", "longitude", "decimal"),
    Column("contactpersoon", "contact_name", "text"),
    Column("email", "email", "text"),
    Column("telefoon", "phone", "text"),
    Column("website", "website", "text"),
    Column("omschrijving", "description", "text"),
    Column("status", "status", "choice", choices=choices.Status),
    Column("openbaar", "is_public", "bool"),
    Column("contact_openbaar", "contact_is_public", "bool"),
    Column("rolstoeltoegankelijk", "wheelchair_accessible", "bool"),
    Column("invalidentoilet", "accessible_toilet", "bool"),
    Column("ringleiding", "hearing_loop", "bool"),
    *[Column(f"open_{day}", "opening_hours", "hours", weekday=day) for day, _label in choices.WEEKDAYS],
    Column("openingstijden_toelichting", "opening_hours_note", "text"),
]

HEADERS = [column.header for column in COLUMNS]
REQUIRED_HEADERS = {column.header for column in COLUMNS if column.required}
VOCABULARY_FIELDS = [column.field for column in COLUMNS if column.kind == "vocab"]


def export_rows(queryset, chunk_size: int = 2000):
    """All places of `queryset` as rows, streaming, without building model instances.

    Plain values in chunks, plus one query per vocabulary list per chunk (place id -> names):
    a fixed number of queries per chunk, and about ten times faster than prefetching models.
    """
    from django.db.models import F

    fields = [c.field for c in COLUMNS if c.kind not in ("vocab", "municipality", "hours")]
    ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start:start + chunk_size]
        records = Place.objects.filter(pk__in=chunk).values(
            "pk", *dict.fromkeys(fields), "opening_hours", municipality_code=F("municipality__code"))
        by_pk = {record["pk"]: record for record in records}
        lists = {}
        for column in COLUMNS:
            if column.kind != "vocab":
                continue
            through = getattr(Place, column.field).through
            target = column.vocabulary._meta.model_name
            names: dict[int, list[str]] = {}
            for place_id, name in (through.objects.filter(place_id__in=chunk)
                                   .order_by(f"{target}__order", f"{target}__name")
                                   .values_list("place_id", f"{target}__name")):
                names.setdefault(place_id, []).append(name)
            lists[column.field] = names
        for pk in chunk:  # keep the queryset's order
            record = by_pk[pk]
            row = []
            for column in COLUMNS:
                if column.kind == "municipality":
                    row.append(record["municipality_code"])
                elif column.kind == "vocab":
                    row.append(LIST_SEPARATOR.join(lists[column.field].get(pk, [])))
                elif column.kind == "hours":
                    row.append(", ".join((record["opening_hours"] or {}).get(column.weekday, [])))
                elif column.kind == "bool":
                    value = record[column.field]
                    row.append("" if value is None else ("ja" if value else "nee"))
                elif column.kind == "decimal":
                    value = record[column.field]
                    row.append(float(value) if value is not None else None)
                else:
                    row.append(record[column.field])
            yield row
