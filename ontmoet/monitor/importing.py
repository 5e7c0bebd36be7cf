"""Responses in and out in the KoboToolbox export convention.

One column per question `name`; a select_multiple as space-separated choice names, or one 0/1
column per choice named `question/choice` (Kobo's "separate columns" export); a `respondent` column
with the place code or the municipality's CBS code. Kobo's own metadata columns (`_id`,
`_submission_time`, `start`, ...) are accepted and ignored. Imports are all-or-nothing: every row
is checked first, and only a clean file is written, in one transaction.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ontmoet.core.tabular import ImportReport, TableError, read_table

from . import answers as answer_rules
from . import services
from .models import Invitation, Response, Wave

RESPONDENT = "respondent"
PHONE = "telefonisch"
KOBO_META = {"_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
             "_tags", "_index", "__version__", "start", "end", "today", "deviceid", "meta/instanceid",
             "_version_", "formhub/uuid", "respondent_naam", "gemeente"}


@dataclass(frozen=True)
class Respondent:
    pk: int
    respondent_code: str


def _columns(form) -> tuple[set, dict]:
    """Known column names, and the `question/choice` columns mapped to (question, choice)."""
    # Kobo exports calculations and metadata (start, today, ...) as columns; the monitor computes them.
    known = {RESPONDENT, PHONE, *KOBO_META, *(question.name.lower() for question in form.calculated)}
    split = {}
    for question in form.answerable:
        known.add(question.name.lower())
        if question.type == "select_multiple":
            for choice in question.choices:
                column = f"{question.name}/{choice.name}".lower()
                known.add(column)
                split[column] = (question.name, choice.name)
    return known, split


def _row_answers(form, row: dict, split: dict, report: ImportReport, number: int) -> dict:
    raw = {}
    for question in form.answerable:
        if question.name.lower() in row:
            raw[question.name] = row[question.name.lower()]
    chosen: dict[str, list] = {}
    for column, (question, choice) in split.items():
        value = row.get(column, "")
        if value in {"", "0", "False", "false", "nee"}:
            continue
        if value not in {"1", "True", "true", "ja"}:
            report.add(number, column, _("gebruik 1 (gekozen) of 0 (niet gekozen), niet '%(value)s'") % {
                "value": value})
            continue
        chosen.setdefault(question, []).append(choice)
    for question, names in chosen.items():
        existing = str(raw.get(question, "")).split()
        raw[question] = existing + [name for name in names if name not in existing]
    return raw


def import_responses(wave: Wave, filename: str, data: bytes, *, user=None, dry_run: bool = False,
                     progress=None) -> ImportReport:
    """Check every row, then write all of them or nothing. Returns the row-by-row report."""
    report = ImportReport()
    form = wave.questionnaire.form
    known, split = _columns(form)
    try:
        table = read_table(filename, data, required={RESPONDENT}, known=known)
    except TableError as exc:
        report.file_problems.append(str(exc))
        return report
    # Codes and ids only: a wave can have tens of thousands of respondents.
    invitations = {}
    for pk, place_code, municipality_code in wave.invitations.values_list("pk", "place__code", "municipality__code"):
        invitations[(place_code or municipality_code).upper()] = Respondent(pk, place_code or municipality_code)
    existing = set(Response.objects.filter(wave=wave, submitted_at__isnull=False).values_list(
        "invitation_id", flat=True))
    seen: dict[str, int] = {}
    # A required question is checked only when the file has its column: files from earlier tools
    # (phone lists, another survey program) often hold a subset of the questions.
    present = {q.name for q in form.answerable if q.name.lower() in table.header
               or any(column.startswith(q.name.lower() + "/") for column in table.header)}
    planned = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        code = row.get(RESPONDENT, "").strip().upper()
        invitation = invitations.get(code)
        if not code:
            report.add(number, RESPONDENT, _("vul de code van de plek of de CBS-code van de gemeente in"))
        elif invitation is None:
            report.add(number, RESPONDENT, _("'%(code)s' hoort niet bij de respondenten van deze uitvraag") % {
                "code": code})
        elif code in seen:
            report.add(number, RESPONDENT, _("'%(code)s' staat ook al op rij %(row)s") % {
                "code": code, "row": seen[code]})
        seen.setdefault(code, number)
        raw = _row_answers(form, row, split, report, number)
        cleaned, errors = answer_rules.validate(form, raw, final=True, required_names=present)
        for name, message in errors.items():
            report.add(number, name, message)
        phone = row.get(PHONE, "").lower() in {"1", "ja", "true", "yes"}
        if invitation is not None:
            planned.append((number, invitation, cleaned, phone))
        if progress:
            progress(1)
    if not report.ok or dry_run:
        return report
    services.submit_many(wave, [(invitation, cleaned, phone) for _n, invitation, cleaned, phone in planned],
                         by=user, progress=None)
    for number, invitation, _cleaned, _phone in planned:
        report.actions.append((number, invitation.respondent_code,
                               "updated" if invitation.pk in existing else "created"))
    report.written = True
    return report


def export_header(form) -> list[str]:
    return [RESPONDENT, "respondent_naam", "gemeente", PHONE, "_submission_time",
            *[question.name for question in form.answerable]]


def export_rows(wave: Wave, invitation_filter=None):
    """Rows of submitted responses in the import convention (so an export can be imported again)."""
    form = wave.questionnaire.form
    responses = Response.objects.filter(wave=wave, submitted_at__isnull=False).select_related(
        "invitation__place", "invitation__municipality").order_by("invitation__municipality__name", "pk")
    if invitation_filter is not None:
        responses = responses.filter(invitation__in=invitation_filter)
    for response in responses.iterator(chunk_size=500):
        invitation: Invitation = response.invitation
        values = []
        for question in form.answerable:
            value = response.data.get(question.name)
            values.append(" ".join(value) if isinstance(value, list) else ("" if value is None else value))
        yield [invitation.respondent_code, invitation.respondent_name, invitation.municipality.name,
               "1" if response.taken_by_phone else "0",
               response.submitted_at.isoformat(timespec="seconds") if response.submitted_at else "", *values]
