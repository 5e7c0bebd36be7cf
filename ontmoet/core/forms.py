"""Form rendering in NL Design System (Utrecht) style, used by every form in Ontmoet."""

from django import forms
from django.forms.renderers import TemplatesSetting

from .widgets import FastNullBooleanSelect, FastSelect

# Plain selects are swapped for the Python-rendered equivalent (same markup, much faster).
FAST_WIDGETS = {forms.Select: FastSelect, forms.NullBooleanSelect: FastNullBooleanSelect}

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
