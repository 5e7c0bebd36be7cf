from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.navigation import full_menu, language_links, menu_cache_key, sub_menu


def ontmoet(request):
    scope = get_scope(getattr(request, "user", None))
    menu = SimpleLazyObject(lambda: full_menu(request, scope))
    return {
        "scope": scope,
        # Lazy: base.html caches the menu's fragment, so the items are only made when it is not cached.
        "main_menu": menu,
        "sub_menu": SimpleLazyObject(lambda: sub_menu(menu)),
        "main_menu_key": SimpleLazyObject(lambda: menu_cache_key(request, scope)),
        "language_links": SimpleLazyObject(lambda: language_links(get_language(), request.get_full_path())),
        "ontmoet_production": settings.PRODUCTION,
    }
