"""Validation of place data, shared by the web form, the import and the API."""

import re
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Bounding box of the Netherlands (European part) with a small margin, WGS84.
NL_LAT = (50.70, 53.60)
NL_LON = (3.30, 7.25)

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$")
TIME_RANGE_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-4]):([0-5]\d)$")
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")


def normalise_postcode(value: str) -> str:
    """'1234ab' -> '1234 AB'; raises ValidationError for anything that is not a Dutch postcode."""
    if not value:
        return ""
    match = POSTCODE_RE.match(value)
    if not match or match.group(2).upper() in {"SA", "SD", "SS"}:
        raise ValidationError(_("Vul een Nederlandse postcode in, bijvoorbeeld 8011 AB."), code="postcode")
    return f"{match.group(1)} {match.group(2).upper()}"


def validate_postcode(value: str) -> None:
    normalise_postcode(value)


def validate_latitude(value) -> None:
    if value is not None and not NL_LAT[0] <= float(value) <= NL_LAT[1]:
        raise ValidationError(
            _("De breedtegraad %(value)s ligt niet in Nederland (tussen %(min)s en %(max)s)."),
            params={"value": value, "min": NL_LAT[0], "max": NL_LAT[1]},
            code="latitude",
        )


def validate_longitude(value) -> None:
    if value is not None and not NL_LON[0] <= float(value) <= NL_LON[1]:
        raise ValidationError(
            _("De lengtegraad %(value)s ligt niet in Nederland (tussen %(min)s en %(max)s)."),
            params={"value": value, "min": NL_LON[0], "max": NL_LON[1]},
            code="longitude",
        )


RESERVED_CODES = {"nieuw", "importeren", "actualiteit"}


def validate_place_code(value: str) -> None:
    if not CODE_RE.match(value or "") or value.lower() in RESERVED_CODES:
        raise ValidationError(
            _("Een code bestaat uit letters, cijfers, - en _ (hoogstens 40 tekens), bijvoorbeeld OV-0012."),
            code="code",
        )


def parse_time_ranges(text: str) -> list[str]:
    """'09:00-12:00, 13:30-17:00' -> ['09:00-12:00', '13:30-17:00']; raises ValidationError."""
    ranges = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        match = TIME_RANGE_RE.match(part)
        if not match or (match.group(1), match.group(2)) >= (match.group(3), match.group(4)):
            raise ValidationError(
                _("Schrijf tijden als 09:00-12:00; meerdere blokken scheidt u met een komma."), code="hours"
            )
        ranges.append(f"{match.group(1)}:{match.group(2)}-{match.group(3)}:{match.group(4)}")
    return ranges


def code_url(view_name: str):
    """`url(code)` for a view that takes a place code: the same as reverse(view_name, args=[code]), with
    one reverse() for a whole page of rows (codes are [A-Za-z0-9_-], CODE_RE, so the code is all that varies)."""
    prefix, suffix = reverse(view_name, args=["~"]).split("~")
    return lambda code: f"{prefix}{quote(code, safe='')}{suffix}"
