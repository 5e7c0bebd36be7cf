"""What the monitor shows of the network: a municipality's aanspreekpunt at the province (seam).

The monitor loads this module with importlib (monitor/contacts.py) when the network app is installed,
so neither app imports the other; the seam is listed in pyproject.toml with the others.
"""

from . import selectors


def aanspreekpunt(municipality_id) -> dict | None:
    """The province officer a municipality and its places can call: name, e-mail, phone, when to reach them."""
    item = selectors.aanspreekpunt_for(municipality_id)
    if item is None:
        return None
    return {"name": item.officer.get_full_name() or item.officer.email, "email": item.officer.email,
            "phone": item.reach_phone, "note": item.note, "province": item.municipality.province.name}
