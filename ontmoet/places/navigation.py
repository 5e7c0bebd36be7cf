from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    items = []
    if scope.is_officer:
        items.append(MenuItem(_("Plekken"), "places:list"))
    if scope.is_province_staff:
        items.append(MenuItem(_("Actualiteit"), "places:verification"))
        items.append(MenuItem(_("Importeren"), "places:import"))
    return items
