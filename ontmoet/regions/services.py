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
    municipalities_unchanged: int = 0
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
        provinces = {province.code: province for province in Province.objects.all()}
        existing = {m.code: m for m in Municipality.objects.all()}
        for row in rows:
            code, name = row["provinciecode"].strip(), row["provincienaam"].strip()
            province = provinces.get(code)
            if province is None:
                provinces[code] = province = Province.objects.create(code=code, name=name)
                result.provinces_created += 1
            elif province.name != name:
                province.name = name
                province.save(update_fields=["name"])
            municipality_code, municipality_name = row["gemeentecode"].strip(), row["gemeentenaam"].strip()
            municipality = existing.get(municipality_code)
            if municipality is None:
                existing[municipality_code] = Municipality.objects.create(
                    code=municipality_code, name=municipality_name, province=province)
                result.municipalities_created += 1
            elif (municipality.name, municipality.province_id) == (municipality_name, province.pk):
                result.municipalities_unchanged += 1  # written only when something changed
            else:
                municipality.name, municipality.province = municipality_name, province
                municipality.save(update_fields=["name", "province"])
                result.municipalities_updated += 1
    return result
