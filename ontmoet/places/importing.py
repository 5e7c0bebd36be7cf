"""Import of places from CSV or XLSX: checked whole, written whole, reported row by row.

Idempotent on the place `code`: a known code updates that place, a new code creates one, and a row
that changes nothing writes nothing (so the history only shows real changes).
"""

import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ontmoet.accounts.scoping import Scope
from ontmoet.core.tabular import ImportReport, TableError, read_table
from ontmoet.regions.models import Municipality
from ontmoet.regions.selectors import MunicipalityMatcher, normalise_name

from . import bulk_write, services, validators
from .columns import COLUMNS, HEADERS, REQUIRED_HEADERS, Column
from .models import Place

TRUE_WORDS = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
FALSE_WORDS = {"nee", "n", "no", "false", "onwaar", "0"}
MODEL_FIELDS_CHECKED = [
    "code", "name", "kind", "typology", "legal_form", "building_owner", "staffing", "street", "house_number",
    "postcode", "city", "neighbourhood", "latitude", "longitude", "contact_name", "email", "phone", "website",
    "description", "status", "opening_hours_note", "board_size", "volunteer_count",
]


def _fold(value: str) -> str:
    return normalise_name(unicodedata.normalize("NFC", value))


class _Lookups:
    """Everything a row is matched against, loaded once per import."""

    def __init__(self, scope: Scope):
        self.municipalities = MunicipalityMatcher(scope.municipalities(Municipality.objects.all()))
        self.vocab = {}
        for column in COLUMNS:
            if column.kind == "vocab":
                items = list(column.vocabulary.objects.all())
                table = {_fold(item.name): item for item in items}
                table.update({_fold(item.code): item for item in items})
                self.vocab[column.field] = table
            if column.kind == "choice":
                table = {_fold(str(value)): value for value, _label in column.choices.choices}
                table.update({_fold(str(label)): value for value, label in column.choices.choices})
                self.vocab[column.field] = table


def _parse_row(row: dict, lookups: _Lookups, add_problem: Callable[[str, str], None]):
    """Turn one row into (field values, m2m lists). Problems are reported, not raised."""
    # Opening hours are replaced only when the file has at least one open_* column.
    values: dict = {"opening_hours": {}} if any(c.header in row for c in COLUMNS if c.kind == "hours") else {}
    m2m: dict = {}
    for column in COLUMNS:
        if column.header not in row:
            continue
        raw = row[column.header]
        if column.required and not raw:
            add_problem(column.header, _("Dit veld is verplicht."))
            continue
        try:
            _parse_cell(column, raw, lookups, values, m2m)
        except ValidationError as error:
            add_problem(column.header, " ".join(error.messages))
    return values, m2m


def _parse_cell(column: Column, raw: str, lookups: _Lookups, values: dict, m2m: dict) -> None:
    if column.kind == "text":
        values[column.field] = raw
        if column.field == "postcode":
            values[column.field] = validators.normalise_postcode(raw)
    elif column.kind == "choice":
        if not raw:
            return
        value = lookups.vocab[column.field].get(_fold(raw))
        if value is None:
            allowed = ", ".join(str(v) for v, _label in column.choices.choices)
            raise ValidationError(_("Onbekende waarde '%(value)s'. Kies uit: %(allowed)s.")
                                  % {"value": raw, "allowed": allowed})
        values[column.field] = value
    elif column.kind == "municipality":
        municipality = lookups.municipalities.match(raw)
        if municipality is None:
            raise ValidationError(_("Onbekende gemeente '%(value)s' (of niet in uw gebied). Gebruik de CBS-code, "
                                    "bijvoorbeeld GM0193, of de officiële naam.") % {"value": raw})
        values["municipality"] = municipality
    elif column.kind == "int":
        if raw:
            if not (raw.isascii() and raw.isdecimal()):
                raise ValidationError(_("Vul een heel getal in (0 of meer), niet '%(value)s'.") % {"value": raw})
            values[column.field] = int(raw)
        else:
            values[column.field] = None
    elif column.kind == "decimal":
        if raw:
            try:
                values[column.field] = Decimal(raw.replace(",", ".")).quantize(Decimal("0.000001"))
            except InvalidOperation as exc:
                raise ValidationError(_("'%(value)s' is geen getal; gebruik bijvoorbeeld 52.5123.")
                                      % {"value": raw}) from exc
        else:
            values[column.field] = None
    elif column.kind == "bool":
        word = raw.lower()
        if word in TRUE_WORDS:
            values[column.field] = True
        elif word in FALSE_WORDS:
            values[column.field] = False
        elif not word:
            if Place._meta.get_field(column.field).null:
                values[column.field] = None
        else:
            raise ValidationError(_("Vul ja of nee in, niet '%(value)s'.") % {"value": raw})
    elif column.kind == "vocab":
        items, unknown = [], []
        for part in raw.replace("|", ",").replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            item = lookups.vocab[column.field].get(_fold(part))
            (items if item else unknown).append(item or part)
        if unknown:
            raise ValidationError(_("Onbekend: %(unknown)s. Zie de lijst in de handleiding voor importeren.")
                                  % {"unknown": ", ".join(unknown)})
        m2m[column.field] = items
    elif column.kind == "hours":
        ranges = validators.parse_time_ranges(raw)
        if ranges:
            values["opening_hours"][column.weekday] = ranges


