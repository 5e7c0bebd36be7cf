from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem

# Every grants page except the public summary.
CURRENT_PREFIXES = ("grants:index", "grants:round", "grants:application", "grants:attachment", "grants:decision",
                    "grants:award", "grants:payment", "grants:hour", "grants:settlement", "grants:import",
                    "grants:impact")


def menu_items(request, scope):
    if scope.is_officer or scope.is_board_member:
        subs = [MenuItem(_("Rondes"), "grants:index", ("grants:round",)),
                MenuItem(_("Aanvragen"), "grants:application_list",
                         ("grants:application", "grants:attachment", "grants:decision")),
                MenuItem(_("Toekenningen"), "grants:award_list",
                         ("grants:award", "grants:payment", "grants:hour_add", "grants:hour_decide",
                          "grants:hour_reverse", "grants:hour_evidence", "grants:settlement"))]
        if scope.is_province_staff:
            subs.append(MenuItem(_("Uren te beoordelen"), "grants:hour_review"))
        if scope.is_officer:
            subs.append(MenuItem(_("Impact"), "grants:impact", ("grants:impact",)))
        if scope.is_province_staff:
            subs.append(MenuItem(_("Importeren"), "grants:import", ("grants:import",), manage=True))
        return [MenuItem(_("Sociale Hypotheek"), "grants:index", CURRENT_PREFIXES, area="sociale-hypotheek",
                         sub_items=tuple(subs))]
    if not scope.authenticated:
        return [MenuItem(_("Resultaten Sociale Hypotheek"), "grants:public_summary", area="sociale-hypotheek")]
    return []
