from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    items = []
    if scope.is_province_staff or scope.is_municipal_officer or scope.is_board_member or "expert" in scope.roles:
        items.append(MenuItem(_("Meldpunt"), "helpdesk:question_list", ("helpdesk:question",)))
    items.append(MenuItem(_("Kennisbank"), "helpdesk:article_list", ("helpdesk:article",)))
    if scope.is_province_staff:
        items.append(MenuItem(_("Experts"), "helpdesk:expert_list",
                              ("helpdesk:expert", "helpdesk:routing", "helpdesk:category")))
        items.append(MenuItem(_("Dashboard meldpunt"), "helpdesk:dashboard", ("helpdesk:dashboard",)))
    return items
