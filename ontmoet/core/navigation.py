"""The main menu, assembled from each app's `navigation.py`.

An app contributes `def menu_items(request, scope) -> list[MenuItem]`; apps are asked in
INSTALLED_APPS order, so no app edits the shared base template to get a menu entry.
"""

import importlib
import importlib.util
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import reverse


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    # The item is marked current for every view whose name starts with one of these (default: url_name).
    current_prefixes: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return reverse(self.url_name)

    def is_current(self, view_name: str | None) -> bool:
        if not view_name:
            return False
        return view_name == self.url_name or any(view_name.startswith(p) for p in self.current_prefixes)


@cache
def _providers():
    providers = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.navigation"
        if config.name.startswith("ontmoet.") and importlib.util.find_spec(module_name) is not None:
            provider = getattr(importlib.import_module(module_name), "menu_items", None)
            if provider is not None:
                providers.append(provider)
    return tuple(providers)


def main_menu(request, scope) -> list[dict]:
    view_name = request.resolver_match.view_name if getattr(request, "resolver_match", None) else None
    menu = []
    for provider in _providers():
        for item in provider(request, scope):
            menu.append({"label": item.label, "url": item.url, "current": item.is_current(view_name)})
    return menu
