"""Finding what the domain apps contribute without core importing them (ADR 0007).

Menus (`navigation.py`), overview panels and work queues (`dashboard.py`), workflows (`workflows.py`)
and personal data (`privacy.py`) are each a module of that name in an app; core asks for them here. So are
the open-data parts (`opendata.py`: `hsds_services`, `downloads`) that the sociale kaart's exports gather.
"""

import importlib
import importlib.util
from functools import cache
from types import ModuleType

from django.apps import apps


@cache
def app_modules(name: str) -> tuple[ModuleType, ...]:
    """Each Ontmoet app's module `name`, imported, in INSTALLED_APPS order (apps without one are skipped)."""
    modules = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.{name}"
        if config.name.startswith("ontmoet.") and importlib.util.find_spec(module_name) is not None:
            modules.append(importlib.import_module(module_name))
    return tuple(modules)


def app_functions(module: str, function: str) -> tuple:
    """The function `function` of each app's module `module`, where it has one."""
    return tuple(getattr(m, function) for m in app_modules(module) if hasattr(m, function))
