"""A select widget rendered in Python, straight from its choices.

Django renders every <option> through templates and builds a dictionary per option
(`optgroups`/`create_option`); with ~130 options the officers' filter form cost more than the rest
of the page. The output here is the same markup as Django's select.html for flat choices; grouped
choices fall back to Django's own rendering.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        choices = list(self.choices)
        if any(isinstance(label, list | tuple) for _value, label in choices):
            return super().render(name, value, attrs, renderer)  # optgroups: the general path
        selected = {str(v) for v in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, attrs)
        parts = [format_html("<select name=\"{}\"{}>", name, flatatt(final_attrs))]
        found = False
        for option_value, label in choices:
            option_value = "" if option_value is None else str(option_value)
            is_selected = not found and option_value in selected
            found = found or is_selected
            parts.append(f'<option value="{conditional_escape(option_value)}"{" selected" if is_selected else ""}>'
                         f"{conditional_escape(label)}</option>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - name, attributes, values and labels are escaped


class FastNullBooleanSelect(FastSelect, forms.NullBooleanSelect):
    pass
