from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    if not scope.authenticated:
        return []
    subs = [MenuItem(_("Initiatieven"), "toolkit:list",
                     ("toolkit:create", "toolkit:detail", "toolkit:edit", "toolkit:partner", "toolkit:accept",
                      "toolkit:quickscan", "toolkit:typology", "toolkit:social", "toolkit:design",
                      "toolkit:budget", "toolkit:tree_walk", "toolkit:pdf")),
            MenuItem(_("Inspiratie"), "toolkit:inspiration"),
            MenuItem(_("Beslisbomen"), "toolkit:trees", ("toolkit:tree_edit",))]
    return [MenuItem(_("Toolkit"), "toolkit:list", ("toolkit:",), area="toolkit", sub_items=tuple(subs))]
