"""Inputs rendered in Python, for the budget table (50 lines × 7 fields).

Django renders every widget through the template engine (about 0.3 ms each); with a few hundred
inputs that alone broke the page budget of 200 ms. The markup is the same as Django's input.html,
checkbox and select templates; the core's FastSelect does the same for flat selects (ADR 0052).
"""

from django import forms
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language


def flatatt(attrs) -> str:
    """Like django.forms.utils.flatatt (True -> bare attribute, False/None -> left out), without
    format_html per attribute."""
    parts = []
    for key, value in attrs.items():
        if value is True:
            parts.append(f" {key}")
        elif value is not False and value is not None:
            parts.append(f' {key}="{escape(value)}"')
    return "".join(parts)


class FastInput(forms.widgets.Input):
    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        value = self.format_value(value)
        if value is not None:
            final_attrs["value"] = value
        return mark_safe(f'<input type="{self.input_type}" name="{escape(name)}"{flatatt(final_attrs)}>')  # noqa: S308


class FastTextInput(FastInput, forms.TextInput):
    pass


class FastHiddenInput(FastInput, forms.HiddenInput):
    pass


class FastCheckboxInput(forms.CheckboxInput):
    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.check_test(value):
            final_attrs["checked"] = True
        return mark_safe(f'<input type="checkbox" name="{escape(name)}"{flatatt(final_attrs)}>')  # noqa: S308


# (language, option values) -> [(value, rendered option without the selected mark)]; the labels are
# translated once per language instead of once per select.
_OPTIONS_CACHE = {}


def _options(choices):
    key = (get_language(), tuple(str(v) if not isinstance(label, list | tuple) else (str(v), tuple(x for x, _ in label))
                                 for v, label in choices))
    if key not in _OPTIONS_CACHE:
        rendered = []
        for group_value, group_label in choices:
            if isinstance(group_label, list | tuple):
                rendered.append((None, f'<optgroup label="{conditional_escape(group_value)}">'))
                rendered.extend((str(v), f'<option value="{conditional_escape(v)}"\x00>{conditional_escape(label)}'
                                         "</option>") for v, label in group_label)
                rendered.append((None, "</optgroup>"))
            else:
                value = "" if group_value is None else str(group_value)
                rendered.append((value, f'<option value="{conditional_escape(value)}"\x00>'
                                        f"{conditional_escape(group_label)}</option>"))
        _OPTIONS_CACHE[key] = rendered
    return _OPTIONS_CACHE[key]


class FastGroupedSelect(forms.Select):
    """A select with <optgroup>s, straight from its (grouped) choices."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, attrs)
        parts = [f'<select name="{escape(name)}"{flatatt(final_attrs)}>']
        for option_value, html in _options(self.choices):
            if option_value is None:
                parts.append(html)
            else:
                parts.append(html.replace("\x00", " selected" if option_value in selected else "", 1))
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - name, attributes, values and labels are escaped


FAST = {forms.TextInput: FastTextInput, forms.HiddenInput: FastHiddenInput, forms.CheckboxInput: FastCheckboxInput,
        forms.Select: FastGroupedSelect}


def speed_up(form):
    """Swap the form's widgets for the Python-rendered ones (attributes and CSS classes stay)."""
    for field in form.fields.values():
        for slow, fast in FAST.items():
            if type(field.widget) is slow or (slow is forms.Select and isinstance(field.widget, forms.Select)
                                               and not isinstance(field.widget, forms.SelectMultiple)):
                field.widget.__class__ = fast
                break
