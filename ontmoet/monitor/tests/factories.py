"""Test helpers: the shipped questionnaires, waves with invitations, small XLSForms built in code."""

import datetime
import io
from pathlib import Path

from openpyxl import Workbook

from ontmoet.monitor import services
from ontmoet.monitor.models import Questionnaire, RespondentKind

SHIPPED = Path(__file__).resolve().parents[1] / "shipped"


def shipped_questionnaire(province, kind: str = RespondentKind.PLACE, version: str | None = None) -> Questionnaire:
    filename = "monitor_plekken.xlsx" if kind == RespondentKind.PLACE else "monitor_gemeenten.xlsx"
    data = (SHIPPED / filename).read_bytes()
    if version:
        data = xlsform_bytes_with_version(data, version)
    existing = Questionnaire.objects.filter(province=province, source_name=filename,
                                            version=version or "2024").first()
    return existing or services.import_questionnaire(province, data, filename)


def xlsform_bytes_with_version(data: bytes, version: str) -> bytes:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["settings"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("version") + 1, value=version)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_wave(province, kind=RespondentKind.PLACE, year=2024, population=None, opens_on=None, closes_on=None,
              questionnaire=None, **extra):
    today = datetime.date.today()
    return services.create_wave(
        questionnaire=questionnaire or shipped_questionnaire(province, kind), title=f"Monitor {year}", year=year,
        respondent_kind=kind, opens_on=opens_on or today - datetime.timedelta(days=10),
        closes_on=closes_on or today + datetime.timedelta(days=30), population=population, **extra)


def xlsform(survey: list[list], choices: list[list] | None = None, settings: list[list] | None = None,
            sheets: tuple = ("survey", "choices", "settings")) -> bytes:
    """A small XLSForm workbook from rows (the first row of each sheet is its header)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    content = {"survey": survey, "choices": choices or [["list_name", "name", "label"], ["janee", "ja", "Ja"],
                                                        ["janee", "nee", "Nee"]],
               "settings": settings or [["form_title", "form_id", "version"], ["Test", "test", "1"]]}
    for name in sheets:
        sheet = workbook.create_sheet(name)
        for row in content[name]:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
