"""Writes for regions: loading the CBS list of municipalities."""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Municipality, Province

REQUIRED_COLUMNS = {"gemeentecode", "gemeentenaam", "provinciecode", "provincienaam"}


@dataclass
class RegionImportResult:
    provinces_created: int = 0
    municipalities_created: int = 0
    municipalities_updated: int = 0
    errors: list[str] = field(default_factory=list)


def import_regions_csv(path: Path, province_codes: set[str] | None = None) -> RegionImportResult:
    """Load municipalities from a CBS "gemeenten alfabetisch" style CSV (see README).

    Idempotent: existing codes are updated, nothing is deleted. All-or-nothing.
    """
    result = RegionImportResult()
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            result.errors.append(_("Kolommen ontbreken: %(cols)s") % {"cols": ", ".join(sorted(missing))})
            return result
        rows = [row for row in reader if not province_codes or row["provinciecode"] in province_codes]
    with transaction.atomic():
        provinces = {}
        for row in rows:
            code = row["provinciecode"].strip()
            if code not in provinces:
                province, created = Province.objects.update_or_create(
                    code=code, defaults={"name": row["provincienaam"].strip()}
                )
                provinces[code] = province
                result.provinces_created += created
            _municipality, created = Municipality.objects.update_or_create(
                code=row["gemeentecode"].strip(),
                defaults={"name": row["gemeentenaam"].strip(), "province": provinces[code]},
            )
            if created:
                result.municipalities_created += 1
            else:
                result.municipalities_updated += 1
    return result
