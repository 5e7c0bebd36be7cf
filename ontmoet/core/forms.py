"""Form rendering in NL Design System (Utrecht) style, used by every form in Ontmoet.

The markup is in templates: `core/forms/field.html` and `form.html` (the renderer's) include the
components under `core/templates/components/`; widgets are Django's own with its templates.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import ProhibitNullCharactersValidator
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .textinput import NoControlCharacters

WIDGET_CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.NullBooleanSelect: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select ontmoet-select-multiple",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "",
    forms.RadioSelect: "",
    forms.ClearableFileInput: "ontmoet-file-input",
    forms.FileInput: "ontmoet-file-input",
}
TEXTBOX_CLASSES = "utrecht-textbox utrecht-textbox--html-input"


class OntmoetFormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class StyledFormMixin:
    """Adds the Utrecht CSS classes to every widget, and the ARIA error state after validation.

    Every text field also refuses control characters (see core.textinput), naming the field.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField):
                # Replaces Django's NUL-only check (English message): one Dutch message for all of them.
                field.validators = [v for v in field.validators
                                    if not isinstance(v, ProhibitNullCharactersValidator)]
                field.validators.append(NoControlCharacters(field.label or name))
            # components/form_field.html reads it: a missing attribute makes Django's template engine list
            # the field's attributes (dir()) on every render. Forms that need it set it after this.
            field.required_to_submit = getattr(field, "required_to_submit", False)
            widget = field.widget
            css = WIDGET_CLASSES.get(type(widget), TEXTBOX_CLASSES)
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


class SpamCheckMixin:
    """The silent checks of a public form without an account: a honeypot field people do not see (hidden by
    CSS and aria-hidden) and a signed time token, so a filled honeypot, a missing or forged token, or a form
    sent back faster than a person could (`MIN_SECONDS_SETTING`) or after a day counts as spam. The view
    answers spam as if it were sent, so a bot learns nothing. A form may declare `website` and `token` itself
    to place them; otherwise they are added last."""

    SALT = "ontmoet.public-form"
    MIN_SECONDS_SETTING = ""  # the name of the setting with the least seconds a person takes

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "website" not in self.fields:
            self.fields["website"] = forms.CharField(required=False, label=_("Laat dit veld leeg"))
        if "token" not in self.fields:
            self.fields["token"] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:
            self.initial["token"] = signing.dumps(time.time(), salt=self.SALT)

    def is_spam(self) -> bool:
        if self.data.get("website"):
            return True
        try:
            issued = signing.loads(self.data.get("token", ""), salt=self.SALT, max_age=24 * 3600)
        except signing.BadSignature:
            return True
        return time.time() - float(issued) < getattr(settings, self.MIN_SECONDS_SETTING)
