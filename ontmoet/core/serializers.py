"""Shared behaviour for the API's serializers."""

from django.core.validators import ProhibitNullCharactersValidator
from rest_framework import serializers

from .textinput import NoControlCharacters


def _guard(field, label) -> None:
    if isinstance(field, serializers.CharField):
        # Replaces DRF's NUL-only check: one Dutch message for every control character.
        field.validators = [v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)]
        field.validators.append(NoControlCharacters(label))
    child = getattr(field, "child", None)
    if child is not None:
        _guard(child, label)


# Every text field (also inside lists and dicts) refuses control characters, naming the field.
# (A comment, not a docstring: drf-spectacular would publish a docstring as each serializer's description.)
class TextInputSerializerMixin:

    def get_fields(self):
        fields = super().get_fields()
        for name, field in fields.items():
            _guard(field, field.label or name)
        return fields
