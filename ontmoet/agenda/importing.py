"""Import of activities from CSV or XLSX: checked whole, written whole, reported row by row (core.tabular).

Each row is judged by the board's own form (ActivityForm: more than 500 dates, an end before the start, a
time that does not exist, a negative cost ...) and written by the same service, so the file obeys exactly
the rules of the page. A row matches an existing activity by its `nummer` (from an export) or else by place,
name and first date, so importing the same file twice changes nothing the second time.
"""

import unicodedata

from django.db import transaction
from django.utils.translation import gettext as _

from ontmoet.core.tabular import ImportReport, TableError, read_table
from ontmoet.places import selectors as places
from ontmoet.places.models import Activity as ActivityKind
from ontmoet.places.models import TargetGroup

from . import columns, services
from .columns import COLUMN_OF_FIELD, HEADERS, CellError
from .forms import ActivityForm
from .models import Activity


def _fold(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def _vocabulary(model) -> dict[str, int]:
    table = {}
    for pk, code, name in model.objects.values_list("pk", "code", "name"):
        table[_fold(name)] = table[_fold(code)] = pk
    return table


class _Lookups:
    """What the rows are matched against, loaded once per import."""

    def __init__(self, scope, place, codes):
        if place is not None:
            self.places = {place.code: place}
        else:
            self.places = {found.code: found for found in
                           places.visible_places(scope).filter(code__in=codes).select_related("municipality")
                           if scope.can_edit_place(found)}
        self.kinds = _vocabulary(ActivityKind)
        self.groups = _vocabulary(TargetGroup)
        managed = (Activity.objects.filter(place__in=list(self.places.values())).select_related("place", "kind")
                   .prefetch_related("target_groups"))
        self.by_pk = {activity.pk: activity for activity in managed}
        self.by_key = {(activity.place_id, _fold(activity.title), activity.starts_on): activity
                       for activity in self.by_pk.values()}


def _form_data(cells: dict, lookups: _Lookups, problem) -> dict | None:
    """The form's POST data from a row's cells; None (with the problems reported) when a cell is unreadable."""
    data: dict = {"title": cells.get("naam", ""), "description": cells.get("omschrijving", ""),
                  "accessibility": cells.get("toegankelijkheid", ""), "contact_name": cells.get("contactpersoon", ""),
                  "contact_phone": cells.get("telefoon", ""), "contact_email": cells.get("e-mailadres", "")}
    readers = {
        "wanneer": lambda raw: columns.read_rule(raw) if raw else {},
        "eerste datum": lambda raw: {"starts_on": columns.read_date(raw)},
        "laatste datum": lambda raw: {"ends_on": columns.read_date(raw)},
        "begintijd": lambda raw: {"start_time": columns.read_time(raw)},
        "eindtijd": lambda raw: {"end_time": columns.read_time(raw)},
        "kosten": lambda raw: {"cost": columns.read_cost(raw)},
        "niet op feestdagen": lambda raw: {"skip_public_holidays": columns.read_bool(raw)},
        "open inloop": lambda raw: {"walk_in": columns.read_bool(raw)},
        "tweede thuis": lambda raw: {"second_home": columns.read_bool(raw)},
        "soort": lambda raw: {"kind": _kind(raw, lookups)},
        "doelgroepen": lambda raw: {"target_groups": _groups(raw, lookups)},
    }
    readable = True
    for header, reader in readers.items():
        try:
            data.update(reader(cells.get(header, "")))
        except CellError as error:
            problem(header, str(error))
            readable = False
    if not readable:
        return None
    for name in ("skip_public_holidays", "walk_in", "second_home"):
        if not data.get(name):
            data.pop(name, None)  # a checkbox that is not ticked is not sent
    return {key: "" if value is None else value for key, value in data.items()}


def _kind(raw: str, lookups: _Lookups):
    if not raw:
        return ""
    pk = lookups.kinds.get(_fold(raw))
    if pk is None:
        raise CellError(_("Onbekende soort ‘%(value)s’. Gebruik een naam of code uit de lijst van activiteiten.")
                        % {"value": raw})
    return pk


def _groups(raw: str, lookups: _Lookups) -> list[int]:
    parts = [part.strip() for part in raw.replace(";", ",").replace("|", ",").split(",") if part.strip()]
    unknown = [part for part in parts if _fold(part) not in lookups.groups]
    if unknown:
        raise CellError(_("Onbekende doelgroep: %(unknown)s. Gebruik namen of codes uit de lijst van doelgroepen.")
                        % {"unknown": ", ".join(unknown)})
    return sorted({lookups.groups[_fold(part)] for part in parts})


def _existing(cells: dict, place, lookups: _Lookups, problem) -> Activity | None:
    number = cells.get("nummer", "")
    if number:
        found = lookups.by_pk.get(int(number)) if number.isascii() and number.isdecimal() else None
        if found is None or found.place_id != place.pk:
            problem("nummer", _("Nummer %(number)s is geen activiteit van %(place)s. Laat het leeg voor een nieuwe "
                                "activiteit.") % {"number": number, "place": place.code})
        return found
    try:
        first = columns.read_date(cells.get("eerste datum", ""))
    except CellError:
        return None  # reported with the other cells
    return lookups.by_key.get((place.pk, _fold(cells.get("naam", "")), first))


def import_activities(filename: str, data: bytes, scope, user, place=None) -> ImportReport:
    """Check the whole file; write it only when every row is right. With `place`, rows are for that place
    (their 'plek' may be left empty); without, every row names a place this user keeps the agenda of."""
    report = ImportReport()
    required = columns.REQUIRED | (set() if place is not None else {"plek"})
    try:
        table = read_table(filename, data, required=required, known=set(HEADERS))
    except TableError as error:
        report.file_problems.append(str(error))
        return report
    lookups = _Lookups(scope, place, {row.get("plek", "") for row in table.rows})
    seen: dict = {}
    planned = []
    for index, row in enumerate(table.rows):
        number = table.row_numbers[index]
        before = len(report.row_problems)

        def problem(column, message, number=number):
            report.add(number, column, message)

        code = row.get("plek", "") or (place.code if place is not None else "")
        target = lookups.places.get(code)
        if target is None:
            message = (_("Deze regel is voor %(code)s; hier importeert u alleen voor %(place)s.")
                       % {"code": code, "place": place.code} if place is not None else
                       _("Onbekende plek ‘%(code)s’, of een plek waarvan u de agenda niet bijhoudt. Vul de code van "
                         "de plek in, bijvoorbeeld RAA-001.") % {"code": code} if code else
                       _("Vul de code van de plek in, bijvoorbeeld RAA-001."))
            problem("plek", message)
            continue
        existing = _existing(row, target, lookups, problem)
        cells = dict(zip(HEADERS, (str(value) for value in columns.row_of(existing)), strict=True)) if existing else {}
        cells.update(row)  # a column the file leaves out keeps what the activity has
        form_data = _form_data(cells, lookups, problem)
        if form_data is None or len(report.row_problems) > before:
            continue
        key = existing.pk if existing else (target.pk, _fold(cells.get("naam", "")), form_data["starts_on"])
        if key in seen:
            problem("naam", _("Deze activiteit staat ook al in rij %(row)s.") % {"row": seen[key]})
            continue
        seen[key] = number
        form = ActivityForm(form_data, instance=existing or Activity(place=target))
        if not form.is_valid():
            for field, messages in form.errors.items():
                for message in messages:
                    problem(COLUMN_OF_FIELD.get(field, ""), message)
            continue
        planned.append((number, form, existing is not None and not form.has_changed()))
    if not report.ok:
        return report
    with transaction.atomic():
        for number, form, unchanged in planned:
            if unchanged:
                report.actions.append((number, form.instance.title, "unchanged"))
                continue
            action = "updated" if form.instance.pk else "created"
            saved = services.save_activity(form.save_rule(), form.cleaned_data["target_groups"], user)
            report.actions.append((number, saved.title, action))
    report.written = True
    return report
