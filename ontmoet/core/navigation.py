"""The main menu, assembled from each app's `navigation.py`.

An app contributes `def menu_items(request, scope) -> list[MenuItem]`; apps are asked in
INSTALLED_APPS order, so no app edits the shared base template to get a menu entry. This module gives
data only: base.html renders it with components/navigation.html.
"""

import importlib
import importlib.util
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    # The item is marked current for every view whose name starts with one of these (default: url_name).
    current_prefixes: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return _path(self.url_name, get_script_prefix())

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


def _view_name(request) -> str | None:
    return request.resolver_match.view_name if getattr(request, "resolver_match", None) else None


def main_menu(request, scope) -> list[dict]:
    """Every app's menu items as dicts (label, url, current) for components/navigation.html."""
    view_name = _view_name(request)
    menu = []
    for provider in _providers():
        for item in provider(request, scope):
            menu.append({"label": item.label, "url": item.url, "current": item.is_current(view_name)})
    return menu


def full_menu(request, scope) -> list[dict]:
    """The whole main menu: the start page (or the overview once logged in), the apps' items and, for
    staff, the reference data (Django's admin)."""
    user = getattr(request, "user", None)
    if scope.authenticated:
        first = {"label": gettext("Overzicht"), "url": _path("core:dashboard", get_script_prefix()),
                 "current": _view_name(request) == "core:dashboard"}
    else:
        first = {"label": gettext("Start"), "url": _path("core:home", get_script_prefix()), "current": False}
    menu = [first, *main_menu(request, scope)]
    if scope.authenticated and getattr(user, "is_staff", False):
        menu.append({"label": gettext("Referentiegegevens"), "url": _path("admin:index", get_script_prefix()),
                     "current": False})
    return menu


def menu_cache_key(request, scope) -> str:
    """What the main menu depends on, for its fragment cache in base.html (the template adds the language).

    Providers decide on the kind of user (the scope's roles and flags), never on who it is, so one
    cached menu serves everyone with the same roles on the same view.
    """
    user = getattr(request, "user", None)
    kind = (scope.authenticated, scope.superuser, scope.is_province_staff, scope.is_province_admin,
            scope.is_municipal_officer, scope.is_board_member, bool(getattr(user, "is_staff", False)))
    flags = "".join("1" if flag else "0" for flag in kind)
    return f"{flags}:{','.join(sorted(scope.roles))}:{_view_name(request)}:{get_script_prefix()}"


@lru_cache(maxsize=256)
def _path(url_name: str, script_prefix: str, *args: str) -> str:
    """reverse(), kept per process and script prefix: the URLconf does not change while it runs."""
    return reverse(url_name, args=args)


@cache
def _language_names() -> tuple[tuple[str, str], ...]:
    """(code, name in that language) for every language: settings only, so made once per process."""
    return tuple((code, capfirst(get_language_info(code)["name_local"])) for code, _name in settings.LANGUAGES)


def language_links(current: str, next_path: str) -> list[dict]:
    """The language switch: a link per language that comes back to this page (core.views.choose_language).

    Links, not a form: a page without a CSRF token is the same for every visitor and can be cached.
    """
    back = urlencode({"next": next_path})
    prefix = get_script_prefix()
    return [{"label": name, "url": f"{_path('core:language', prefix, code)}?{back}", "lang": code,
             "current": code == current} for code, name in _language_names()]
