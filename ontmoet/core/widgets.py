"""A select widget rendered in Python.

Django renders every <option> through templates (an optgroup loop and an attrs include per option),
which made a filter form with ~130 options cost more than the rest of the page. The output here is
the same markup as Django's select.html.
"""

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    return format_html_join("", "{}", (
        (format_html(' {}', name) if value is True else format_html(' {}="{}"', name, value),)
        for name, value in attrs.items() if value is not False and value is not None
    ))


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            for option in options:
                parts.append(format_html('<option value="{}"{}>{}</option>', str(option["value"]),
                                         _attrs(option["attrs"]), conditional_escape(option["label"])))
            if group_name:
                parts.append(mark_safe("</optgroup>"))  # noqa: S308 - a constant
        parts.append(mark_safe("</select>"))  # noqa: S308 - a constant
        return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped


class FastNullBooleanSelect(FastSelect, forms.NullBooleanSelect):
    pass