def _differs(place: Place, values: dict, m2m: dict) -> bool:
    for field, value in values.items():
        if getattr(place, field) != value:
            return True
    for field, items in m2m.items():
        if {item.pk for item in getattr(place, field).all()} != {item.pk for item in items}:
            return True
    return False


def import_places(filename: str, data: bytes, scope: Scope, user, progress=None) -> ImportReport:
    """Check the whole file; write it only when every row is right. Returns the report."""
    report = ImportReport()
    try:
        table = read_table(filename, data, required=REQUIRED_HEADERS, known=set(HEADERS))
    except TableError as error:
        report.file_problems.append(str(error))
        return report
    lookups = _Lookups(scope)
    codes = [row.get("code", "") for row in table.rows]
    existing = {
        place.code: place
        for place in Place.objects.filter(code__in=codes).select_related("municipality")
        .prefetch_related("facilities", "activities", "target_groups")
    }
    editable = set(scope.places(Place.objects.filter(code__in=codes)).values_list("code", flat=True))
    seen: dict[str, int] = {}
    planned = []
    for index, row in enumerate(table.rows):
        number = table.row_numbers[index]
        problems_before = len(report.row_problems)

        def add_problem(column, message, number=number):
            report.add(number, column, message)

        values, m2m = _parse_row(row, lookups, add_problem)
        code = values.get("code", "")
        if code:
            if code in seen:
                add_problem("code", _("De code %(code)s staat ook al in rij %(row)s.") % {"code": code,
                                                                                        "row": seen[code]})
            seen.setdefault(code, number)
            if code in existing and code not in editable:
                add_problem("code", _("De code %(code)s is al in gebruik bij een plek buiten uw gebied.")
                            % {"code": code})
        place = existing.get(code) or Place()
        if len(report.row_problems) == problems_before:
            _check_model_rules(place, values, add_problem)
        if len(report.row_problems) == problems_before:
            planned.append((number, place, values, m2m))
        if progress:
            progress(index + 1, len(table.rows))
    if not report.ok:
        return report
    new, changed, lists = [], [], []
    for number, place, values, m2m in planned:
        if place.pk and not _differs(place, values, m2m):
            report.actions.append((number, place.code, "unchanged"))
            continue
        action = "updated" if place.pk else "created"
        if place.pk:
            place._moved = any(field in values and getattr(place, field) != values[field]
                               for field in ("latitude", "longitude"))
            place._import_fields = set(values)
        for field, value in values.items():
            setattr(place, field, value)
        (changed if place.pk else new).append(place)
        lists.append((place, m2m))
        report.actions.append((number, place.code, action))
    # All or nothing in one transaction, in bulk (bulk_write): a few queries per batch of places.
    bulk_write.write_places(new, changed, lists, user, reason=_("import %(file)s") % {"file": filename})
    if report.count("created") or report.count("updated"):
        services.refresh_statistics()
    report.written = True
    return report


def _check_model_rules(place: Place, values: dict, add_problem) -> None:
    """Run the model's own validators (lengths, postcode, coordinates in NL, e-mail, URL)."""
    candidate = Place(**values)
    exclude = [f.name for f in Place._meta.concrete_fields if f.name not in MODEL_FIELDS_CHECKED]
    try:
        candidate.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        columns = {column.field: column.header for column in COLUMNS}
        for field, messages in error.message_dict.items():
            for message in messages:
                add_problem(columns.get(field, field), message)
    if (values.get("latitude") is None) != (values.get("longitude") is None):
        add_problem("breedtegraad", _("Vul breedtegraad en lengtegraad allebei in, of allebei niet."))
