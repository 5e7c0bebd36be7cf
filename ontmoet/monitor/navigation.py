from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    if scope.is_officer:
        return [MenuItem(_("Monitor"), "monitor:index", current_prefixes=("monitor:",))]
    if scope.is_board_member:
        return [MenuItem(_("Vragenlijsten"), "monitor:mine")]
    return []
