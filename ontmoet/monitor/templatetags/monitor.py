from django import template
from django.utils.translation import gettext as _

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
