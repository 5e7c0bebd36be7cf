from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem

# The list and every page about one place (not the verification list or the import, which have their own).
PLACE_PAGES = ("places:list", "places:create", "places:export", "places:detail", "places:edit", "places:verify",
               "places:history")


def menu_items(request, scope):
    if scope.is_officer:
        subs = [MenuItem(_("Plekken"), "places:list", PLACE_PAGES)]
        if scope.is_province_staff:
            subs.append(MenuItem(_("Actualiteit"), "places:verification"))
            subs.append(MenuItem(_("Importeren"), "places:import", manage=True))
        if getattr(request.user, "is_staff", False):
            subs.append(MenuItem(_("Referentiegegevens"), "admin:index", manage=True))
        return [MenuItem(_("Plekken"), "places:list", ("places:",), area="plekken", sub_items=tuple(subs))]
    if scope.authenticated:
        # A board's own place page belongs to the same area as the map it is found on.
        return [MenuItem(_("Sociale kaart"), "directory:search", PLACE_PAGES[3:], area="plekken")]
    return []
