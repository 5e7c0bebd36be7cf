from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem

# Every grants page except the impact report, which has its own menu item.
CURRENT_PREFIXES = ("grants:round", "grants:application", "grants:attachment", "grants:decision", "grants:award",
                    "grants:payment", "grants:hour", "grants:settlement", "grants:import")


def menu_items(request, scope):
    items = []
    if scope.is_officer or scope.is_board_member:
        items.append(MenuItem(_("Sociale Hypotheek"), "grants:index", CURRENT_PREFIXES))
    if scope.is_officer:
        items.append(MenuItem(_("Impact"), "grants:impact"))
    if not scope.authenticated:
        items.append(MenuItem(_("Resultaten Sociale Hypotheek"), "grants:public_summary"))
    return items
