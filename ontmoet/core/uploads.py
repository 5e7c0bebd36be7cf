"""Attachments: checked by content (not by extension), size-limited, stored outside the web root.

Files go to MEDIA_ROOT (var/media), which no URL serves; a view that has checked the user's scope
hands a file out with `attachment_response`. Stored names are random, so a name reveals nothing.
"""

import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

# Signatures of the kinds we accept; the first bytes decide, never the name or the browser's claim.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
}
MIME_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg"}
EXTENSIONS = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg"}
DEFAULT_KINDS = ("pdf", "png", "jpeg")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def sniff_kind(head: bytes) -> str | None:
    for kind, signatures in SIGNATURES.items():
        if any(head.startswith(signature) for signature in signatures):
            return kind
    return None


def validate_attachment(uploaded, kinds=DEFAULT_KINDS, max_bytes=DEFAULT_MAX_BYTES) -> str:
    """The kind ("pdf", "png", "jpeg") of `uploaded`, or a ValidationError in Dutch saying what to do."""
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("%(name)s is te groot (%(size).1f MB); het maximum is %(max).0f MB.")
            % {"name": uploaded.name, "size": uploaded.size / 1_048_576, "max": max_bytes / 1_048_576})
    if uploaded.size == 0:
        raise ValidationError(_("%(name)s is leeg.") % {"name": uploaded.name})
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    kind = sniff_kind(head)
    if kind not in kinds:
        allowed = ", ".join(EXTENSIONS[k].lstrip(".").upper() for k in kinds)
        raise ValidationError(
            _("%(name)s is geen %(allowed)s-bestand (gecontroleerd op de inhoud, niet op de naam). "
              "Kies een ander bestand.") % {"name": uploaded.name, "allowed": allowed})
    return kind


@deconstructible
class PrivateUploadTo:
    """An `upload_to` for FileFields: <folder>/<yyyy>/<random><suffix>; migrations can serialise it."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename):
        from django.utils import timezone

        suffix = PurePath(filename).suffix.lower()[:5]
        return f"{self.folder}/{timezone.now():%Y}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, PrivateUploadTo) and other.folder == self.folder


def private_upload_to(folder: str) -> PrivateUploadTo:
    return PrivateUploadTo(folder)


def attachment_response(field_file, download_name: str, kind: str | None = None) -> FileResponse:
    """Hand out a stored file as a download; the caller has already checked who may see it."""
    content_type = MIME_TYPES.get(kind or "", "application/octet-stream")
    response = FileResponse(field_file.open("rb"), as_attachment=True, filename=download_name,
                            content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
