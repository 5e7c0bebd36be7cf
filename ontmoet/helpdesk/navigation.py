from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    knowledge = MenuItem(_("Kennisbank"), "helpdesk:article_list", ("helpdesk:article", "helpdesk:suggestions"),
                         area="meldpunt")
    if not (scope.is_province_staff or scope.is_municipal_officer or scope.is_board_member
            or "expert" in scope.roles):
        return [knowledge]
    subs = [MenuItem(_("Vragen"), "helpdesk:question_list", ("helpdesk:question", "helpdesk:attachment")),
            knowledge]
    if scope.is_province_staff:
        subs += [MenuItem(_("Dashboard meldpunt"), "helpdesk:dashboard", ("helpdesk:dashboard",)),
                 MenuItem(_("Experts"), "helpdesk:expert_list", ("helpdesk:expert", "helpdesk:team"), manage=True),
                 MenuItem(_("Routering"), "helpdesk:routing_list", ("helpdesk:routing",), manage=True),
                 MenuItem(_("Categorieën"), "helpdesk:category_list", ("helpdesk:category",), manage=True)]
    return [MenuItem(_("Meldpunt"), "helpdesk:question_list", ("helpdesk:",), area="meldpunt", sub_items=tuple(subs))]
