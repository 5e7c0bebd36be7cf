"""Reading a public API's query parameters: each bad value is named with a Dutch message, and the view answers
400 with all of them at once (the API's error shape: `detail` and `fouten` per parameter)."""

import math
import re
from datetime import date

from rest_framework.exceptions import ValidationError

from .textinput import has_control_characters

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TRUE, FALSE = {"true", "1", "ja"}, {"false", "0", "nee"}


class QueryReader:
    def __init__(self, params, names):
        self.params, self.errors = params, {}
        for name in names:
            # PostgreSQL cannot hold NUL in a query value; a control character is never a valid filter anyway.
            if has_control_characters(params.get(name, "")):
                self.errors[name] = ["Deze waarde bevat een teken dat hier niet kan; typ haar opnieuw."]
        self.check()

    def check(self):
        if self.errors:
            raise ValidationError(self.errors)

    def text(self, name: str) -> str:
        return self.params.get(name, "").strip()

    def error(self, name: str, message: str):
        self.errors.setdefault(name, []).append(message)

    def boolean(self, name: str) -> bool:
        value = self.text(name).lower()
        if value and value not in TRUE | FALSE:
            self.error(name, "Geef true of false.")
        return value in TRUE

    def whole_number(self, name: str, low: int, high: int) -> int | None:
        value = self.text(name)
        if not value:
            return None
        # isdecimal, not isdigit: "²" is a digit that int() refuses.
        if not value.isdecimal() or len(value) > 6 or not low <= int(value) <= high:
            self.error(name, f"Geef een heel getal van {low} tot {high}.")
            return None
        return int(value)

    def radius(self, name: str = "radius", default: float = 10.0) -> float:
        value = self.text(name)
        if not value:
            return default
        try:
            found = float(value)
        except ValueError:
            found = math.nan
        if not 1 <= found <= 100:  # also refuses nan and inf
            self.error(name, "Geef een straal van 1 tot 100 km.")
            return default
        return found

    def day(self, name: str) -> date | None:
        value = self.text(name)
        if not value:
            return None
        try:
            if not ISO_DATE.fullmatch(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            self.error(name, "Geef een datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-17.")
            return None
