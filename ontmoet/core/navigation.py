"""The main menu by area, assembled from each app's `navigation.py`.

An app contributes `def menu_items(request, scope) -> list[MenuItem]`; apps are asked in
INSTALLED_APPS order, so no app edits the shared base template to get a menu entry. Each item names its
area (Plekken, Monitor, Sociale Hypotheek, Meldpunt, Toolkit, Netwerk): the first item of an area is its
top-level entry, and its `sub_items` (or, for a later item of the same area, the item itself) make the
area's second-level navigation, shown on every page of the area. Configuration, imports and reference
data are marked `manage=True` and sit together under the area's one "Beheer" entry; a new admin page
joins an area that way (for example `MenuItem(_("Privacy"), "x:privacy", area="plekken", manage=True)`)
without adding a top-level item. This module gives data only: base.html renders it with
components/navigation.html and components/sub_navigation.html.
"""

from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext

from ontmoet.core.discovery import app_functions

# The order of the areas in the main menu (after the overview); an area not listed here comes last.
AREA_ORDER = ("plekken", "monitor", "sociale-hypotheek", "meldpunt", "toolkit", "netwerk")


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    # The item is marked current for every view whose name starts with one of these (default: url_name).
    current_prefixes: tuple[str, ...] = ()
    # The area this item belongs to (empty: a top-level item of its own).
    area: str = ""
    # The area's second-level items, when this item is its top-level entry.
    sub_items: tuple["MenuItem", ...] = ()
    # Configuration, imports or reference data: listed under the area's "Beheer".
    manage: bool = False

    @property
    def url(self) -> str:
        return _path(self.url_name, get_script_prefix())

    def is_current(self, view_name: str | None) -> bool:
        if not view_name:
            return False
        return view_name == self.url_name or any(view_name.startswith(p) for p in self.current_prefixes)


def _providers():
    return app_functions("navigation", "menu_items")


def _view_name(request) -> str | None:
    return request.resolver_match.view_name if getattr(request, "resolver_match", None) else None


def _link(item: MenuItem, view_name: str | None) -> dict:
    """A link for components/navigation_items.html: aria-current "page" on the page itself, "true" on
    the item that holds the page (a detail page under its list)."""
    current = "page" if view_name == item.url_name else ("true" if item.is_current(view_name) else "")
    return {"label": item.label, "url": item.url, "current": current}


def _areas(request, scope) -> list[tuple[MenuItem, list[MenuItem]]]:
    """(top-level item, second-level items) per area, in AREA_ORDER and then INSTALLED_APPS order."""
    areas: dict[str, tuple[MenuItem, list[MenuItem]]] = {}
    for provider in _providers():
        for item in provider(request, scope):
            key = item.area or f"item:{item.url_name}"
            if key not in areas:
                areas[key] = (item, list(item.sub_items))
            else:
                areas[key][1].extend(item.sub_items or (item,))
    order = {area: position for position, area in enumerate(AREA_ORDER)}
    keys = sorted(areas, key=lambda key: order.get(key, len(order)))  # stable: apps' order otherwise
    return [areas[key] for key in keys]


def main_menu(request, scope) -> list[dict]:
    """Every app's areas as links (label, url, current, sub) for components/navigation.html; `sub` holds
    the area's second level for components/sub_navigation.html."""
    view_name = _view_name(request)
    menu = []
    for top, subs in _areas(request, scope):
        link = _link(top, view_name)
        if not link["current"] and any(sub.is_current(view_name) for sub in subs):
            link["current"] = "true"  # the area holds this page
        work = [_link(sub, view_name) for sub in subs if not sub.manage]
        manage = [_link(sub, view_name) for sub in subs if sub.manage]
        link["sub"] = {"label": top.label, "items": work, "manage": manage,
                       "manage_current": any(item["current"] for item in manage)}
        menu.append(link)
    return menu


def full_menu(request, scope) -> list[dict]:
    """The whole main menu: the start page (or the overview once logged in), the apps' areas and, for
    staff whose areas do not hold it, the reference data (Django's admin)."""
    user = getattr(request, "user", None)
    if scope.authenticated:
        first = {"label": gettext("Overzicht"), "url": _path("core:dashboard", get_script_prefix()),
                 "current": "page" if _view_name(request) == "core:dashboard" else ""}
    else:
        first = {"label": gettext("Start"), "url": _path("core:home", get_script_prefix()),
                 "current": "page" if _view_name(request) == "core:home" else ""}
    menu = [first, *main_menu(request, scope)]
    admin = _path("admin:index", get_script_prefix())
    placed = any(item["url"] == admin for link in menu if "sub" in link for item in link["sub"]["manage"])
    if scope.authenticated and getattr(user, "is_staff", False) and not placed:
        menu.append({"label": gettext("Referentiegegevens"), "url": admin, "current": ""})
    return menu


def sub_menu(menu: list[dict]) -> dict | None:
    """The second level of the area that holds the current page, when it has more than its own page."""
    for link in menu:
        sub = link.get("sub")
        if link["current"] and sub and (len(sub["items"]) > 1 or sub["manage"]):
            return sub
    return None


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
