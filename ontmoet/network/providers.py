"""Seams to modules that are built separately (the monitor, the help desk).

Each seam asks the other app, if it is installed, for one small function; without it the seam answers
None or an empty list and the page says honestly that the information is not available yet. Nothing
here invents data.

- monitor:  `ontmoet.monitor.network.policy_status(municipality) -> dict | None` with keys
            "wave" (str), "vision" (str), "support" (str), "joint_contact_moment" (bool | None).
- helpdesk: `ontmoet.helpdesk.network.new_articles(user, since) -> list` of objects with `title` and
            `get_absolute_url()`.
"""

import importlib
import importlib.util

from django.apps import apps


def _provider(app_label: str, function: str):
    if not apps.is_installed(f"ontmoet.{app_label}"):
        return None
    module_name = f"ontmoet.{app_label}.network"
    if importlib.util.find_spec(module_name) is None:
        return None
    return getattr(importlib.import_module(module_name), function, None)


def monitor_policy_status(municipality) -> dict | None:
    """Policy status from the latest municipality monitor, or None while no monitor provides it."""
    provider = _provider("monitor", "policy_status")
    return provider(municipality) if provider else None


def knowledge_articles(user, since) -> list:
    """New knowledge articles from the help desk for the digest, or [] while no help desk provides them."""
    provider = _provider("helpdesk", "new_articles")
    return list(provider(user, since)) if provider else []


def knowledge_available() -> bool:
    return _provider("helpdesk", "new_articles") is not None
