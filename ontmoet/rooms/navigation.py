from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    """The booking requests join the register's area (Plekken), for the boards and officers who see them."""
    if scope.superuser or scope.is_officer or scope.is_board_member:
        return [MenuItem(_("Boekingsaanvragen"), "rooms_board:requests", ("rooms_board:",), area="plekken")]
    return []
