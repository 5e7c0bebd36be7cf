from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    if not scope.authenticated:
        return []
    return [MenuItem(_("Initiatieven"), "toolkit:list", ("toolkit:",))]
