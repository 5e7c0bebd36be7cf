from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    items = []
    if scope.is_officer or scope.is_board_member:
        items.append(MenuItem(_("Sociale Hypotheek"), "grants:index", ("grants:",)))
    if scope.is_officer:
        items.append(MenuItem(_("Impact"), "grants:impact"))
    if not scope.authenticated:
        items.append(MenuItem(_("Resultaten Sociale Hypotheek"), "grants:public_summary"))
    return items
