"""The twelve provinces (CBS codes): ensured after every migrate. Municipalities come from
`ontmoet import_regions` (or the demo)."""

PROVINCES = [
    ("PV20", "Groningen"), ("PV21", "Fryslân"), ("PV22", "Drenthe"), ("PV23", "Overijssel"),
    ("PV24", "Flevoland"), ("PV25", "Gelderland"), ("PV26", "Utrecht"), ("PV27", "Noord-Holland"),
    ("PV28", "Zuid-Holland"), ("PV29", "Zeeland"), ("PV30", "Noord-Brabant"), ("PV31", "Limburg"),
]


def ensure_provinces(sender=None, **kwargs) -> None:
    from .models import Province

    for code, name in PROVINCES:
        Province.objects.update_or_create(code=code, defaults={"name": name})
