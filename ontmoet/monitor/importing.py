"""Responses in and out as KoboToolbox and ODK Central exports look (XML values and headers).

A column per question (bare or group-prefixed, see `kobo.py`); a select_multiple as choice names
separated by spaces, commas or semicolons, or one 1/0 (True/False) column per choice; the respondent in
a column of place codes or CBS codes, or of anything matched through a mapping table. The tools'
metadata is ignored and named; the original submission time is kept. Imports are all-or-nothing:
every row is checked first, and only a clean file is written, in one transaction.
"""

import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ontmoet.core.tabular import ImportReport, TableError, read_table

from . import answers as answer_rules
from . import kobo, services
from .kobo import PHONE, RESPONDENT
from .models import Invitation, Response, Wave


@dataclass(frozen=True)
class Respondent:
    pk: int
    respondent_code: str


@dataclass
class ResponseImportReport(ImportReport):
    """The row report plus what an export brings beyond answers: ignored columns and rows without answers."""

    ignored_columns: list = field(default_factory=list)
    skipped_rows: list = field(default_factory=list)  # (row, respondent value)
    respondent_column: str = ""
    choice_columns: list = field(default_factory=list)  # question/choice columns not read (see kobo.Columns)
    header_row: tuple = ()  # (row number, "hxl" or "labels"): a second header row, left out
    readable: bool = True  # False when the file itself cannot be read (then keeping it for a retry is no use)


def _row_answers(multiples: list, row: dict, columns: kobo.Columns, report: ImportReport, number: int) -> dict:
    not_answered = kobo.NOT_ANSWERED
    raw = {name: "" if (value := row.get(header, "")) in not_answered else value
           for header, name in columns.questions.items()}
    if not columns.split:
        # Each select_multiple comes in its own column, as names: split them on spaces, commas or semicolons.
        for question in multiples:
            if question in raw:
                raw[question] = kobo.multiple(raw[question])
        return raw
    chosen: dict[str, list] = {}
    for header, (question, choice) in columns.split.items():
        value = row.get(header, "")
        if value in kobo.NOT_CHOSEN:  # the common spellings first: an export has a column per choice
            continue
        if value in kobo.CHOSEN or value.lower() in kobo.CHOSEN:
            chosen.setdefault(question, []).append(choice)
        elif value.lower() not in kobo.NOT_CHOSEN:
            report.add(number, header, _("gebruik 1 of True (gekozen) of 0 of False (niet gekozen), niet '%(value)s'")
                       % {"value": value})
    for question in multiples:
        if question in raw or question in chosen:
            names = kobo.multiple(raw.get(question, ""))
            raw[question] = names + [name for name in chosen.get(question, []) if name not in names]
    return raw


def respondents(wave: Wave) -> dict:
    """The wave's respondents by code (upper case). Codes and ids only: a wave can have tens of thousands."""
    invitations = {}
    for pk, place_code, municipality_code in wave.invitations.values_list("pk", "place__code", "municipality__code"):
        invitations[(place_code or municipality_code).upper()] = Respondent(pk, place_code or municipality_code)
    return invitations


def _problem_text(name: str, value, message: str) -> str:
    if value in (None, "", []):
        return message
    shown = " ".join(value) if isinstance(value, list) else value
    return _("vraag %(name)s, waarde '%(value)s': %(message)s") % {"name": name, "value": shown, "message": message}


