"""'Near me': turn a postcode, village, town or coordinates into a point, behind one interface.

Kept with the register (not in the sociale kaart) because every public search near a place uses it: the
kaart, the agenda, the vacancies. It reads only the register and the regions.

`geocode(text)` tries, in order: literal coordinates; the PDOK Locatieserver when
DIRECTORY_GEOCODER_URL is set (and answers within the timeout); then an offline fallback built from
the register itself: the centre of the public places in a postcode area (PC4) or village, the
municipality's centre. Tests and the demo use the fallback; nothing here needs the network.
"""

import json
import logging
import re
import time
import unicodedata
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, FloatField
from django.db.models.functions import Cast, Substr

from . import choices

logger = logging.getLogger(__name__)

COORDS_RE = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")
POSTCODE_RE = re.compile(r"^\s*([1-9]\d{3})\s*([a-zA-Z]{2})?\s*$")
PDOK_POINT_RE = re.compile(r"POINT\(([-\d.]+) ([-\d.]+)\)")


@dataclass(frozen=True)
class Point:
    """A point on the map with the words the visitor recognises it by."""

    latitude: float
    longitude: float
    label: str


def fold(text: str) -> str:
    """Lowercase without accents: 'Mariënheem' -> 'marienheem'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _public_places():
    from .models import Place

    return Place.objects.filter(is_public=True, status=choices.Status.ACTIVE)


def geocode(query: str) -> Point | None:
    query = (query or "").strip()[:100]
    if not query:
        return None
    point = _coordinates(query)
    if point is None and settings.DIRECTORY_GEOCODER_URL:
        point = _pdok(query)
    return point or _offline(query)


def _coordinates(query: str) -> Point | None:
    from .validators import NL_LAT, NL_LON

    match = COORDS_RE.match(query)
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if NL_LAT[0] <= lat <= NL_LAT[1] and NL_LON[0] <= lon <= NL_LON[1]:
        return Point(lat, lon, f"{lat:.5f}, {lon:.5f}")
    return None


def _pdok(query: str) -> Point | None:
    """The PDOK Locatieserver 'free' endpoint; any failure falls back to the offline geocoder."""
    params = urllib.parse.urlencode({"q": query, "rows": 1, "fl": "weergavenaam,centroide_ll",
                                     "fq": "type:(postcode OR woonplaats OR gemeente OR adres)"})
    url = f"{settings.DIRECTORY_GEOCODER_URL}?{params}"
    try:
        with urllib.request.urlopen(url, timeout=settings.DIRECTORY_GEOCODER_TIMEOUT) as response:  # noqa: S310
            docs = json.load(response)["response"]["docs"]
    except (OSError, ValueError, KeyError) as error:
        logger.warning("PDOK Locatieserver niet bereikbaar (%s); offline zoeken", error)
        return None
    if not docs:
        return None
    match = PDOK_POINT_RE.search(docs[0].get("centroide_ll", ""))
    if not match:
        return None
    return Point(float(match.group(2)), float(match.group(1)), docs[0].get("weergavenaam", query))


CENTRES_TTL = 300.0  # seconds: the register changes slowly, and a stale centre is still near
_centres: dict = {"loaded": -CENTRES_TTL, "postcodes": {}, "villages": {}}


def forget_centres() -> None:
    _centres["loaded"] = -CENTRES_TTL


def centres() -> dict:
    """Centres of the public places per PC4 area and per village (folded name), cached per process."""
    if time.monotonic() - _centres["loaded"] < CENTRES_TTL:
        return _centres
    places = _public_places().filter(latitude__isnull=False)
    lat, lon = Avg(Cast("latitude", FloatField())), Avg(Cast("longitude", FloatField()))
    postcodes = {row["pc4"]: Point(row["lat"], row["lon"], row["pc4"]) for row in
                 places.exclude(postcode="").annotate(pc4=Substr("postcode", 1, 4)).values("pc4")
                 .annotate(lat=lat, lon=lon).order_by()}
    villages = {}
    for row in places.exclude(city="").values("city").annotate(lat=lat, lon=lon).order_by():
        villages.setdefault(fold(row["city"]), Point(row["lat"], row["lon"], row["city"]))
    _centres.update(loaded=time.monotonic(), postcodes=postcodes, villages=villages)
    return _centres


def _offline(query: str) -> Point | None:
    from ontmoet.regions.models import Municipality

    known = centres()
    match = POSTCODE_RE.match(query)
    if match:
        return known["postcodes"].get(match.group(1))
    folded = fold(query)
    if folded in known["villages"]:
        return known["villages"][folded]
    for municipality in Municipality.objects.all().only("code", "name"):
        if fold(municipality.name) == folded:
            centre = _municipality_centre(municipality)
            if centre is None:
                mine = _public_places().filter(municipality=municipality, latitude__isnull=False).aggregate(
                    lat=Avg(Cast("latitude", FloatField())), lon=Avg(Cast("longitude", FloatField())))
                centre = Point(mine["lat"], mine["lon"], municipality.name) if mine["lat"] is not None else None
            return centre
    return None


def _municipality_centre(municipality) -> Point | None:
    """The known centre of a municipality (the CBS-derived points kept with the regions data)."""
    from ontmoet.regions.demo import OVERIJSSEL

    for code, name, lat, lon, *_rest in OVERIJSSEL:
        if code == municipality.code:
            return Point(lat, lon, name)
    return None
