from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    if not scope.authenticated:
        return [MenuItem(_("Bijeenkomsten"), "network:event_list", ("network:event", "network:registration"),
                         area="netwerk")]
    subs = [MenuItem(_("Bijeenkomsten"), "network:event_list", ("network:event", "network:registration")),
            MenuItem(_("Leergang"), "network:course_list", ("network:course", "network:module", "network:material",
                                                            "network:enrolment")),
            MenuItem(_("Regelingen"), "network:scheme_list", ("network:scheme", "network:place_schemes"))]
    if scope.is_officer:
        subs.append(MenuItem(_("Lerend netwerk"), "network:group_list", ("network:group", "network:theme",
                                                                         "network:document")))
    if scope.is_province_staff:
        subs.append(MenuItem(_("Gemeenten"), "network:contacts_overview", ("network:municipality", "network:contact",
                                                                            "network:aanspreekpunt",
                                                                            "network:follow_up")))
    if scope.is_province_admin:
        subs.append(MenuItem(_("Overzichtsmail"), "network:digest_runs", ("network:digest_run",), manage=True))
    return [MenuItem(_("Netwerk"), "network:event_list", ("network:",), area="netwerk", sub_items=tuple(subs))]
