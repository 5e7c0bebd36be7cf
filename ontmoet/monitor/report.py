"""The monitor report as plain data (JSON-able), computed with database aggregates (ADR 0020).

`build_report` gives the numbers that the HTML page, the PDF, the XLSX workbook and the JSON
download all show; docs/monitor-report-schema.md describes the structure. Percentages:
select_one over the respondents who answered the question; select_multiple over the respondents
who answered it as well, so choices may add up to more than 100% (the report says so).
Breakdowns suppress small cells (ONTMOET_MONITOR_MIN_CELL, default 5): a group with fewer
respondents shows no numbers, and a count from 1 up to the minimum is hidden.
"""

import math
import statistics
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext as _

from ontmoet.places.choices import Kind

from .models import Answer, Invitation, RespondentKind, Response, Status, Wave

SCHEMA = "ontmoet.monitor.report/1"


def min_cell() -> int:
    return int(getattr(settings, "ONTMOET_MONITOR_MIN_CELL", 5))


def percent(count: int, base: int) -> float | None:
    return round(100 * count / base, 1) if base else None


def _answers(wave: Wave, municipality_ids):
    answers = Answer.objects.filter(wave=wave)
    if municipality_ids is not None:
        answers = answers.filter(response__invitation__municipality_id__in=municipality_ids)
    return answers


def _numeric_summary(values: list) -> dict:
    values = sorted(float(v) for v in values)
    if not values:
        return {"n": 0}
    if len(values) >= 2:
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    else:
        q1 = median = q3 = values[0]
    low, high = values[0], values[-1]
    integers = all(v.is_integer() for v in values)
    histogram = []
    if integers:
        # Whole-number bins (5–16, 17–28, ...): a count of people is never 16.5.
        width = max(1, math.ceil((high - low + 1) / 10))
        start = int(low)
        while start <= high:
            end = start + width - 1
            histogram.append({"from": start, "to": end, "count": sum(1 for v in values if start <= v <= end)})
            start = end + 1
    else:
        width = (high - low) / 10 or 1
        for index in range(10):
            start, end = low + index * width, low + (index + 1) * width
            count = sum(1 for v in values if start <= v < end or (index == 9 and v == end))
            histogram.append({"from": _clean(start), "to": _clean(end), "count": count})
    return {"n": len(values), "min": _clean(low), "q1": _clean(q1), "median": _clean(median), "q3": _clean(q3),
            "max": _clean(high), "mean": _clean(round(statistics.fmean(values), 2)), "histogram": histogram}


