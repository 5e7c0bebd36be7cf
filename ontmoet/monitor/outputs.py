"""The report's presentations: charts for HTML and PDF, and the XLSX workbook.

All of them take the plain report data from report.build_report, so the page, the PDF, the
workbook and the JSON show the same numbers.
"""

import io
from collections import Counter

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from ontmoet.core.charts import horizontal_bars, vertical_bars
from ontmoet.core.exports import neutralise
from ontmoet.core.formatting import number


def _short(text: str, length: int = 48) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def with_charts(report: dict) -> list[dict]:
    """The report's questions, each with a chart (or None) to show beside its table."""
    questions = []
    for question in report["questions"]:
        chart = None
        if question.get("choices") and question["n_answered"]:
            chart = horizontal_bars(
                [_short(c["label"]) for c in question["choices"]], [c["percent"] or 0 for c in question["choices"]],
                alt=_("Staafdiagram van '%(q)s': %(values)s") % {
                    "q": question["label"],
                    "values": "; ".join(f"{c['label']} {number(c['percent'] or 0, 1)}%" for c in question["choices"])},
                maximum=100)
        elif question.get("numeric", {}).get("n"):
            histogram = question["numeric"]["histogram"]
            chart = vertical_bars(
                [str(b["from"]) if b["from"] == b["to"] else f"{b['from']}–{b['to']}" for b in histogram],
                [b["count"] for b in histogram],
                alt=_("Histogram van '%(q)s': mediaan %(median)s, van %(min)s tot %(max)s") % {
                    "q": question["label"], **{k: number(question["numeric"][k], 1).removesuffix(",0")
                                           for k in ("median", "min", "max")}},
                unit=_("aantal"))
        texts = Counter(question.get("texts", []))
        questions.append({**question, "chart": chart, "text_counts": texts.most_common()})
    return questions


def progress_chart(progress: dict):
    """Response rate per municipality, highest first (None for a single municipality)."""
    rows = sorted(progress["by_municipality"], key=lambda r: -(r["rate"] or 0))
    if len(rows) < 2:
        return None
    return horizontal_bars([r["key"] for r in rows], [r["rate"] or 0 for r in rows], maximum=100,
                           alt=_("Respons per gemeente: %(values)s") % {
                               "values": "; ".join(f"{r['key']} {number(r['rate'] or 0)}%" for r in rows)})


def comparison_charts(comparison: dict) -> list[dict]:
    years = [str(w["year"]) for w in comparison["waves"]]
    result = []
    for question in comparison["questions"]:
        chart = None
        if question.get("choices"):
            labels, values = [], []
            for choice in question["choices"]:
                for year, value in zip(years, choice["values"], strict=True):
                    labels.append(f"{_short(choice['label'], 36)} ({year})")
                    values.append((value or {}).get("percent") or 0)
            chart = horizontal_bars(labels, values, maximum=100, alt=_("Vergelijking per jaar van '%(q)s'") % {
                "q": question["label"]})
        result.append({**question, "chart": chart})
    return result


def report_workbook(report: dict) -> bytes:
    """Sheets: summary, choices per question, numeric summaries, open answers, breakdown."""
    workbook = Workbook()
    bold = Font(bold=True)
    summary = workbook.active
    summary.title = _("Samenvatting")[:31]
    wave = report["wave"]
    for row in [[_("Uitvraag"), wave["title"]], [_("Jaar"), wave["year"]], [_("Vragenlijst"), wave["questionnaire"]],
                [_("Versie"), wave["version"]], [_("Uitgenodigd"), report["invited"]],
                [_("Respondenten"), report["respondents"]], [_("Respons (%)"), report["response_rate"]]]:
        summary.append([neutralise(v) for v in row])
    for cell in summary["A"]:
        cell.font = bold

    choices = workbook.create_sheet(_("Keuzevragen")[:31])
    choices.append([_("Vraag (naam)"), _("Vraag"), _("Meerdere antwoorden"), _("Beantwoord (n)"), _("Keuze (naam)"),
                    _("Keuze"), _("Aantal"), _("Percentage")])
    numbers = workbook.create_sheet(_("Getallen")[:31])
    numbers.append([_("Vraag (naam)"), _("Vraag"), "n", "min", "Q1", _("mediaan"), "Q3", "max", _("gemiddelde")])
    texts = workbook.create_sheet(_("Open antwoorden")[:31])
    texts.append([_("Vraag (naam)"), _("Vraag"), _("Antwoord")])
    for question in report["questions"]:
        if "choices" in question:
            for choice in question["choices"]:
                choices.append([neutralise(v) for v in [
                    question["name"], question["label"], _("ja") if question["multiple"] else _("nee"),
                    question["n_answered"], choice["name"], choice["label"], choice["count"], choice["percent"]]])
        elif "numeric" in question:
            numeric = question["numeric"]
            numbers.append([neutralise(v) for v in [question["name"], question["label"], numeric.get("n"),
                                                    numeric.get("min"), numeric.get("q1"), numeric.get("median"),
                                                    numeric.get("q3"), numeric.get("max"), numeric.get("mean")]])
        else:
            for text in question.get("texts", []):
                texts.append([neutralise(v) for v in [question["name"], question["label"], text]])
    breakdown = report.get("breakdown")
    if breakdown:
        sheet = workbook.create_sheet(_("Uitsplitsing")[:31])
        sheet.append([_("Uitgesplitst naar"), breakdown["label"], _("Kleine aantallen (< %(n)s) verborgen") % {
            "n": breakdown["min_cell"]}])
        labels = {g["key"]: g["label"] for g in breakdown["groups"]}
        for question in breakdown["questions"]:
            sheet.append([])
            sheet.append([question["label"], *[labels[g["group"]] for g in question["groups"]]])
            sheet.append(["n", *[g["n"] if g["n"] is not None else "<" + str(breakdown["min_cell"])
                                 for g in question["groups"]]])
            for choice in question["choices"]:
                sheet.append([neutralise(choice["label"]), *[
                    g["choices"][choice["name"]]["count"] if not g["choices"][choice["name"]]["suppressed"] else "–"
                    for g in question["groups"]]])
    for sheet in workbook.worksheets[1:]:
        for cell in sheet[1]:
            cell.font = bold
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
