from django.utils.translation import gettext_lazy as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    # "rooms:" is the place page's own rooms and requests (/kaart/plek/CODE/ruimtes/): still the kaart.
    pages = ("directory:", "rooms:")
    kaart = MenuItem(_("Sociale kaart"), "directory:search", pages, area="plekken")
    if scope.authenticated:  # the register (places) heads the area; the kaart is one of its pages
        return [kaart]
    # For visitors the kaart heads the area and is its first page; the agenda, vacancies and rooms join it.
    return [MenuItem(_("Sociale kaart"), "directory:search", pages, area="plekken", sub_items=(kaart,))]
