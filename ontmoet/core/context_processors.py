from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.navigation import language_links_html, main_menu_html


def ontmoet(request):
    scope = get_scope(getattr(request, "user", None))
    return {
        "scope": scope,
        "main_menu_html": SimpleLazyObject(lambda: main_menu_html(request, scope)),
        "language_links_html": SimpleLazyObject(lambda: language_links_html(get_language(), request.get_full_path())),
        "ontmoet_production": settings.PRODUCTION,
    }
