from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem

AGENDA_PAGES = ("agenda:search", "agenda:feed")


def menu_items(request, scope):
    """The agenda sits next to the sociale kaart in its area, for everyone (it is public); no area of its own."""

    return [MenuItem(_("Agenda"), "agenda:search", AGENDA_PAGES, area="plekken")]