def _clean(value: float):
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def build_report(wave: Wave, *, municipality_ids=None, breakdown: str = "", language: str = "nl",
                 include_texts: bool = True) -> dict:
    """The whole report for one wave, optionally limited to some municipalities and broken down."""
    form = wave.questionnaire.form
    invitations = Invitation.objects.filter(wave=wave)
    responses = Response.objects.filter(wave=wave, submitted_at__isnull=False)
    if municipality_ids is not None:
        invitations = invitations.filter(municipality_id__in=municipality_ids)
        responses = responses.filter(invitation__municipality_id__in=municipality_ids)
    status_counts = dict(invitations.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    invited = sum(status_counts.values())
    respondents = responses.count()
    answers = _answers(wave, municipality_ids)

    choice_counts = defaultdict(dict)
    for question, choice, n in answers.exclude(choice="").values_list("question", "choice").annotate(
            n=Count("id")).values_list("question", "choice", "n"):
        choice_counts[question][choice] = n
    answered = dict(answers.values_list("question").annotate(n=Count("response_id", distinct=True)).values_list(
        "question", "n"))
    numeric_values = defaultdict(list)
    numeric_names = [q.name for q in form.answerable if q.is_numeric]
    if numeric_names:
        for question, number in answers.filter(question__in=numeric_names).values_list("question", "number"):
            numeric_values[question].append(number)
    texts = defaultdict(list)
    text_names = [q.name for q in form.answerable if q.type in {"text", "date"}]
    if include_texts and text_names:
        for question, text in answers.filter(question__in=text_names).exclude(text="").values_list(
                "question", "text").order_by("question", "pk"):
            texts[question].append(text)

    questions = []
    for question in form.answerable:
        n = answered.get(question.name, 0)
        entry = {"name": question.name, "type": question.type, "label": question.label_in(language),
                 "group": question.group_label_in(language), "n_answered": n,
                 "multiple": question.type == "select_multiple"}
        if question.is_select:
            counts = choice_counts.get(question.name, {})
            entry["choices"] = [{"name": c.name, "label": c.label_in(language), "count": counts.get(c.name, 0),
                                 "percent": percent(counts.get(c.name, 0), n)} for c in question.choices]
        elif question.is_numeric:
            entry["numeric"] = _numeric_summary(numeric_values.get(question.name, []))
        else:
            entry["texts"] = texts.get(question.name, []) if include_texts else []
        questions.append(entry)

    report = {
        "schema": SCHEMA,
        "wave": {"id": wave.pk, "title": wave.title, "year": wave.year, "respondent_kind": wave.respondent_kind,
                 "questionnaire": wave.questionnaire.title, "form_id": wave.questionnaire.form_id,
                 "version": wave.questionnaire.version, "opens_on": wave.opens_on.isoformat(),
                 "closes_on": wave.closes_on.isoformat()},
        "scope": {"municipality_ids": sorted(municipality_ids) if municipality_ids is not None else None},
        "invited": invited,
        "respondents": respondents,
        "response_rate": percent(respondents, invited),
        "status_counts": {status.value: status_counts.get(status.value, 0) for status in Status},
        "min_cell": min_cell(),
        "questions": questions,
    }
    if breakdown:
        report["breakdown"] = build_breakdown(wave, breakdown, municipality_ids=municipality_ids, language=language)
    return report


# -- breakdowns ------------------------------------------------------------------------------------
def breakdown_options(wave: Wave, language: str = "nl") -> list[tuple[str, str]]:
    options = [("municipality", _("Gemeente"))]
    if wave.respondent_kind == RespondentKind.PLACE:
        options.append(("kind", _("Soort plek")))
    options += [(f"q:{q.name}", q.label_in(language)) for q in wave.questionnaire.form.answerable
                if q.type == "select_one"]
    return options


def build_breakdown(wave: Wave, by: str, *, municipality_ids=None, language: str = "nl") -> dict:
    """Counts per choice for every select question, per group of respondents, small cells hidden."""
    form = wave.questionnaire.form
    answers = _answers(wave, municipality_ids)
    responses = Response.objects.filter(wave=wave, submitted_at__isnull=False)
    if municipality_ids is not None:
        responses = responses.filter(invitation__municipality_id__in=municipality_ids)
    if by == "municipality":
        key, response_key = "response__invitation__municipality_id", "invitation__municipality_id"
        from ontmoet.regions.models import Municipality

        labels = dict(Municipality.objects.filter(pk__in=responses.values(response_key)).values_list("pk", "name"))
        label = _("Gemeente")
    elif by == "kind":
        key, response_key = "response__invitation__place__kind", "invitation__place__kind"
        labels = dict(Kind.choices)
        label = _("Soort plek")
    elif by.startswith("q:") and form.question(by[2:]) and form.question(by[2:]).type == "select_one":
        question = form.question(by[2:])
        group_of = Subquery(Answer.objects.filter(response_id=OuterRef("response_id"), question=question.name)
                            .values("choice")[:1])
        answers = answers.annotate(group_key=group_of)
        responses = responses.annotate(group_key=Subquery(
            Answer.objects.filter(response_id=OuterRef("pk"), question=question.name).values("choice")[:1]))
        key = response_key = "group_key"
        labels = {c.name: c.label_in(language) for c in question.choices}
        label = question.label_in(language)
    else:
        raise ValueError(_("Onbekende uitsplitsing: %(by)s") % {"by": by})

    minimum = min_cell()
    group_sizes = dict(responses.values_list(response_key).annotate(n=Count("id")).values_list(response_key, "n"))
    group_sizes.pop(None, None)
    groups = sorted(group_sizes, key=lambda k: str(labels.get(k, k)))
    counts = defaultdict(int)
    for group, question, choice, n in answers.exclude(choice="").values_list(key, "question", "choice").annotate(
            n=Count("id")).values_list(key, "question", "choice", "n"):
        counts[(group, question, choice)] = n
    answered = defaultdict(int)
    for group, question, n in answers.values_list(key, "question").annotate(
            n=Count("response_id", distinct=True)).values_list(key, "question", "n"):
        answered[(group, question)] = n

    per_question = []
    for question in form.answerable:
        if not question.is_select:
            continue
        cells = []
        for group in groups:
            n = answered[(group, question.name)]
            suppressed_group = group_sizes[group] < minimum or 0 < n < minimum
            row = {"group": str(group), "n": None if suppressed_group else n, "suppressed": suppressed_group,
                   "choices": {}}
            for choice in question.choices:
                count = counts[(group, question.name, choice.name)]
                hidden = suppressed_group or 0 < count < minimum
                row["choices"][choice.name] = {"count": None if hidden else count,
                                               "percent": None if hidden else percent(count, n),
                                               "suppressed": hidden}
            cells.append(row)
        per_question.append({"name": question.name, "label": question.label_in(language),
                             "choices": [{"name": c.name, "label": c.label_in(language)} for c in question.choices],
                             "groups": cells})
    return {"by": by, "label": label, "min_cell": minimum,
            "groups": [{"key": str(g), "label": str(labels.get(g, g)), "respondents": group_sizes[g]
                        if group_sizes[g] >= minimum else None} for g in groups],
            "questions": per_question}


# -- year-on-year ---------------------------------------------------------------------------------
def comparable_waves(wave: Wave):
    """Earlier and later waves of the same form and respondent kind in the same province."""
    return Wave.objects.filter(province=wave.province, respondent_kind=wave.respondent_kind,
                               questionnaire__form_id=wave.questionnaire.form_id).select_related(
        "questionnaire").order_by("year", "pk")


def build_comparison(waves, *, municipality_ids=None, language: str = "nl") -> dict:
    """The same questions (by name) across waves: percent per choice per wave."""
    reports = [build_report(w, municipality_ids=municipality_ids, language=language, include_texts=False)
               for w in waves]
    names = []
    for report in reports:
        for question in report["questions"]:
            if question["name"] not in names and ("choices" in question or "numeric" in question):
                names.append(question["name"])
    questions = []
    for name in names:
        entries = [next((q for q in r["questions"] if q["name"] == name), None) for r in reports]
        present = [e for e in entries if e]
        if len(present) < 2:
            continue
        latest = present[-1]
        item = {"name": name, "label": latest["label"], "type": latest["type"],
                "n_answered": [e["n_answered"] if e else None for e in entries]}
        if "choices" in latest:
            choice_names = []
            for entry in present:
                choice_names += [c["name"] for c in entry["choices"] if c["name"] not in choice_names]
            item["choices"] = []
            for choice_name in choice_names:
                values = []
                for entry in entries:
                    match = next((c for c in entry["choices"] if c["name"] == choice_name), None) if entry else None
                    values.append({"count": match["count"], "percent": match["percent"]} if match else None)
                label = next((c["label"] for e in reversed(present) for c in e["choices"] if c["name"] == choice_name),
                             choice_name)
                item["choices"].append({"name": choice_name, "label": label, "values": values})
        else:
            item["medians"] = [e["numeric"].get("median") if e else None for e in entries]
        questions.append(item)
    return {"schema": SCHEMA + "#comparison",
            "waves": [{"id": r["wave"]["id"], "year": r["wave"]["year"], "title": r["wave"]["title"],
                       "respondents": r["respondents"], "invited": r["invited"],
                       "response_rate": r["response_rate"]} for r in reports],
            "questions": questions}
