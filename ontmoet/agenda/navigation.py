from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem

AGENDA_PAGES = ("agenda:search", "agenda:feed")


def menu_items(request, scope):
    """The agenda sits next to the sociale kaart in its area, for everyone (it is public); no area of its own."""
    agenda = MenuItem(_("Agenda"), "agenda:search", AGENDA_PAGES)
    if scope.authenticated:  # the area's second level exists already (Plekken, ... or the kaart itself)
        return [MenuItem(_("Agenda"), "agenda:search", AGENDA_PAGES, area="plekken", sub_items=(agenda,))]
    # For visitors the kaart is the area's only page: give the area its second level, kaart first.
    kaart = MenuItem(_("Sociale kaart"), "directory:search", ("directory:",))
    return [MenuItem(_("Agenda"), "agenda:search", AGENDA_PAGES, area="plekken", sub_items=(kaart, agenda))]
