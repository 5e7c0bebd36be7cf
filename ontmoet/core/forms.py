"""Form rendering in NL Design System (Utrecht) style, used by every form in Ontmoet."""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .widgets import (
    FastEmailInput,
    FastNullBooleanSelect,
    FastNumberInput,
    FastSelect,
    FastTextInput,
    FastURLInput,
)

# Plain selects and inputs are swapped for the Python-rendered equivalent (same markup, much faster).
FAST_WIDGETS = {forms.Select: FastSelect, forms.NullBooleanSelect: FastNullBooleanSelect,
                forms.TextInput: FastTextInput, forms.NumberInput: FastNumberInput,
                forms.EmailInput: FastEmailInput, forms.URLInput: FastURLInput}

WIDGET_CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.NullBooleanSelect: "utrecht-select utrecht-select--html-select",
    FastSelect: "utrecht-select utrecht-select--html-select",
    FastNullBooleanSelect: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select ontmoet-select-multiple",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "",
    forms.RadioSelect: "",
    forms.ClearableFileInput: "ontmoet-file-input",
    forms.FileInput: "ontmoet-file-input",
}


class OntmoetFormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


# Widgets whose field group has its own markup in core/forms/field.html (checkbox row, fieldset).
TEMPLATE_ONLY_WIDGET_TYPES = {"checkbox", "checkboxselectmultiple", "radioselect"}


def field_group_html(field: forms.BoundField) -> SafeString:
    """`field.as_field_group()` for text inputs and selects, built in Python.

    The same markup as the last branch of core/forms/field.html (tests compare the two); a page with
    many filters otherwise spends more time in that template than in its queries. Other widgets use
    the template.
    """
    if field.widget_type in TEMPLATE_ONLY_WIDGET_TYPES:
        return field.as_field_group()
    auto_id, errors, help_text = field.auto_id, field.errors, field.help_text
    required = (f' <span class="ontmoet-required">({conditional_escape(gettext("verplicht"))})</span>'
                if field.field.required else "")
    parts = [
        f'<div class="utrecht-form-field utrecht-form-field--text{" ontmoet-field--invalid" if errors else ""}">',
        f'<div class="utrecht-form-field__label"><label class="utrecht-form-label" for="{conditional_escape(auto_id)}">'
        f"{conditional_escape(field.label)}{required}</label></div>",
    ]
    if help_text:
        parts.append(f'<p class="utrecht-form-field-description" id="{conditional_escape(auto_id)}_helptext">'
                     f"{conditional_escape(help_text)}</p>")
    if errors:
        messages = "".join(f'<p class="utrecht-paragraph">{conditional_escape(error)}</p>' for error in errors)
        parts.append(f'<div class="utrecht-form-field-error-message ontmoet-field__error" '
                     f'id="{conditional_escape(auto_id)}_error">{messages}</div>')
    parts.append(f'<div class="utrecht-form-field__input">{field}</div></div>')
    return mark_safe("\n".join(parts))  # noqa: S308 - every value above is escaped or already safe HTML


class StyledFormMixin:
    """Adds the Utrecht CSS classes to every widget, and the ARIA error state after validation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if type(widget) in FAST_WIDGETS:
                widget.__class__ = FAST_WIDGETS[type(widget)]
            css = next((c for cls, c in WIDGET_CLASSES.items() if type(widget) is cls), None)
            if css is None:
                css = "utrecht-textbox utrecht-textbox--html-input"
            if css:
                widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()

    def field_groups_html(self) -> SafeString:
        """All visible fields as `{% for field in form %}{{ field.as_field_group }}{% endfor %}` would render them."""
        return mark_safe("".join(field_group_html(field) for field in self))  # noqa: S308

    def full_clean(self):
        # Not in __init__: reading self.errors there would validate before subclasses add fields.
        super().full_clean()
        for name in self._errors or {}:
            if name not in self.fields:
                continue
            field, bound = self.fields[name], self[name]
            field.widget.attrs["aria-invalid"] = "true"
            described = [f"{bound.auto_id}_error"] + ([f"{bound.auto_id}_helptext"] if field.help_text else [])
            field.widget.attrs["aria-describedby"] = " ".join(described)
