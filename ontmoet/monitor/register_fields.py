"""The register fields a questionnaire question may name to be pre-filled (XLSForm column `bind::ontmoet:register`).

A question names one of these (Dutch or English name); at upload the question's type must fit the
field. `prefill.py` reads the values through places' selectors and writes changes back through
places' services. Only place questionnaires use them: a municipality has no register entry.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

COLUMN = "ontmoet:register"  # the bind attribute pyxform passes through from `bind::ontmoet:register`


@dataclass(frozen=True)
class RegisterField:
    field: str  # the Place field
    label: object  # what the board sees ("Soort plek")
    types: frozenset  # the question types that can hold it

    @property
    def is_list(self) -> bool:
        return "select_multiple" in self.types


_ONE = frozenset({"select_one"})
_NUMBER = frozenset({"integer"})
_MANY = frozenset({"select_multiple"})

FIELDS = {
    "soort": RegisterField("kind", _("Soort plek"), _ONE),
    "rechtsvorm": RegisterField("legal_form", _("Rechtsvorm"), _ONE),
    "bestuursleden": RegisterField("board_size", _("Aantal bestuursleden"), _NUMBER),
    "bemensing": RegisterField("staffing", _("Bemensing"), _ONE),
    "vrijwilligers": RegisterField("volunteer_count", _("Aantal vrijwilligers"), _NUMBER),
    "voorzieningen": RegisterField("facilities", _("Voorzieningen"), _MANY),
    "activiteiten": RegisterField("activities", _("Activiteiten"), _MANY),
    "doelgroepen": RegisterField("target_groups", _("Doelgroepen"), _MANY),
}
# The model's own (English) field names are accepted too.
ALIASES = {spec.field: name for name, spec in FIELDS.items()}


def lookup(name: str) -> tuple[str, RegisterField] | None:
    """(Dutch name, field) for a name in the column, in either spelling; None when it names no field."""
    key = str(name or "").strip().lower()
    key = ALIASES.get(key, key)
    return (key, FIELDS[key]) if key in FIELDS else None
