from django.conf import settings
from django.utils.functional import SimpleLazyObject

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.navigation import main_menu


def ontmoet(request):
    scope = get_scope(getattr(request, "user", None))
    return {
        "scope": scope,
        "main_menu": SimpleLazyObject(lambda: main_menu(request, scope)),
        "ontmoet_production": settings.PRODUCTION,
    }
