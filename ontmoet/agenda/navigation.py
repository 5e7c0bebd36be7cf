from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    # Next to the sociale kaart in its area, for everyone (the agenda is public); no area of its own.
    return [MenuItem(_("Agenda"), "agenda:search", ("agenda:search", "agenda:feed"), area="plekken")]
