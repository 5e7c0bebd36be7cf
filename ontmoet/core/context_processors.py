from django.conf import settings

from ontmoet.accounts.scoping import get_scope


def ontmoet(request):
    return {
        "scope": get_scope(getattr(request, "user", None)),
        "ontmoet_production": settings.PRODUCTION,
    }
