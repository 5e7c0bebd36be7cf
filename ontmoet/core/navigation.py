"""The main menu, assembled from each app's `navigation.py`.

An app contributes `def menu_items(request, scope) -> list[MenuItem]`; apps are asked in
INSTALLED_APPS order, so no app edits the shared base template to get a menu entry.
"""

import importlib
import importlib.util
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language_info


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


def main_menu(request, scope) -> list[dict]:
    view_name = request.resolver_match.view_name if getattr(request, "resolver_match", None) else None
    menu = []
    for provider in _providers():
        for item in provider(request, scope):
            menu.append({"label": item.label, "url": item.url, "current": item.is_current(view_name)})
    return menu


def main_menu_html(request, scope) -> SafeString:
    """The menu's `<li>` items as markup, built in Python: every page shows the menu, and the template
    loop over up to 17 items cost more than some pages' queries."""
    current = ' aria-current="page"'
    return mark_safe("".join(  # noqa: S308 - labels and urls are escaped
        f'<li><a class="ontmoet-nav__link" href="{conditional_escape(item["url"])}"'
        f'{current if item["current"] else ""}>{conditional_escape(item["label"])}</a></li>'
        for item in main_menu(request, scope)
    ))


@lru_cache(maxsize=256)
def _path(url_name: str, script_prefix: str, *args: str) -> str:
    """reverse(), kept per process and script prefix: the URLconf does not change while it runs."""
    return reverse(url_name, args=args)


@cache
def _language_names() -> tuple[tuple[str, str], ...]:
    """(code, name in that language) for every language: settings only, so made once per process."""
    return tuple((code, capfirst(get_language_info(code)["name_local"])) for code, _name in settings.LANGUAGES)


def language_links_html(current: str, next_path: str) -> SafeString:
    """The language switch: a link per language that comes back to this page (core.views.choose_language).

    Links, not a form: a page without a CSRF token is the same for every visitor and can be cached.
    """
    back = urlencode({"next": next_path})
    items = []
    for code, name in _language_names():
        code_html, name_html = conditional_escape(code), conditional_escape(name)
        marked = ' aria-current="true"' if code == current else ""
        url = conditional_escape(f"{_path('core:language', get_script_prefix(), code)}?{back}")
        items.append(f'<li><a class="ontmoet-language__link" href="{url}" lang="{code_html}" hreflang="{code_html}"'
                     f"{marked}>{name_html}</a></li>")
    return mark_safe("".join(items))  # noqa: S308 - every value is escaped

