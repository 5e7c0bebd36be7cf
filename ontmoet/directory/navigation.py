from django.utils.translation import gettext_lazy as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    return [MenuItem(_("Sociale kaart"), "directory:search", ("directory:",), area="plekken")]
