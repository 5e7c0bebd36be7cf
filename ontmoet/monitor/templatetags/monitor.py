import re

from django import template
from django.utils.translation import gettext as _

from ontmoet.monitor.reminders import reason_counts
from ontmoet.places.choices import Kind

register = template.Library()


@register.filter
def get(mapping, key):
    """mapping[key] in a template (None when absent)."""
    if mapping is None:
        return None
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def kind_label(value):
    return dict(Kind.choices).get(value, value or _("onbekend"))


@register.filter
def progress_tables(progress):
    tables = [(_("Per gemeente"), progress["by_municipality"], "gemeente")]
    if progress["by_kind"]:
        tables.append((_("Per soort plek"), progress["by_kind"], "soort"))
    return tables


@register.filter
def percent(value):
    """61.4 -> '61,4%' in Dutch, '61.4%' in English; None -> '–'."""
    if value is None:
        return "–"
    from django.utils.formats import number_format

    return f"{number_format(value, 1)}%"


@register.filter
def group_label(groups, key):
    return next((g["label"] for g in groups if g["key"] == key), key)


@register.filter
def chunks(items, size):
    """[a, b, c, d, e] |chunks:2 -> [[a, b], [c, d], [e]]: wide tables split to fit an A4 page."""
    items = list(items)
    size = int(size)
    return [items[start:start + size] for start in range(0, len(items), size)] or [[]]


@register.filter
def skip_reason_rows(job):
    """A reminder job's (reason, count) rows, in the order of monitor.reminders.Reason."""
    return reason_counts(job.skip_reasons or {})


@register.filter
def tel_href(number):
    """'0570 12 34 56' -> 'tel:+31570123456': a link a phone (or softphone) dials; '' without digits."""
    digits = re.sub(r"[^\d+]", "", (number or "").replace("(0)", ""))
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+31" + digits[1:]  # the register holds Dutch numbers
    return f"tel:{digits}" if re.search(r"\d", digits) else ""
