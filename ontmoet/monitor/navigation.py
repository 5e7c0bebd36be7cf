from django.utils.translation import gettext as _

from ontmoet.core.navigation import MenuItem

# Every page about a wave (the index's own list), not the questionnaires under Beheer.
WAVE_PAGES = ("monitor:index", "monitor:wave", "monitor:mail_job", "monitor:phone_list", "monitor:invitation",
              "monitor:export", "monitor:report", "monitor:comparison", "monitor:enter_answers")


def menu_items(request, scope):
    if scope.is_officer:
        subs = [MenuItem(_("Uitvragen"), "monitor:index", WAVE_PAGES)]
        if scope.is_province_staff:
            subs.append(MenuItem(_("Vragenlijsten"), "monitor:questionnaires", ("monitor:questionnaire",),
                                 manage=True))
        return [MenuItem(_("Monitor"), "monitor:index", ("monitor:",), area="monitor", sub_items=tuple(subs))]
    if scope.is_board_member:
        return [MenuItem(_("Monitor"), "monitor:mine", ("monitor:mine", "monitor:respond"), area="monitor")]
    return []
