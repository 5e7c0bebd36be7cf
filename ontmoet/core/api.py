"""Shared pieces of the authenticated management API (/api/v1/beheer/...).

Writes are checked by the web UI's own forms (`check_form`), so the API and the pages refuse the same
input with the same Dutch message for the same field, and write through the same services.
"""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import permissions, serializers
from rest_framework.generics import GenericAPIView

from ontmoet.accounts.scoping import get_scope

from .textinput import control_character_message, has_control_characters


class ManagementErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    fouten = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False,
                                   help_text="Per veld wat er niet klopt.")


def _error(description):
    return OpenApiResponse(ManagementErrorSerializer, description=description)


BAD_REQUEST = _error("Ongeldige invoer; 'fouten' zegt per veld wat er niet klopt. Er is niets opgeslagen.")
UNAUTHORISED = _error("Niet ingelogd: stuur 'Authorization: Token <sleutel>'.")
FORBIDDEN = _error("U ziet deze plek, maar alleen het bestuur mag dit.")
NOT_FOUND = _error("Bestaat niet, of valt buiten uw provincie, gemeente of plek.")
READ_ERRORS = {401: UNAUTHORISED, 404: NOT_FOUND}
WRITE_ERRORS = {400: BAD_REQUEST, 401: UNAUTHORISED, 403: FORBIDDEN, 404: NOT_FOUND}


class ManagementView(GenericAPIView):
    """Logged in (token or session); what the user may reach follows from their scope, as in the web UI."""

    permission_classes = [permissions.IsAuthenticated]

    @property
    def scope(self):
        return get_scope(self.request.user)


def object_id(value: str) -> int | None:
    """A URL's id as a number, or None for anything else (the view answers the API's JSON 404)."""
    return int(value) if value.isdecimal() and len(value) < 12 else None


def form_errors(form, rename: dict | None = None) -> dict[str, list[str]]:
    """The form's messages per API field; `rename` maps a form field (or a prefix ending in '_') to its API name."""
    rename = rename or {}
    errors: dict[str, list[str]] = {}
    for field, messages in form.errors.items():
        name = rename.get(field) or next((api for prefix, api in rename.items()
                                          if prefix.endswith("_") and field.startswith(prefix)), field)
        name = "non_field_errors" if name == "__all__" else name
        for message in messages:
            if message not in errors.setdefault(name, []):
                errors[name].append(message)
    return errors


def check_form(form, rename: dict | None = None):
    """Raise the API's 400 with the form's messages unless the form is valid."""
    if not form.is_valid():
        raise serializers.ValidationError(form_errors(form, rename))
    return form


def body(request) -> dict:
    """The JSON body as a dict; a list, a number or text is refused with one Dutch sentence."""
    if not isinstance(request.data, dict):
        raise serializers.ValidationError({"non_field_errors": ["Stuur een JSON-object met de velden."]})
    return request.data


def reason_of(request, field: str = "reason", *, required: bool) -> str:
    """A free-text reason from the body, checked as the web forms check it (length, control characters)."""
    value = body(request).get(field, "")
    if not isinstance(value, str):
        raise serializers.ValidationError({field: ["Schrijf de reden als tekst."]})
    if has_control_characters(value):
        raise serializers.ValidationError({field: [control_character_message(field)]})
    if len(value) > 1000:
        raise serializers.ValidationError({field: ["Houd het kort: hoogstens 1000 tekens."]})
    if required and not value.strip():
        raise serializers.ValidationError({field: ["Geef een reden; de ander krijgt die te lezen."]})
    return value.strip()
