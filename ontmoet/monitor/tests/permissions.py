"""Who may open which monitor page. Waves and invitations are created in Overijssel (Raalte, Zwolle)."""

from ontmoet.core.testing.permissions import (
    FORBIDDEN,
    NOT_FOUND,
    OFFICERS_ONLY,
    OK,
    PROVINCE_ONLY,
    PUBLIC,
    REDIRECT,
    as_post,
    expect,
)


def _wave(world):
    from ontmoet.monitor.models import Wave
    from ontmoet.monitor.tests.factories import make_wave

    wave = Wave.objects.filter(province=world.overijssel).first() or make_wave(world.overijssel)
    return wave.pk


def _questionnaire(world):
    from ontmoet.monitor.models import Wave

    return Wave.objects.get(pk=_wave(world)).questionnaire_id


def _invitation(world):
    from ontmoet.monitor.models import Invitation

    return Invitation.objects.get(wave_id=_wave(world), place=world.place).pk


def _job(world):
    from ontmoet.monitor.models import MailJob

    return MailJob.objects.create(wave_id=_wave(world), kind="invite", total=0).pk


def _token(world):
    from ontmoet.monitor.models import Invitation
    from ontmoet.monitor.services import invitation_token

    return invitation_token(Invitation.objects.get(pk=_invitation(world)))


# Province staff of Overijssel manage; Gelderland gets 404; municipal officers of Overijssel read.
MANAGE = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK, other_province_staff=NOT_FOUND)
READ = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK, other_province_staff=NOT_FOUND,
              municipal_officer=OK, other_municipal_officer=OK)
BOARDS = expect(FORBIDDEN, anonymous=REDIRECT, board_member=OK, other_board_member=OK)

MATRIX = {
    "monitor:index": ("get", {}, OFFICERS_ONLY),
    "monitor:mine": ("get", {}, BOARDS),
    "monitor:questionnaires": ("get", {}, PROVINCE_ONLY),
    "monitor:questionnaire": ("get", {"pk": _questionnaire}, MANAGE),
    "monitor:questionnaire_download": ("get", {"pk": _questionnaire}, MANAGE),
    "monitor:wave_create": ("get", {}, PROVINCE_ONLY),
    "monitor:wave": ("get", {"pk": _wave}, READ),
    "monitor:wave_send": ("post", {"pk": _wave, "kind": "invite"}, as_post(MANAGE)),
    "monitor:mail_job": ("get", {"pk": _wave, "job": _job}, MANAGE),
    "monitor:phone_list": ("get", {"pk": _wave}, MANAGE),
    "monitor:remind": ("get", {"pk": _wave}, MANAGE),
    "monitor:wave_import": ("get", {"pk": _wave}, MANAGE),
    "monitor:export_csv": ("get", {"pk": _wave}, READ),
    "monitor:invitations_csv": ("get", {"pk": _wave}, READ),
    "monitor:export_xlsx": ("get", {"pk": _wave}, as_post(READ)),  # leads to the document's progress page
    "monitor:report": ("get", {"pk": _wave}, READ),
    "monitor:report_json": ("get", {"pk": _wave}, READ),
    "monitor:report_xlsx": ("get", {"pk": _wave}, READ),
    "monitor:report_pdf": ("get", {"pk": _wave}, as_post(READ)),  # leads to the document's progress page
    "monitor:comparison": ("get", {"pk": _wave}, READ),
    "monitor:invitation": ("get", {"pk": _invitation}, MANAGE),
    "monitor:invitation_action": ("post", {"pk": _invitation}, as_post(MANAGE), {"action": "bounce"}),
    "monitor:enter_answers": ("get", {"pk": _invitation}, MANAGE),
    "monitor:respond": ("get", {"token": _token}, PUBLIC),
    "monitor:opt_out": ("get", {"token": _token}, PUBLIC),
    # The link is the authority; a login is needed because a made document belongs to a user.
    "monitor:answers_pdf": ("get", {"token": _token}, expect(REDIRECT)),
}
