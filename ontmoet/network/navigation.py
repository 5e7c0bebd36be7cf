from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem


def menu_items(request, scope):
    items = [MenuItem(_("Activiteiten"), "network:event_list", ("network:event", "network:registration"))]
    if scope.authenticated:
        items.append(MenuItem(_("Leergang"), "network:course_list", ("network:course", "network:module",
                                                                     "network:material", "network:enrolment")))
        items.append(MenuItem(_("Regelingen"), "network:scheme_list", ("network:scheme", "network:place_schemes")))
    if scope.is_officer:
        items.append(MenuItem(_("Lerend netwerk"), "network:group_list", ("network:group", "network:theme",
                                                                          "network:document")))
    if scope.is_province_staff:
        items.append(MenuItem(_("Gemeenten"), "network:contacts_overview", ("network:municipality",
                                                                             "network:contact")))
    if scope.is_province_admin:
        items.append(MenuItem(_("Overzichtsmail"), "network:digest_runs", ("network:digest_run",)))
    return items
