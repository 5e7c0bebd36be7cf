"""Reads for regions, including matching what people type to a municipality."""

import re
import unicodedata

from .models import Municipality

# CBS adds a province suffix to names that occur twice, and uses official names people rarely type.
MUNICIPALITY_ALIASES = {
    "hengelo": "Hengelo (O.)",
    "den haag": "'s-Gravenhage",
    "s-gravenhage": "'s-Gravenhage",
    "den bosch": "'s-Hertogenbosch",
    "s-hertogenbosch": "'s-Hertogenbosch",
    "bergen nh": "Bergen (NH.)",
    "bergen l": "Bergen (L.)",
    "laren nh": "Laren (NH.)",
    "beek l": "Beek (L.)",
    "stein l": "Stein (L.)",
    "middelburg": "Middelburg (Z.)",
    "rijswijk": "Rijswijk (ZH.)",
    "friesland": "Fryslân",
}


def normalise_name(value: str) -> str:
    """Lower case, no accents, no punctuation: 'Hengelo (O.)' -> 'hengelo o'."""
    text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", " ", text.lower())
    return " ".join(text.split())


class MunicipalityMatcher:
    """Finds a municipality by CBS code (GM0193 or 0193), official name or a known alias.

    Built once per import so that thousands of rows cost one query.
    """

    def __init__(self, queryset=None):
        municipalities = list(queryset if queryset is not None else Municipality.objects.all())
        self.by_code = {m.code: m for m in municipalities}
        self.by_name = {normalise_name(m.name): m for m in municipalities}
        for alias, official in MUNICIPALITY_ALIASES.items():
            target = self.by_name.get(normalise_name(official))
            if target is not None:
                self.by_name.setdefault(normalise_name(alias), target)

    def match(self, value: str) -> Municipality | None:
        value = (value or "").strip()
        if not value:
            return None
        code = value.upper().replace(" ", "")
        if re.fullmatch(r"\d{1,4}", code):
            code = f"GM{int(code):04d}"
        if code in self.by_code:
            return self.by_code[code]
        return self.by_name.get(normalise_name(value))
