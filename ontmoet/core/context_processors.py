from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.navigation import language_options_html, main_menu_html


def ontmoet(request):
    scope = get_scope(getattr(request, "user", None))
    return {
        "scope": scope,
        "main_menu_html": SimpleLazyObject(lambda: main_menu_html(request, scope)),
        "language_options_html": SimpleLazyObject(lambda: language_options_html(get_language())),
        "ontmoet_production": settings.PRODUCTION,
    }