def import_responses(wave: Wave, filename: str, data: bytes, *, user=None, dry_run: bool = False, progress=None,
                     respondent_column: str = "", mapping: dict | None = None) -> ResponseImportReport:
    """Check every row, then write all of them or nothing. Returns the row-by-row report.

    `respondent_column` names the column that says who answered (default: `respondent`, else the column
    where most values are respondent codes); `mapping` turns its values (lower case) into place or CBS codes.
    """
    report = ResponseImportReport()
    form = wave.questionnaire.form
    resolved = {}

    def keep(header: list) -> set:
        """The columns to read: the header is sorted once, and only answers and what says who and when are read."""
        column = respondent_column.strip().lower() or (RESPONDENT if RESPONDENT in header else "")
        columns = resolved["columns"] = kobo.resolve(form, header, respondent=column)
        resolved["column"] = column
        if not column:  # found from the values below, so every column may be the one
            return set(header) - set(columns.redundant)
        return {*columns.questions, *columns.split, column, PHONE, columns.submission}

    try:
        table = read_table(filename, data, required=set(), known=None, keep=keep)
    except TableError as exc:
        report.file_problems.append(str(exc))
        report.readable = False
        return report
    invitations = respondents(wave)
    mapping = mapping or {}

    def lookup(value: str):
        return invitations.get(mapping.get(value.strip().lower(), value).strip().upper())

    column, columns = resolved["column"], resolved["columns"]
    if labels := kobo.labels_export(form, columns.unknown):
        report.file_problems.append(labels)
        return report
    if table.rows and (kind := kobo.second_header_row(form, columns, table.rows[0])):
        report.header_row = (table.row_numbers[0], kind)
        del table.rows[0], table.row_numbers[0]
        if not table.rows:
            report.file_problems.append(_("Het bestand bevat onder de kolomkoppen alleen een rij met labels en "
                                          "geen antwoorden."))
            return report
    if column and column not in table.header:
        report.file_problems.append(_("Het bestand heeft geen kolom '%(column)s'. Kies de kolom die zegt wie "
                                      "antwoordde uit: %(header)s.") % {"column": column,
                                                                       "header": ", ".join(table.header)})
        return report
    if not column:
        column = kobo.detect_respondent(table, lookup)
        columns = kobo.resolve(form, table.header, respondent=column)
    if not column:
        report.file_problems.append(_(
            "Welke kolom zegt wie antwoordde? Het bestand heeft geen kolom respondent en geen kolom die vooral "
            "codes van plekken of CBS-codes van gemeenten bevat. Kies de kolom (op de pagina, of met "
            "--respondent-kolom), met een koppeltabel als die kolom namen of nummers bevat in plaats van codes."))
        return report
    if columns.unknown:
        report.file_problems.append(_(
            "Deze kolommen zijn geen vraag van '%(form)s' versie %(version)s en geen metagegevens van KoboToolbox "
            "of ODK Central: %(columns)s. Hoort het bestand bij een andere versie van de vragenlijst? Importeer het "
            "dan bij een uitvraag met die versie, of verwijder deze kolommen.") % {
            "form": form.title, "version": form.version, "columns": ", ".join(columns.unknown)})
        return report
    report.ignored_columns, report.respondent_column = columns.ignored, column
    report.choice_columns = columns.redundant
    existing = set(Response.objects.filter(wave=wave, submitted_at__isnull=False).values_list(
        "invitation_id", flat=True))
    seen: dict[str, int] = {}
    # A required question is checked only when the file has its column: files from earlier tools
    # (phone lists, another survey program) often hold a subset of the questions.
    present = columns.present
    multiples = [question.name for question in form.answerable if question.type == "select_multiple"]
    planned = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        if progress:
            progress(1)
        value = row.get(column, "").strip()
        raw = _row_answers(multiples, row, columns, report, number)
        if not any(raw.values()):  # a row without answers is not a completed questionnaire
            report.skipped_rows.append((number, value))
            continue
        invitation = lookup(value) if value else None
        if not value:
            report.add(number, column, _("vul de code van de plek of de CBS-code van de gemeente in"))
        elif invitation is None:
            report.add(number, column, _(
                "'%(code)s' hoort niet bij de respondenten van deze uitvraag; gebruik de code van de plek of de "
                "CBS-code van de gemeente, of zet de waarde in de koppeltabel") % {"code": value})
        elif invitation.respondent_code in seen:
            report.add(number, column, _("'%(code)s' staat ook al op rij %(row)s") % {
                "code": value, "row": seen[invitation.respondent_code]})
        if invitation is not None:
            seen.setdefault(invitation.respondent_code, number)
        cleaned, errors = answer_rules.validate(form, raw, final=True, required_names=present)
        for name, message in errors.items():
            report.add(number, columns.header_of(name), _problem_text(name, raw.get(name), message))
        submitted_at = None
        if columns.submission:
            try:
                submitted_at = kobo.submission_time(row.get(columns.submission, ""))
            except ValueError:
                report.add(number, columns.submission, _(
                    "'%(value)s' is geen tijdstip; schrijf het als 2024-10-01T10:15:00 (met of zonder tijdzone)") % {
                    "value": row[columns.submission]})
        phone = row.get(PHONE, "").lower() in {"1", "ja", "true", "yes"}
        if invitation is not None:
            planned.append((number, invitation, cleaned, phone, submitted_at))
    if not report.ok or dry_run:
        return report
    services.submit_many(wave, [(invitation, cleaned, phone, at) for _n, invitation, cleaned, phone, at in planned],
                         by=user)
    for number, invitation, _cleaned, _phone, _at in planned:
        report.actions.append((number, invitation.respondent_code,
                               "updated" if invitation.pk in existing else "created"))
    report.written = True
    return report


# -- the export: a KoboToolbox-style file that imports again unchanged --------------------------------
def export_header(form) -> list[str]:
    """Group-prefixed question names, each select_multiple followed by a 1/0 column per choice, as Kobo does."""
    header = [RESPONDENT, "respondent_naam", "gemeente", PHONE]
    for question in form.answerable:
        path = "/".join(question.path)
        header.append(path)
        if question.type == "select_multiple":
            header.extend(f"{path}/{choice.name}" for choice in question.choices)
    return [*header, "_id", "_uuid", "_submission_time", "_index"]


def response_uuid(response: Response) -> str:
    """A stable identity for the response, as KoboToolbox's `_uuid` (the database has no column for it)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:ontmoet:monitor:response:{response.pk}"))


def export_rows(wave: Wave, invitation_filter=None):
    """Rows of submitted responses in the import convention (so an export can be imported again)."""
    form = wave.questionnaire.form
    responses = Response.objects.filter(wave=wave, submitted_at__isnull=False).select_related(
        "invitation__place", "invitation__municipality").order_by("invitation__municipality__name", "pk")
    if invitation_filter is not None:
        responses = responses.filter(invitation__in=invitation_filter)
    for index, response in enumerate(responses.iterator(chunk_size=500), start=1):
        invitation: Invitation = response.invitation
        values = []
        for question in form.answerable:
            value = response.data.get(question.name)
            if question.type == "select_multiple":
                chosen = value or []
                values.append(" ".join(chosen))
                values.extend(("1" if choice.name in chosen else "0") if value else "" for choice in question.choices)
            else:
                values.append("" if value is None else value)
        yield [invitation.respondent_code, invitation.respondent_name, invitation.municipality.name,
               "1" if response.taken_by_phone else "0", *values, response.pk, response_uuid(response),
               response.submitted_at.isoformat(timespec="seconds"), index]
