"""A select widget rendered in Python, straight from its choices.

Django renders every <option> through templates and builds a dictionary per option
(`optgroups`/`create_option`); with ~130 options the officers' filter form cost more than the rest
of the page. The output here is the same markup as Django's select.html for flat choices; grouped
choices fall back to Django's own rendering.

`PreparedChoices` goes one step further for lists that are shown on every page view: the escaped
<option> markup is made once, when the choices are made (per language for fixed lists);
`prepared_choices` keeps it for lists read from the database on every request (made once per
distinct list). `FastInput` does the same as FastSelect for text and number inputs (Django's
input.html and attrs.html, about 0.1 ms each through the template engine).
"""

import functools
import html

from django import forms
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


def _escape(text) -> str:
    # conditional_escape, minus its lazy-object wrapper for the common case of a plain string.
    return html.escape(text) if type(text) is str else conditional_escape(text)


def _option_parts(value, label) -> tuple[str, str, str]:
    """(value as submitted, '<option value="…"', '>label</option>'), escaped as Django's template would."""
    value = "" if value is None else str(value)
    return value, f'<option value="{_escape(value)}"', f">{_escape(label)}</option>"


class PreparedChoices(BaseChoiceIterator):
    """Flat choices with their labels as plain strings and their <option> markup made once.

    A BaseChoiceIterator, so fields and widgets keep it as it is (no copy, no normalising per form).
    Build it from already translated labels; it is as immutable as the strings in it.
    """

    def __init__(self, choices):
        self.choices = tuple((value, str(label)) for value, label in choices)
        self.options = tuple(_option_parts(value, label) for value, label in self.choices)

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)


@functools.lru_cache(maxsize=256)
def _prepared(choices: tuple) -> "PreparedChoices":
    return PreparedChoices(choices)


def prepared_choices(choices) -> PreparedChoices:
    """PreparedChoices for a list read on every request: the same list (same values and labels, so
    the same language) gets the same object, and its option markup is made only once."""
    return _prepared(tuple((value, str(label)) for value, label in choices))


class FastInput(forms.widgets.Input):
    """An <input> rendered in Python: the same markup as Django's input.html with attrs.html."""

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        final_attrs = self.build_attrs(self.attrs, attrs)
        parts = [f'<input type="{_escape(self.input_type)}" name="{_escape(name)}"']
        if value is not None:
            parts.append(f' value="{_escape(str(value))}"')
        for key, attr in final_attrs.items():
            if attr is True:
                parts.append(f" {_escape(key)}")
            elif attr is not False:
                parts.append(f' {_escape(key)}="{_escape(str(attr))}"')
        parts.append(">")
        return mark_safe("".join(parts))  # noqa: S308 - name, value and attributes are escaped


class FastTextInput(FastInput, forms.TextInput):
    pass


class FastNumberInput(FastInput, forms.NumberInput):
    pass


class FastEmailInput(FastInput, forms.EmailInput):
    pass


class FastURLInput(FastInput, forms.URLInput):
    pass


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        choices = self.choices
        if isinstance(choices, PreparedChoices):
            options = choices.options
        else:
            choices = list(choices)
            if any(isinstance(label, list | tuple) for _value, label in choices):
                return super().render(name, value, attrs, renderer)  # optgroups: the general path
            options = [_option_parts(option_value, label) for option_value, label in choices]
        selected = {str(v) for v in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, attrs)
        parts = [format_html('<select name="{}"{}>', name, flatatt(final_attrs))]
        found = False
        for option_value, start, end in options:
            is_selected = not found and option_value in selected
            found = found or is_selected
            parts.append(f"{start} selected{end}" if is_selected else f"{start}{end}")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - name, attributes, values and labels are escaped


class FastNullBooleanSelect(FastSelect, forms.NullBooleanSelect):
    pass
