"""Shared pieces of the authenticated management API (/api/v1/beheer/...).

Writes are checked by the web UI's own forms (`check_form`), so the API and the pages refuse the same
input with the same Dutch message for the same field, and write through the same services.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import permissions, serializers
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import JSONParser

from ontmoet.accounts.scoping import get_scope


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


@extend_schema_field({"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "example": "19:30"})
class ClockField(serializers.TimeField):
    """A time of day as people write it (uu:mm); OpenAPI's 'time' format would demand seconds and a zone."""

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%H:%M")
        super().__init__(**kwargs)


class ManagementView(GenericAPIView):
    """Logged in (token or session); what the user may reach follows from their scope, as in the web UI."""

    permission_classes = [permissions.IsAuthenticated]
    # JSON only, as `body` reads it: a form or multipart body would otherwise be parsed, or refused with an
    # undocumented 415 (found by the generated requests).
    parser_classes = [JSONParser]
    # No OPTIONS: DRF's metadata would describe the forms; the committed OpenAPI file does that.
    http_method_names = ["get", "post", "put", "patch", "delete", "head"]

    @property
    def scope(self):
        return get_scope(self.request.user)

    def valid(self, serializer_class):
        """The body through `serializer_class` (types only); its errors as one list of messages per field."""
        serializer = serializer_class(data=body(self.request))
        if not serializer.is_valid():
            raise serializers.ValidationError({field: _messages(errors) for field, errors in serializer.errors.items()})
        return serializer.validated_data


def _messages(errors, where: str = "") -> list[str]:
    """Nested errors (a list item, a rate's amount) as flat messages that say where: '2 amount: ...'."""
    if isinstance(errors, dict):
        return [message for key, value in errors.items() for message in _messages(value, f"{where}{key} ")]
    if isinstance(errors, list) and any(isinstance(item, dict | list) for item in errors):
        return [message for index, item in enumerate(errors) for message in _messages(item, f"{where}{index} ")]
    return [f"{where.strip()}: {error}" if where else str(error) for error in errors]


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
        raise serializers.ValidationError({"non_field_errors": [_("Stuur een JSON-object met de velden.")]})
    return request.data
