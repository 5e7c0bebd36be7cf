"""The aanspreekpunt of a respondent, from the network app when it is installed (seam: network/monitor.py).

Without the network app (or without an aanspreekpunt for the municipality) this answers None and the
page says honestly that none is known; nothing is invented.
"""

import importlib
import importlib.util

from django.apps import apps

SEAM = "ontmoet.network.monitor"


def aanspreekpunt(municipality_id) -> dict | None:
    """{"name", "email", "phone", "note", "province"} of the municipality's aanspreekpunt, or None."""
    if not apps.is_installed("ontmoet.network") or importlib.util.find_spec(SEAM) is None:
        return None
    return importlib.import_module(SEAM).aanspreekpunt(municipality_id)
