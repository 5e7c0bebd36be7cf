from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem

# Everything about vacancies sits in the "plekken" area, next to the kaart and the register.
PUBLIC_PAGES = ("vacancies:public", "vacancies:help")


def menu_items(request, scope):
    if scope.is_board_member or scope.is_officer:
        return [MenuItem(_("Vacatures"), "vacancies:index",
                         ("vacancies:index", "vacancies:export", "vacancies:responses", "vacancies:response",
                          "vacancies:help_offers", "vacancies:place", "vacancies:create", "vacancies:detail",
                          "vacancies:edit"), area="plekken")]
    return [MenuItem(_("Vacatures"), "vacancies:public_list", PUBLIC_PAGES, area="plekken")]
